import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { parseScenarioYaml, type Scenario, type ScenarioProblem } from '@samenspel/game-core/scenario';
import type { Logger } from '../logger';

export interface CatalogEntry {
  id: string;
  dir: string;
  file: string;
  scenario: Scenario | null;
  problems: ScenarioProblem[];
}

export interface ScenarioCatalog {
  list(): CatalogEntry[];
  get(id: string): Scenario | undefined;
  /** Absolute path of a file inside a scenario's folder, or null if it is not there. */
  asset(id: string, name: string): string | null;
  reload(): void;
}

/**
 * The scenarios a server offers: every `scenarios/<folder>/scenario.yaml`. An invalid file is
 * refused with the same messages as `npm run scenarios:check`; the valid ones are still served.
 */
export function loadScenarioCatalog(root: string, logger: Logger): ScenarioCatalog {
  let entries: CatalogEntry[] = [];

  const reload = () => {
    entries = [];
    if (!existsSync(root)) {
      logger.warn('scenario folder not found', { root });
      return;
    }
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      const file = join(dir, 'scenario.yaml');
      if (!statSync(dir).isDirectory() || !existsSync(file)) continue;
      const result = parseScenarioYaml(readFileSync(file, 'utf8'), {
        file,
        fileExists: (p) => insideDir(dir, p) !== null && existsSync(join(dir, p)),
      });
      if (result.ok) {
        if (result.scenario.id !== name)
          logger.warn('scenario id differs from its folder name', { folder: name, id: result.scenario.id });
        entries.push({ id: result.scenario.id, dir, file, scenario: result.scenario, problems: [] });
      } else {
        for (const p of result.problems) logger.error(`${p.file}:${p.line}:${p.column} ${p.message}`, { scenario: name });
        entries.push({ id: name, dir, file, scenario: null, problems: result.problems });
      }
    }
  };
  reload();

  return {
    list: () => entries,
    get: (id) => entries.find((e) => e.id === id)?.scenario ?? undefined,
    asset: (id, name) => {
      const entry = entries.find((e) => e.id === id);
      if (!entry) return null;
      const path = insideDir(entry.dir, name);
      return path && existsSync(path) && statSync(path).isFile() ? path : null;
    },
    reload,
  };
}

/** Resolves a relative name inside a folder, refusing anything that climbs out of it. */
function insideDir(dir: string, name: string): string | null {
  const base = resolve(dir);
  const full = resolve(base, normalize(name));
  return full.startsWith(base + sep) ? full : null;
}
