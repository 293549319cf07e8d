import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, FIXTURES, REPO_ROOT } from './helpers';

function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr, all: r.stdout + r.stderr };
}

const STACK = /\n\s+at |Error:|node:internal/;

describe('npm run scenarios:check', () => {
  it('exits 1 on a broken file and prints file:line:column, the message and the suggestion', () => {
    const r = check('tests/scenarios/fixtures/broken/unknown-role.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "tests/scenarios/fixtures/broken/unknown-role.yaml:47:11  de rol 'klantmanger' bestaat niet in 'roles'  → bedoelde je 'klantmanager'?",
    );
    expect(r.out).toContain("1 fout in 1 van 1 scenario.");
    expect(r.all).not.toMatch(STACK);
  });

  it('exits 0 on every shipped scenario and says all is fine', () => {
    const r = check();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ scenarios\/tess-wordt-18\/scenario\.yaml/);
    expect(r.out).toMatch(/gecontroleerd: alles in orde\./);
  });

  it('checks several files at once and counts the broken ones', () => {
    const r = check('tests/scenarios/fixtures/base.yaml', 'tests/scenarios/fixtures/broken/tab-indent.yaml', 'tests/scenarios/fixtures/broken/wrong-type.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('✓ tests/scenarios/fixtures/base.yaml');
    expect(r.out).toContain('tab-indent.yaml:34:1  YAML-fout: inspringen moet met spaties, niet met tabs');
    expect(r.out).toContain('2 fouten in 2 van 3 scenario');
  });

  it('speaks English with --lang en', () => {
    const r = check('--lang', 'en', 'tests/scenarios/fixtures/broken/unknown-sector.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain("unknown-sector.yaml:43:13  the life domain 'wrek' does not exist in 'board.sectors'  → did you mean 'werk'?");
    expect(r.out).toContain('1 problem in 1 of 1 scenario.');
  });

  it('explains a missing file in one plain sentence, without a stack trace', () => {
    const r = check('tests/scenarios/fixtures/bestaat-niet.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('bestaat-niet.yaml:1:1  het bestand kan niet gelezen worden (het bestaat niet)');
    expect(r.all).not.toMatch(STACK);
  });

  it('explains a folder without scenarios in one plain sentence', () => {
    const r = check('tests/scenarios/fixtures/broken');
    expect(r.code).toBe(1);
    expect(r.err).toContain("geen scenario's gevonden in 'tests/scenarios/fixtures/broken'");
    expect(r.all).not.toMatch(STACK);
  });

  it('rejects an unknown option with exit code 2 and points at --help', () => {
    const r = check('--strikt');
    expect(r.code).toBe(2);
    expect(r.err).toContain("onbekende optie '--strikt' (zie --help)");
  });

  it('stays quiet when its output is cut short by a pipe', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx "${CLI}" tests/scenarios/fixtures/broken/*.yaml | head -n 1`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('prints its usage with --help', () => {
    const r = check('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('npm run scenarios:check');
    expect(check('--help', '--lang', 'en').out).toContain('Checks Samenspel scenario files.');
  });

  describe('on a scenario folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-check-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('requires the id to equal the folder name', () => {
      cpSync(join(FIXTURES, 'base.yaml'), join(dir, 'andere-naam', 'scenario.yaml'));
      const r = check(join(dir, 'andere-naam'));
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/scenario\.yaml:2:5 {2}het id 'proef' is anders dan de mapnaam 'andere-naam'/);
    });

    it('finds an image next to the scenario file', () => {
      const folder = join(dir, 'proef');
      const text = readFileSync(join(FIXTURES, 'broken/image-not-found.yaml'), 'utf8');
      cpSync(join(FIXTURES, 'broken/image-not-found.yaml'), join(folder, 'scenario.yaml'));
      expect(check(folder).out).toContain("de afbeelding 'sam.png' staat niet naast het scenariobestand");
      cpSync(join(FIXTURES, 'base.yaml'), join(folder, 'sam.png'));
      const r = check(folder);
      expect(text).toContain('image: sam.png');
      expect(r.code).toBe(0);
    });
  });
});
