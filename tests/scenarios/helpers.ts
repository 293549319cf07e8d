import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioYaml, type ScenarioParseResult } from '../../game-core/src/scenario/parse';
import type { Lang } from '../../game-core/src/scenario/messages';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCENARIOS_ROOT = join(REPO_ROOT, 'scenarios');
export const FIXTURES = join(REPO_ROOT, 'tests/scenarios/fixtures');
export const CLI = join(REPO_ROOT, 'game-core/src/scenario/cli.ts');

/** Parses a fixture the way the check does, treating every image as missing. */
export function parseFixture(name: string, lang: Lang = 'nl'): ScenarioParseResult {
  const file = join(FIXTURES, name);
  return parseScenarioYaml(readFileSync(file, 'utf8'), { file, lang, fileExists: () => false });
}
