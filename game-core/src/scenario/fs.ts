import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import { describeIssue, type Lang } from './messages';
import { parseScenarioYaml, type ScenarioParseResult } from './parse';

/*
 * The only place (with cli.ts) where scenario code touches the disk. Everything else in
 * game-core stays pure so the browser preview and the server parse exactly the same way.
 */

/** One scenario file as found on disk, with the outcome of checking it. */
export interface LoadedScenario {
  /** The scenario's id when it parsed, otherwise the folder name. */
  id: string;
  dir: string;
  file: string;
  result: ScenarioParseResult;
}

/** A folder or file problem that is not about the contents of any one scenario. */
export class ScenarioFsError extends Error {
  constructor(
    readonly code: 'folder_not_found' | 'not_a_folder' | 'no_scenarios',
    message: string,
  ) {
    super(message);
    this.name = 'ScenarioFsError';
  }
}

export const SCENARIO_FILE = 'scenario.yaml';

/**
 * Reads and checks one scenario file. Images are looked up beside it. When the file is called
 * `scenario.yaml`, its id must equal its folder name, because that is how sessions find it.
 */
export function loadScenarioFile(path: string, lang: Lang = 'nl'): LoadedScenario {
  const dir = dirname(path);
  const folder = basename(resolve(dir));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { id: folder, dir, file: path, result: unreadable(path, err, lang) };
  }
  const result = parseScenarioYaml(text, {
    file: path,
    lang,
    fileExists: (p) => fileInside(dir, p),
    ...(basename(path) === SCENARIO_FILE ? { expectedId: folder } : {}),
  });
  return { id: result.ok ? result.scenario.id : folder, dir, file: path, result };
}

/** Checks every `<root>/<folder>/scenario.yaml`, in folder-name order. */
export function loadScenarioDir(root: string, lang: Lang = 'nl'): LoadedScenario[] {
  const nl = lang === 'nl';
  if (!existsSync(root))
    throw new ScenarioFsError('folder_not_found', nl ? `de map '${root}' bestaat niet` : `the folder '${root}' does not exist`);
  if (!statSync(root).isDirectory())
    throw new ScenarioFsError('not_a_folder', nl ? `'${root}' is geen map` : `'${root}' is not a folder`);
  const found: LoadedScenario[] = [];
  for (const name of readdirSync(root).sort()) {
    const file = join(root, name, SCENARIO_FILE);
    if (isDirectory(join(root, name)) && existsSync(file)) found.push(loadScenarioFile(file, lang));
  }
  if (found.length === 0)
    throw new ScenarioFsError(
      'no_scenarios',
      nl
        ? `geen scenario's gevonden in '${root}': elk scenario staat in een eigen map als ${SCENARIO_FILE}`
        : `no scenarios found in '${root}': each scenario lives in its own folder as ${SCENARIO_FILE}`,
    );
  return found;
}

/** True when `name` is a file inside `dir`; paths that climb out of the folder never count. */
export function fileInside(dir: string, name: string): boolean {
  const base = resolve(dir);
  const full = resolve(base, normalize(name));
  if (!full.startsWith(base + sep)) return false;
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function unreadable(file: string, err: unknown, lang: Lang): ScenarioParseResult {
  const code = (err as { code?: string }).code;
  const reason =
    code === 'ENOENT'
      ? lang === 'nl' ? 'het bestaat niet' : 'it does not exist'
      : code === 'EISDIR'
        ? lang === 'nl' ? 'het is een map' : 'it is a folder'
        : code === 'EACCES'
          ? lang === 'nl' ? 'geen leesrechten' : 'no permission to read it'
          : (code ?? String(err));
  const { message } = describeIssue({ code: 'file_unreadable', path: [], params: { reason } }, lang);
  return { ok: false, document: null, problems: [{ file, line: 1, column: 1, path: '', code: 'file_unreadable', message }] };
}
