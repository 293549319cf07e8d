import { existsSync, mkdirSync, readFileSync, renameSync, watch as watchFs, writeFileSync } from 'node:fs';
import { basename, join, normalize, relative, resolve, sep } from 'node:path';
import { parseScenarioYaml, type Scenario, type ScenarioProblem } from '@samenspel/game-core/scenario';
import { fileInside, loadScenarioDir, ScenarioFsError } from '@samenspel/game-core/scenario/fs';
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
  /**
   * The folder as the operator configured it (`SCENARIOS_DIR`), for trainers to find a file:
   * the server's own absolute path never goes out over HTTP unless it was configured that way.
   */
  readonly shownRoot: string;
  /** A file inside the folder, as `<shownRoot>/<id>/scenario.yaml`; just its name otherwise. */
  shown(file: string): string;
  list(): CatalogEntry[];
  get(id: string): Scenario | undefined;
  /** The file as the trainer wrote it, comments and all, for the editor's round trip. */
  source(id: string): string | null;
  /**
   * Checks a YAML text and, when it is clean, writes it as `<root>/<id>/scenario.yaml`.
   * Returns the problems instead when it is not.
   */
  save(id: string, yaml: string): { ok: true } | { ok: false; problems: ScenarioProblem[] };
  /** Absolute path of a file inside a scenario's folder, or null if it is not there. */
  asset(id: string, name: string): string | null;
  /** Called after every reload. */
  onChange(listener: () => void): () => void;
  /** Re-reads the folder whenever a file in it changes (for `npm run dev`). */
  watch(): void;
  reload(): void;
}

export const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;

/**
 * The scenarios a server offers: every `scenarios/<folder>/scenario.yaml`, read and checked by
 * the same code as `npm run scenarios:check`. An invalid file is refused with the same
 * messages; the valid ones are still served.
 */
export function loadScenarioCatalog(root: string, logger: Logger, opts: { shownRoot?: string } = {}): ScenarioCatalog {
  const shownRoot = (opts.shownRoot ?? basename(resolve(root))).replace(/[\\/]+$/, '') || '.';
  let entries: CatalogEntry[] = [];
  const listeners = new Set<() => void>();

  const reload = () => {
    try {
      entries = loadScenarioDir(root).map(({ id, dir, file, result }) => ({
        id,
        dir,
        file,
        scenario: result.ok ? result.scenario : null,
        problems: result.ok ? [] : result.problems,
      }));
    } catch (error) {
      if (!(error instanceof ScenarioFsError)) throw error;
      logger.warn('no scenarios to serve', { root, reason: error.message });
      entries = [];
    }
    for (const entry of entries)
      for (const p of entry.problems) logger.error(`${p.file}:${p.line}:${p.column} ${p.message}`, { scenario: entry.id });
  };
  reload();

  const reloadAndTell = () => {
    reload();
    for (const listener of listeners) listener();
  };

  return {
    root,
    shownRoot,
    shown: (file) => {
      const rel = relative(resolve(root), resolve(file));
      if (rel === '' || rel.startsWith('..') || resolve(rel) === rel) return basename(file);
      return [shownRoot, ...rel.split(sep)].join('/');
    },
    list: () => entries,
    get: (id) => entries.find((e) => e.id === id)?.scenario ?? undefined,
    source: (id) => {
      const entry = entries.find((e) => e.id === id);
      return entry ? readFileSync(entry.file, 'utf8') : null;
    },
    save: (id, yaml) => {
      const dir = insideDir(root, id);
      if (!dir || !SCENARIO_ID.test(id)) throw new Error(`bad scenario id ${id}`);
      const file = join(dir, 'scenario.yaml');
      const result = parseScenarioYaml(yaml, { file, expectedId: id, fileExists: (p) => fileInside(dir, p) });
      if (!result.ok) return { ok: false, problems: result.problems };
      mkdirSync(dir, { recursive: true });
      // Write beside it and rename, so a crash never leaves half a scenario on disk.
      writeFileSync(`${file}.tmp`, yaml, 'utf8');
      renameSync(`${file}.tmp`, file);
      reloadAndTell();
      return { ok: true };
    },
    asset: (id, name) => {
      const entry = entries.find((e) => e.id === id);
      return entry && fileInside(entry.dir, name) ? resolve(entry.dir, normalize(name)) : null;
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
    reload,
  };
}

/** Resolves a folder name inside the root, refusing anything that climbs out of it. */
function insideDir(dir: string, name: string): string | null {
  const base = resolve(dir);
  const full = resolve(base, normalize(name));
  return full.startsWith(base + sep) ? full : null;
}
