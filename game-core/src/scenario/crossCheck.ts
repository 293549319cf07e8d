import type { Scenario } from './schema';

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

/** Checks that every id a scenario names exists, ids are unique, and images are there. */
export function crossCheck(s: Scenario, opts: CrossCheckOptions = {}): RefIssue[] {
  const issues: RefIssue[] = [];
  if (opts.expectedId !== undefined && s.id !== opts.expectedId)
    issues.push({ code: 'id_not_folder', path: ['id'], params: { id: s.id, folder: opts.expectedId } });
  const roleIds = s.roles.map((r) => r.id);
  const sectorIds = s.board.sectors.map((x) => x.id);
  const cardIds = s.cards.map((c) => c.id);

  unique(s.roles.map((r) => r.id), (i, id) => issues.push({ code: 'duplicate_id', path: ['roles', i, 'id'], params: { id } }));
  unique(sectorIds, (i, id) => issues.push({ code: 'duplicate_id', path: ['board', 'sectors', i, 'id'], params: { id } }));
  unique(s.polls.map((p) => p.id), (i, id) => issues.push({ code: 'duplicate_id', path: ['polls', i, 'id'], params: { id } }));
  unique(s.events.map((e) => e.id), (i, id) => issues.push({ code: 'duplicate_id', path: ['events', i, 'id'], params: { id } }));
  const addedIds = s.events.flatMap((e) => e.effects.flatMap((f) => (f.kind === 'add' ? [f.card.id] : [])));
  unique([...cardIds, ...addedIds], (i, id) => {
    if (i < cardIds.length) issues.push({ code: 'duplicate_id', path: ['cards', i, 'id'], params: { id } });
    else issues.push({ code: 'duplicate_id', path: locateAdded(s, i - cardIds.length), params: { id } });
  });

  s.cards.forEach((c, i) => {
    if (c.role !== undefined && !roleIds.includes(c.role))
      issues.push({ code: 'unknown_role', path: ['cards', i, 'role'], params: { id: c.role }, candidates: roleIds });
    if (!sectorIds.includes(c.sector))
      issues.push({ code: 'unknown_sector', path: ['cards', i, 'sector'], params: { id: c.sector }, candidates: sectorIds });
  });

  const known = new Set(cardIds);
  s.events.forEach((e, ei) => {
    // Cards added by this event exist for the later effects of the same event and after.
    const available = new Set(known);
    e.effects.forEach((f, fi) => {
      if (f.kind === 'add') {
        available.add(f.card.id);
        if (f.card.role !== undefined && !roleIds.includes(f.card.role))
          issues.push({ code: 'unknown_role', path: ['events', ei, 'effects', fi, 'card', 'role'], params: { id: f.card.role }, candidates: roleIds });
        if (!sectorIds.includes(f.card.sector))
          issues.push({ code: 'unknown_sector', path: ['events', ei, 'effects', fi, 'card', 'sector'], params: { id: f.card.sector }, candidates: sectorIds });
        return;
      }
      if (!available.has(f.card))
        issues.push({ code: 'unknown_card', path: ['events', ei, 'effects', fi, 'card'], params: { id: f.card }, candidates: [...available] });
      if (f.kind === 'move') {
        if (f.supportType === undefined && f.sector === undefined)
          issues.push({ code: 'move_without_target', path: ['events', ei, 'effects', fi], params: { id: f.card } });
        if (f.sector !== undefined && !sectorIds.includes(f.sector))
          issues.push({ code: 'unknown_sector', path: ['events', ei, 'effects', fi, 'sector'], params: { id: f.sector }, candidates: sectorIds });
      }
    });
    e.effects.forEach((f) => {
      if (f.kind === 'add') known.add(f.card.id);
    });
  });

  if (!s.roles.some((r) => r.required))
    issues.push({ code: 'no_required_role', path: ['roles'] });
  // The board puts the persona's token in the middle; without one the wheel has no centre.
  if (!s.roles.some((r) => r.kind === 'persona'))
    issues.push({ code: 'no_persona_role', path: ['roles'], params: { name: s.persona.name } });

  s.polls.forEach((p, i) => {
    if (p.kind === 'choice' && (p.options === undefined || p.options.length < 2))
      issues.push({ code: 'choice_without_options', path: ['polls', i], params: { id: p.id } });
  });

  const imageChecks: { path: (string | number)[]; file: string }[] = [];
  if (s.persona.image) imageChecks.push({ path: ['persona', 'image'], file: s.persona.image });
  if (opts.fileExists) {
    for (const img of imageChecks) {
      if (!opts.fileExists(img.file)) issues.push({ code: 'image_not_found', path: img.path, params: { file: img.file } });
    }
  }
  return issues;
}

function unique(ids: string[], onDuplicate: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) onDuplicate(i, id);
    seen.add(id);
  });
}

function locateAdded(s: Scenario, n: number): (string | number)[] {
  let k = 0;
  for (const [ei, e] of s.events.entries()) {
    for (const [fi, f] of e.effects.entries()) {
      if (f.kind !== 'add') continue;
      if (k === n) return ['events', ei, 'effects', fi, 'card', 'id'];
      k++;
    }
  }
  return ['events'];
}
