import { idSchema } from './schema';

/** A cross-reference problem before it is given a place and words. */
export interface RefIssue {
  code: string;
  path: (string | number)[];
  params?: Record<string, string>;
  /** Names that exist, to suggest the nearest one. */
  candidates?: string[];
}

export interface CrossCheckOptions {
  fileExists?: ((p: string) => boolean) | undefined;
  /** The folder name the scenario lives in; sessions and links find a scenario by it. */
  expectedId?: string | undefined;
}

type Rec = Record<string, unknown>;

/*
 * Works on the parsed YAML as written, not on the checked scenario, so a trainer hears about a
 * missing sector and a badly written id in the same run. Whatever the schema already rejects
 * (a missing list, an id with capitals) is skipped here, so one mistake gives one message.
 */

/** Checks that every id a scenario names exists, ids are unique, and images are there. */
export function crossCheck(raw: unknown, opts: CrossCheckOptions = {}): RefIssue[] {
  const issues: RefIssue[] = [];
  const s = record(raw) ?? {};
  const board = record(s.board) ?? {};
  const roles = records(s.roles);
  const sectors = records(board.sectors);
  const cards = records(s.cards);
  const polls = records(s.polls);
  const events = records(s.events);
  const effectsOf = (e: Rec) => records(e.effects);

  const scenarioId = id(s.id);
  if (opts.expectedId !== undefined && scenarioId !== undefined && scenarioId !== opts.expectedId)
    issues.push({ code: 'id_not_folder', path: ['id'], params: { id: scenarioId, folder: opts.expectedId } });

  const roleIds = ids(roles);
  const sectorIds = ids(sectors);
  const cardIds = ids(cards);

  duplicates(roles, ['roles'], issues);
  duplicates(sectors, ['board', 'sectors'], issues);
  duplicates(polls, ['polls'], issues);
  duplicates(events, ['events'], issues);
  // Cards from the list and cards events add share one name space: a session holds them side by side.
  const allCards: { id: string; path: (string | number)[] }[] = [];
  cards.forEach((c, i) => allCards.push({ id: id(c.id) ?? '', path: ['cards', i, 'id'] }));
  events.forEach((e, ei) =>
    effectsOf(e).forEach((f, fi) => {
      const card = record(f.card);
      if (f.kind === 'add' && card) allCards.push({ id: id(card.id) ?? '', path: ['events', ei, 'effects', fi, 'card', 'id'] });
    }),
  );
  const seen = new Set<string>();
  for (const c of allCards) {
    if (c.id === '') continue;
    if (seen.has(c.id)) issues.push({ code: 'duplicate_id', path: c.path, params: { id: c.id } });
    seen.add(c.id);
  }

  const checkRole = (value: unknown, path: (string | number)[]) => {
    const role = id(value);
    if (role !== undefined && !roleIds.includes(role)) issues.push({ code: 'unknown_role', path, params: { id: role }, candidates: roleIds });
  };
  const checkSector = (value: unknown, path: (string | number)[]) => {
    const sector = id(value);
    if (sector !== undefined && !sectorIds.includes(sector)) issues.push({ code: 'unknown_sector', path, params: { id: sector }, candidates: sectorIds });
  };
  cards.forEach((c, i) => {
    checkRole(c.role, ['cards', i, 'role']);
    checkSector(c.sector, ['cards', i, 'sector']);
  });

  /** Where each card an event adds first appears, to tell "not yet" from "nowhere". */
  const addedAt = new Map<string, { ei: number; fi: number; event: string }>();
  events.forEach((e, ei) =>
    effectsOf(e).forEach((f, fi) => {
      const card = record(f.card);
      const cardId = f.kind === 'add' && card ? id(card.id) : undefined;
      if (cardId !== undefined && !addedAt.has(cardId)) addedAt.set(cardId, { ei, fi, event: id(e.id) ?? String(ei + 1) });
    }),
  );
  const available = new Set(cardIds);
  events.forEach((e, ei) => {
    effectsOf(e).forEach((f, fi) => {
      const path = ['events', ei, 'effects', fi];
      if (f.kind === 'add') {
        const card = record(f.card);
        const cardId = card ? id(card.id) : undefined;
        // Cards added by this event exist for the later effects of the same event and after.
        if (cardId !== undefined) available.add(cardId);
        if (card) {
          checkRole(card.role, [...path, 'card', 'role']);
          checkSector(card.sector, [...path, 'card', 'sector']);
        }
        return;
      }
      if (f.kind === 'role') {
        checkRole(f.role, [...path, 'role']);
        const role = id(f.role);
        if (role !== undefined && !['organisation', 'law', 'mandate', 'mayNot'].some((k) => typeof f[k] === 'string'))
          issues.push({ code: 'role_without_change', path, params: { id: role } });
        return;
      }
      if (!['end', 'move', 'pause', 'resume'].includes(String(f.kind))) return;
      const cardId = id(f.card);
      if (cardId !== undefined && !available.has(cardId)) {
        const later = addedAt.get(cardId);
        if (later && (later.ei > ei || (later.ei === ei && later.fi > fi)))
          issues.push({ code: later.ei === ei ? 'card_added_later_here' : 'card_added_later', path: [...path, 'card'], params: { id: cardId, event: later.event } });
        else issues.push({ code: 'unknown_card', path: [...path, 'card'], params: { id: cardId }, candidates: [...available] });
      }
      if (f.kind === 'move') {
        if (f.supportType === undefined && f.sector === undefined)
          issues.push({ code: 'move_without_target', path, params: { id: cardId ?? '' } });
        checkSector(f.sector, [...path, 'sector']);
      }
    });
  });

  if (roles.length > 0) {
    // A `required` the schema cannot read is reported there; guessing it was meant as "no" would add noise.
    const readable = roles.every((r) => r.required === undefined || isYes(r.required) || isNo(r.required));
    if (readable && !roles.some((r) => isYes(r.required))) issues.push({ code: 'no_required_role', path: ['roles'] });
    // The board puts the persona's token in the middle; without one the wheel has no centre.
    if (!roles.some((r) => r.kind === 'persona'))
      issues.push({ code: 'no_persona_role', path: ['roles'], params: { name: typeof record(s.persona)?.name === 'string' ? String(record(s.persona)?.name) : '' } });
  }

  polls.forEach((p, i) => {
    const options = p.options;
    if (p.kind === 'choice' && options === undefined) issues.push({ code: 'choice_without_options', path: ['polls', i], params: { id: id(p.id) ?? '' } });
  });

  const image = record(s.persona)?.image;
  if (opts.fileExists && typeof image === 'string' && image.trim() !== '' && !opts.fileExists(image.trim()))
    issues.push({ code: 'image_not_found', path: ['persona', 'image'], params: { file: image.trim() } });
  return issues;
}

function record(v: unknown): Rec | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined;
}

function records(v: unknown): Rec[] {
  return Array.isArray(v) ? v.map((x) => record(x) ?? {}) : [];
}

/** The id as the schema reads it, or undefined when the schema rejects it (and says so itself). */
function id(v: unknown): string | undefined {
  const parsed = idSchema.safeParse(v);
  return parsed.success ? parsed.data : undefined;
}

function ids(list: Rec[]): string[] {
  return list.flatMap((x) => {
    const v = id(x.id);
    return v === undefined ? [] : [v];
  });
}

function duplicates(list: Rec[], base: (string | number)[], issues: RefIssue[]): void {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    const v = id(x.id);
    if (v === undefined) return;
    if (seen.has(v)) issues.push({ code: 'duplicate_id', path: [...base, i, 'id'], params: { id: v } });
    seen.add(v);
  });
}

function isNo(v: unknown): boolean {
  return v === false || (typeof v === 'string' && ['false', 'no', 'nee', 'onwaar'].includes(v.trim().toLowerCase()));
}

function isYes(v: unknown): boolean {
  return v === true || (typeof v === 'string' && ['true', 'yes', 'ja', 'waar'].includes(v.trim().toLowerCase()));
}
