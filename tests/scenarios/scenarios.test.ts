import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORT_TYPES } from '../../game-core/src/board/geometry';
import { loadScenarioDir } from '../../game-core/src/scenario/fs';
import { SCENARIOS_ROOT } from './helpers';

const loaded = loadScenarioDir(SCENARIOS_ROOT);
const folders = readdirSync(SCENARIOS_ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('the shipped scenarios', () => {
  it('finds a scenario.yaml in every folder under scenarios/', () => {
    expect(loaded.map((l) => l.id).sort()).toEqual(folders.sort());
    expect(folders.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(loaded.map((l) => [l.id, l] as const))('%s', (_id, item) => {
    it('passes the check without a single problem', () => {
      expect(item.result.ok ? [] : item.result.problems).toEqual([]);
    });

    const s = item.result.ok ? item.result.scenario : undefined;

    it('has at least six roles, exactly one of them the persona, and some required', () => {
      expect(s!.roles.length).toBeGreaterThanOrEqual(6);
      expect(s!.roles.filter((r) => r.kind === 'persona')).toHaveLength(1);
      expect(s!.roles.some((r) => r.required)).toBe(true);
    });

    it('has at least fifteen cards covering all four support types, on the board and in the deck', () => {
      expect(s!.cards.length).toBeGreaterThanOrEqual(15);
      expect(new Set(s!.cards.map((c) => c.supportType))).toEqual(new Set(SUPPORT_TYPES));
      expect(s!.cards.some((c) => c.placement === 'start')).toBe(true);
      expect(s!.cards.some((c) => c.placement === 'deck')).toBe(true);
    });

    it('uses most of its life domains for cards', () => {
      const used = new Set(s!.cards.map((c) => c.sector));
      expect(used.size).toBeGreaterThanOrEqual(Math.ceil(s!.board.sectors.length * 0.75));
    });

    it('has a warm-up poll, prompts for discussion, two events and reflection prompts', () => {
      expect(s!.polls.length).toBeGreaterThanOrEqual(1);
      expect(s!.prompts.situatie?.length ?? 0).toBeGreaterThan(0);
      expect(s!.events.length).toBeGreaterThanOrEqual(2);
      expect(s!.events.every((e) => e.effects.length > 0 && e.questions.length > 0)).toBe(true);
      expect(s!.reflection.prompts.length).toBeGreaterThanOrEqual(3);
    });

    it('is written in Dutch', () => {
      expect(s!.meta.language).toBe('nl');
    });

    it('starts with the editor schema line so editors can autocomplete', () => {
      const first = readFileSync(item.file, 'utf8').split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    });
  });
});

describe('Tess wordt 18', () => {
  const tess = loaded.find((l) => l.id === 'tess-wordt-18');
  const s = tess?.result.ok ? tess.result.scenario : undefined;

  it('has the roles the workshop deck needs, with Tess, her mentor and her jeugdbeschermer required', () => {
    const ids = s!.roles.map((r) => r.id);
    for (const id of ['tess', 'moeder', 'jeugdbeschermer', 'mentor', 'klantmanager', 'wmo-consulent', 'slb', 'filiaalmanager'])
      expect(ids).toContain(id);
    const required = s!.roles.filter((r) => r.required).map((r) => r.id);
    expect(required).toEqual(expect.arrayContaining(['tess', 'mentor', 'jeugdbeschermer']));
  });

  it('says in its description that it chose an OTS with a jeugdbeschermer instead of a voogd', () => {
    expect(s!.meta.description).toMatch(/OTS/);
    expect(s!.meta.description).toMatch(/jeugdbeschermer/);
  });

  it('ends the OTS, the fasehuis and the child benefit and moves youth mental health to national funding when Tess turns 18', () => {
    const event = s!.events.find((e) => e.id === 'tess-wordt-18')!;
    const ended = event.effects.filter((f) => f.kind === 'end').map((f) => f.card);
    expect(ended).toEqual(expect.arrayContaining(['ots', 'fasehuis', 'mentorgesprek', 'kinderbijslag']));
    const move = event.effects.find((f) => f.kind === 'move' && f.card === 'jeugd-ggz');
    expect(move).toMatchObject({ supportType: 'landelijk' });
    const added = event.effects.flatMap((f) => (f.kind === 'add' ? [f.card.id] : []));
    expect(added).toEqual(
      expect.arrayContaining(['studiefinanciering-bol', 'verlengde-jeugdhulp', 'wmo-begeleiding', 'bijstand-jongerennorm', 'huurtoeslag', 'onderhoudsplicht-ouders']),
    );
  });

  it('carries the ten Praatplaat themes in four groups', () => {
    const plaat = s!.reflection.praatplaat ?? [];
    expect(plaat).toHaveLength(10);
    expect(new Set(plaat.map((p) => p.group)).size).toBe(4);
  });
});

describe('scenario files', () => {
  it('hold only the yaml file and its images in each scenario folder', () => {
    for (const folder of folders) {
      for (const f of readdirSync(join(SCENARIOS_ROOT, folder))) expect(f).toMatch(/\.(ya?ml|png|jpe?g|svg|webp)$/);
    }
  });
});
