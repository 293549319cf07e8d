import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';
import { crossCheck } from './crossCheck';
import { describeIssue, nearest, type Lang } from './messages';
import { findYamlSlip } from './yamlSlips';

/** One thing wrong in a scenario file, pointing at a place a trainer can find. */
export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted path into the scenario, e.g. `cards.3.role`. */
  path: string;
  code: string;
  message: string;
  suggestion?: string;
}

export type ScenarioParseResult =
  | { ok: true; scenario: Scenario; document: Document }
  | { ok: false; problems: ScenarioProblem[]; document: Document | null };

export interface ParseOptions {
  file?: string;
  lang?: Lang;
  /** Tells whether an image path next to the file exists; omitted means "don't check". */
  fileExists?: (relativePath: string) => boolean;
  /** The scenario's folder name; when given, the id must equal it. */
  expectedId?: string;
}

/** Parses and checks a scenario YAML text: syntax, schema and cross-references. */
export function parseScenarioYaml(text: string, options: ParseOptions = {}): ScenarioParseResult {
  const file = options.file ?? 'scenario.yaml';
  const lang = options.lang ?? 'nl';
  const lineCounter = new LineCounter();
  // failsafe: every scalar is a string, so YAML 1.1 surprises (NO → false, 010 → 8) cannot happen.
  const document = parseDocument(text, { lineCounter, schema: 'failsafe', prettyErrors: false, uniqueKeys: true });

  if (document.errors.length > 0) return { ok: false, problems: yamlProblems(text, document, lineCounter, file, lang), document };

  const locate = (path: readonly PropertyKey[]) => locatePath(document, lineCounter, path);
  const raw: unknown = document.toJS();
  const parsed = scenarioSchema.safeParse(raw ?? {});
  const problems = parsed.success
    ? []
    : zodProblems(parsed.error.issues, raw, file, lang, (path, asKey) => (asKey ? locateKey(document, lineCounter, path) : locate(path)));
  // Cross-references are checked on the text as written, so they are reported in the same run
  // as schema problems instead of after the trainer fixed those.
  const refs = crossCheck(raw, { fileExists: options.fileExists, expectedId: options.expectedId });
  for (const ref of refs) {
    const { line, column } = locate(ref.path);
    const described = describeIssue(ref, lang);
    problems.push({ file, line, column, path: ref.path.join('.'), code: ref.code, ...described });
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems: sortProblems(dedupe(problems)), document };
  return { ok: true, scenario: parsed.data, document };
}

/**
 * After one indentation or quoting slip the parser misreads the lines below it, so later
 * errors are mostly echoes: report the slip, on the line it is on. Duplicate keys stand on
 * their own, so every one of those is kept.
 */
function yamlProblems(text: string, document: Document, lineCounter: LineCounter, file: string, lang: Lang): ScenarioProblem[] {
  const problem = (line: number, column: number, input: { code: string; detail: string; key?: string }): ScenarioProblem => ({
    file,
    line,
    column,
    path: '',
    code: 'yaml_syntax',
    message: describeIssue({ kind: 'yaml', ...input }, lang).message,
  });
  const problems: ScenarioProblem[] = [];
  for (const err of document.errors) {
    if (err.code !== 'DUPLICATE_KEY') continue;
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push(problem(pos.line, pos.col, { code: 'DUPLICATE_KEY', detail: firstLine(err.message), key: keyAt(text, err.pos[0]) }));
  }
  const first = document.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    // The parser reports a line indented too far at the line above it, so the slip may be one below.
    const slip = findYamlSlip(text, lang);
    if (slip && slip.line <= pos.line + 1) problems.push(problem(slip.line, slip.column, { code: slip.code, detail: slip.detail, key: slip.detail }));
    else {
      const detail = firstLine(first.message).replace(/ at line \d+, column \d+:?$/, '');
      problems.push(problem(pos.line, pos.col, { code: yamlCode(first.code, detail), detail }));
    }
  }
  return sortProblems(problems);
}

/** One message per place and kind: a schema problem and a cross-check can see the same slip. */
function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Locate = (path: readonly PropertyKey[], asKey?: boolean) => { line: number; column: number };

