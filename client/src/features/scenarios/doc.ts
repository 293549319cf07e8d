import { isMap, isScalar, isSeq, Pair, parseDocument, Scalar, visit, type Document } from 'yaml';

/*
 * Editing a scenario file the way a trainer wrote it. The form changes the parsed YAML Document
 * in place, so comments, blank lines, quoting and the order of fields survive; `String(doc)` is
 * the new file. Everything is read with the failsafe schema, so every value is text.
 */

export type Path = readonly (string | number)[];
export type ScenarioDoc = Document;

const originals = new WeakMap<ScenarioDoc, string>();

export function openDoc(text: string): ScenarioDoc {
  const doc = parseDocument(text, { schema: 'failsafe' });
  originals.set(doc, text);
  return doc;
}

/**
 * The file text: `String(doc)`, with every text the trainer did not change written exactly as it
 * was. The yaml library re-folds long `>-` texts to its own line width; a trainer who changed one
 * name should see one changed line in their diff, not forty.
 */
export function docText(doc: ScenarioDoc): string {
  const out = String(doc);
  const original = originals.get(doc);
  return original === undefined ? out : keepWrapping(original, out);
}

interface Written {
  start: number;
  end: number;
  indent: number;
}

function scalarsBy(text: string): { doc: Document; byValue: Map<string, Written[]> } {
  const doc = parseDocument(text, { schema: 'failsafe' });
  const byValue = new Map<string, Written[]>();
  visit(doc, {
    Scalar(_key, node) {
      if (!node.range || typeof node.value !== 'string') return;
      const k = `${node.type}\u0000${node.value}`;
      const list = byValue.get(k) ?? [];
      list.push({ start: node.range[0], end: node.range[1], indent: lineIndent(text, node.range[0]) });
      byValue.set(k, list);
    },
  });
  return { doc, byValue };
}

/** Puts back the original wording of scalars whose value did not change. */
export function keepWrapping(original: string, out: string): string {
  if (original === out) return out;
  try {
    const before = scalarsBy(original);
    if (before.doc.errors.length > 0) return out;
    const after = scalarsBy(out);
    const swaps: { start: number; end: number; text: string }[] = [];
    for (const [k, places] of after.byValue) {
      const candidates = before.byValue.get(k);
      if (!candidates) continue;
      for (const place of places) {
        const was = candidates.find((c) => c.indent === place.indent);
        if (!was) continue;
        const oldText = original.slice(was.start, was.end);
        if (oldText !== out.slice(place.start, place.end)) swaps.push({ start: place.start, end: place.end, text: oldText });
      }
    }
    if (swaps.length === 0) return out;
    let result = out;
    for (const s of swaps.sort((a, b) => b.start - a.start)) result = result.slice(0, s.start) + s.text + result.slice(s.end);
    // Never trade correctness for looks: the result must mean exactly what String(doc) means.
    const check = parseDocument(result, { schema: 'failsafe' });
    if (check.errors.length > 0 || JSON.stringify(check.toJS()) !== JSON.stringify(after.doc.toJS())) return out;
    return result;
  } catch {
    return out;
  }
}

function lineIndent(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^ */.exec(text.slice(lineStart))![0].length;
}

/** The plain data of the document (strings, arrays, objects), or {} when it is not a mapping. */
export function docData(doc: ScenarioDoc): Record<string, unknown> {
  const data: unknown = doc.errors.length > 0 ? null : doc.toJS();
  return isRecord(data) ? data : {};
}

/** Field order per kind of mapping, so a field added later lands where the guide puts it. */
export const FIELD_ORDER = {
  scenario: ['id', 'meta', 'persona', 'board', 'roles', 'cards', 'polls', 'prompts', 'events', 'reflection'],
  meta: ['title', 'language', 'version', 'author', 'durationMinutes', 'description'],
  persona: ['name', 'age', 'image', 'avatar', 'situation', 'interview'],
  role: ['id', 'name', 'kind', 'organisation', 'law', 'perspective', 'mandate', 'mayNot', 'required'],
  card: ['id', 'label', 'short', 'role', 'law', 'supportType', 'sector', 'placement', 'note'],
  effect: ['kind', 'to', 'card', 'role', 'supportType', 'sector', 'organisation', 'law', 'mandate', 'mayNot', 'reason'],
  poll: ['id', 'kind', 'question', 'options'],
  event: ['id', 'title', 'narrative', 'age', 'effects', 'questions'],
  reflection: ['prompts', 'praatplaat'],
  praatplaatGroup: ['group', 'title', 'questions'],
  prompts: ['kennismaken', 'situatie', 'spelen', 'reflectie'],
  supportTypes: ['eigen', 'informeel', 'gemeente', 'landelijk'],
} as const;

/**
 * Sets one field. An existing value keeps its node (and so its comment and quoting style); a new
 * key is put where `order` says, not at the end. `undefined` removes the field.
 */
export function setField(doc: ScenarioDoc, path: Path, value: string | undefined, order?: readonly string[]): void {
  if (value === undefined) {
    if (doc.hasIn(path as unknown[])) doc.deleteIn(path as unknown[]);
    return;
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath as unknown[], true);
  if (isMap(parent) && typeof key === 'string' && !parent.has(key) && order) {
    const pair = new Pair(new Scalar(key), doc.createNode(value));
    const rank = order.indexOf(key);
    const at = rank < 0 ? -1 : parent.items.findIndex((p) => order.indexOf(keyOf(p.key)) > rank);
    if (at < 0) parent.items.push(pair);
    else parent.items.splice(at, 0, pair);
    return;
  }
  doc.setIn(path as unknown[], value);
}

