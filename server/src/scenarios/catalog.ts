import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, watch as watchFs, writeFileSync } from 'node:fs';
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
  readonly root: string;
  list(): CatalogEntry[];
  get(id: string): Scenario | undefined;
  /** The file as the trainer wrote it, comments and all, for the editor's round trip. */
  source(id: string): string | null;
  /**
   * Checks a YAML text and, when it is clean, writes it as `<root>/<id>/scenario.yaml`.
   * Returns the problems instead when it is not.
   */
  save(id: string, yaml: string): { ok: true } | { ok: false; problems: ScenarioProblem[] };
  /** Called after every reload, with the ids now known. */
  onChange(listener: () => void): () => void;
  /** Re-reads the folder whenever a file in it changes (for `npm run dev`). */
  watch(): void;
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
  const listeners = new Set<() => void>();

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

  const parseFor = (dir: string, file: string, yaml: string) =>
    parseScenarioYaml(yaml, { file, fileExists: (p) => insideDir(dir, p) !== null && existsSync(join(dir, p)) });

  const reloadAndTell = () => {
    reload();
    for (const listener of listeners) listener();
  };

  return {
    root,
    list: () => entries,
    source: (id) => {
      const entry = entries.find((e) => e.id === id);
      return entry ? readFileSync(entry.file, 'utf8') : null;
    },
    save: (id, yaml) => {
      const dir = insideDir(root, id);
      if (!dir || !/^[a-z0-9][a-z0-9-]{0,47}$/.test(id)) throw new Error(`bad scenario id ${id}`);
      const file = join(dir, 'scenario.yaml');
      const result = parseFor(dir, file, yaml);
      if (!result.ok) return { ok: false, problems: result.problems };
      if (result.scenario.id !== id) {
        const problem: ScenarioProblem = { file, line: 1, column: 1, path: 'id', code: 'id_mismatch', message: `het id in het bestand ('${result.scenario.id}') moet gelijk zijn aan de map ('${id}')` };
        return { ok: false, problems: [problem] };
      }
      mkdirSync(dir, { recursive: true });
      // Write beside it and rename, so a crash never leaves half a scenario on disk.
      writeFileSync(`${file}.tmp`, yaml, 'utf8');
      renameSync(`${file}.tmp`, file);
      reloadAndTell();
      return { ok: true };
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watch: () => {
      if (!existsSync(root)) return;
      let timer: NodeJS.Timeout | null = null;
      // Editors save in several steps (temp file, rename); wait for the burst to settle.
      watchFs(root, { recursive: true }, () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          logger.info('scenarios changed; reloading');
          reloadAndTell();
        }, 150);
      }).unref();
    },
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