function zodProblems(issues: readonly z.core.$ZodIssue[], raw: unknown, file: string, lang: Lang, locate: Locate): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  // A misspelt key also shows up as "required field missing"; one mistake should give one message.
  const explained = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = allowedKeysAt(scenarioSchema, issue.path, raw);
    for (const key of issue.keys) {
      const near = known ? nearest(key, known) : undefined;
      if (near) explained.add([...issue.path, near].join('.'));
      const single: z.core.$ZodIssue = { ...issue, keys: [key] };
      const path = [...issue.path.map(plainKey), key];
      const { line, column } = locate(path, true);
      const described = describeIssue({ kind: 'zod', issue: single, known }, lang);
      problems.push({ file, line, column, path: path.join('.'), code: `schema_${issue.code}`, ...described });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path.map(plainKey);
    if (issue.code === 'invalid_type' && !valueAt(raw, path).present && explained.has(path.join('.'))) continue;
    const { line, column } = locate(path);
    const described = describeIssue({ kind: 'zod', issue, received: valueAt(raw, path) }, lang);
    problems.push({ file, line, column, path: path.join('.'), code: `schema_${issue.code}`, ...described });
  }
  return problems;
}

function plainKey(p: PropertyKey): string | number {
  return typeof p === 'symbol' ? String(p) : p;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let cur: unknown = raw;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return { present: false };
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return { present: cur !== undefined, value: cur };
}

type AnySchema = z.core.$ZodType;

/**
 * The field names the schema allows at `path`. zod 4 reports an unknown key without the keys it
 * expected, so walk the schema alongside the data (the data picks the branch of a union).
 */
export function allowedKeysAt(schema: AnySchema, path: readonly PropertyKey[], raw: unknown): string[] | undefined {
  let node: AnySchema | undefined = schema;
  let data: unknown = raw;
  for (const key of path) {
    node = unwrap(node, data);
    if (!node) return undefined;
    const def = node._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
    data = data !== null && typeof data === 'object' ? (data as Record<PropertyKey, unknown>)[key] : undefined;
    if (def.type === 'object' && def.shape && typeof key === 'string') node = def.shape[key];
    else if (def.type === 'array' && def.element && typeof key === 'number') node = def.element;
    else return undefined;
  }
  node = unwrap(node, data);
  const def = node?._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

function unwrap(node: AnySchema | undefined, data: unknown): AnySchema | undefined {
  for (let guard = 0; node && guard < 20; guard++) {
    const def = node._zod.def as unknown as {
      type: string;
      innerType?: AnySchema;
      in?: AnySchema;
      out?: AnySchema;
      options?: AnySchema[];
      discriminator?: string;
    };
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type)) node = def.innerType;
    // A preprocess is a pipe from a transform into the real schema; a plain pipe is shaped by its input.
    else if (def.type === 'pipe') node = (def.in?._zod.def as { type?: string } | undefined)?.type === 'transform' ? def.out : def.in;
    else if (def.type === 'union' && def.options) node = pickOption(def.options, def.discriminator, data);
    else return node;
  }
  return node;
}

function pickOption(options: AnySchema[], discriminator: string | undefined, data: unknown): AnySchema | undefined {
  if (!discriminator || data === null || typeof data !== 'object') return undefined;
  const wanted = (data as Record<string, unknown>)[discriminator];
  return options.find((o) => {
    const shape = (o._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
    const tag = shape?.[discriminator]?._zod.def as unknown as { values?: unknown[] } | undefined;
    return tag?.values?.includes(wanted) ?? false;
  });
}

/** Where a key itself is written, so "unknown field" points at the misspelt word. */
function locateKey(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]) {
  const parent = document.getIn(path.slice(0, -1) as unknown[], true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isScalar(pair.key) && pair.key.value === last && pair.key.range) {
        const pos = lineCounter.linePos(pair.key.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
  }
  return locatePath(document, lineCounter, path);
}

/** The yaml library uses MISSING_CHAR for several slips; tell the common ones apart. */
function yamlCode(code: string, detail: string): string {
  if (code !== 'MISSING_CHAR') return code;
  if (/quote/i.test(detail)) return 'MISSING_QUOTE';
  if (/without - indicator/i.test(detail)) return 'MISSING_DASH';
  return code;
}

/** The key written at a parse error's offset, for "this field appears twice". */
function keyAt(text: string, offset: number): string {
  return /^[^:\n]*/.exec(text.slice(offset))?.[0]?.trim() ?? '';
}

/**
 * The deepest node that exists along `path`. A missing key points at its parent mapping, which
 * is where the trainer has to add it.
 */
function locatePath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]) {
  let best: number = document.contents && isNode(document.contents) ? (document.contents.range?.[0] ?? 0) : 0;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      best = node.range[0];
      break;
    }
  }
  const pos = lineCounter.linePos(best);
  return { line: pos.line, column: pos.col };
}

function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