/** Sets a text field of a form: empty text removes an optional field and leaves a required one empty. */
export function setText(doc: ScenarioDoc, path: Path, text: string, options: { optional?: boolean; order?: readonly string[] } = {}): void {
  setField(doc, path, options.optional && text.trim() === '' ? undefined : text, options.order);
}

/** Appends an item (plain data) to a list, creating the list when it is missing. */
export function addItem(doc: ScenarioDoc, path: Path, value: unknown, order?: readonly string[]): void {
  const node = doc.getIn(path as unknown[], true);
  if (isSeq(node)) {
    // `cards: []` is a flow list; new items read better one per line.
    node.flow = false;
    node.items.push(doc.createNode(value));
    return;
  }
  const seq = doc.createNode([value]);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath as unknown[], true);
  if (isMap(parent) && typeof key === 'string' && order && !parent.has(key)) {
    const pair = new Pair(new Scalar(key), seq);
    const rank = order.indexOf(key);
    const at = parent.items.findIndex((p) => order.indexOf(keyOf(p.key)) > rank);
    if (at < 0) parent.items.push(pair);
    else parent.items.splice(at, 0, pair);
    return;
  }
  doc.setIn(path as unknown[], seq);
}

/** Removes item `index` of a list. A comment written above it stays, above the item that follows. */
export function removeItem(doc: ScenarioDoc, path: Path, index: number): void {
  const seq = doc.getIn(path as unknown[], true);
  if (!isSeq(seq) || index < 0 || index >= seq.items.length) return;
  const [removed] = seq.items.splice(index, 1);
  const comment = removed && typeof removed === 'object' && 'commentBefore' in removed ? (removed as { commentBefore?: string | null }).commentBefore : null;
  const next = seq.items[index] as { commentBefore?: string | null } | undefined;
  if (comment && next && typeof next === 'object' && !next.commentBefore) next.commentBefore = comment;
}

/** Moves item `index` of a list one place up (-1) or down (+1); comments travel with it. */
export function moveItem(doc: ScenarioDoc, path: Path, index: number, delta: -1 | 1): void {
  const seq = doc.getIn(path as unknown[], true);
  const to = index + delta;
  if (!isSeq(seq) || index < 0 || to < 0 || index >= seq.items.length || to >= seq.items.length) return;
  const items = seq.items;
  [items[index], items[to]] = [items[to]!, items[index]!];
}

/** Replaces a whole value (an effect that changes kind, for instance) with new plain data. */
export function replaceValue(doc: ScenarioDoc, path: Path, value: unknown): void {
  const old = doc.getIn(path as unknown[], true) as { commentBefore?: string | null } | undefined;
  const node = doc.createNode(value) as { commentBefore?: string | null };
  if (old && typeof old === 'object' && old.commentBefore) node.commentBefore = old.commentBefore;
  doc.setIn(path as unknown[], node);
}

/** The id of a list item with `prefix` that is not taken yet: `kaart-3`. */
export function freeId(items: unknown, prefix: string): string {
  const taken = new Set(asArray(items).map((i) => (isRecord(i) ? String(i.id ?? '') : '')));
  for (let n = asArray(items).length + 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** A role's id changes, and every card and event effect that points at it changes along. */
export function renameRoleId(doc: ScenarioDoc, roleIndex: number, newId: string): void {
  const data = docData(doc);
  const oldId = String((asArray(data.roles)[roleIndex] as Record<string, unknown> | undefined)?.id ?? '');
  setField(doc, ['roles', roleIndex, 'id'], newId);
  if (!oldId) return;
  asArray(data.cards).forEach((card, i) => {
    if (isRecord(card) && card.role === oldId) setField(doc, ['cards', i, 'role'], newId);
  });
  asArray(data.events).forEach((event, e) => {
    if (!isRecord(event)) return;
    asArray(event.effects).forEach((effect, f) => {
      if (isRecord(effect) && isRecord(effect.card) && effect.card.role === oldId) setField(doc, ['events', e, 'effects', f, 'card', 'role'], newId);
    });
  });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asText(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** A small scenario that passes the check, for "new scenario". */
export const TEMPLATE = `# Een nieuw scenario. Zie docs/scenario-authoring.md voor uitleg bij elk veld.
id: nieuw-scenario

meta:
  title: Nieuw scenario
  language: nl
  version: "0.1"
  author: Naam van de trainer
  durationMinutes: "90"
  description: >-
    Waar gaat dit scenario over, en wat leren spelers ervan?

persona:
  name: Sam
  age: "30"
  avatar: "🙂"
  situation: Sam woont alleen en zoekt werk.
  interview:
    - question: Wie ben jij?
      answer: Ik ben Sam.

board:
  sectors:
    - id: wonen
      label: Wonen
    - id: werk
      label: Werk
    - id: gezondheid
      label: Gezondheid

roles:
  - id: sam
    name: Sam
    kind: persona
    perspective: Ik wil zelf kunnen kiezen.
    mandate: Beslist zelf.
    mayNot: Kan geen hulp afdwingen.
    required: "true"

# Kaarten met placement start liggen bij de start op het wiel; de rest ligt op de stapel.
cards:
  - id: eigen-huis
    label: Eigen huurwoning
    role: sam
    supportType: eigen
    sector: wonen
    placement: start

polls: []

prompts:
  kennismaken:
    - Wat wil je Sam vragen?

events: []

reflection:
  prompts:
    - Wat is je bijgebleven?
`;
