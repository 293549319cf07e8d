import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './lib/child';

/** The page module a tablet opens (`/join/CODE`): its code, name, role and board steps. */
const TABLET_ROUTE = 'src/features/join/JoinPage.tsx';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface PageSizeResult {
  built: boolean;
  error?: string;
  /** JS a tablet fetches before its board shows: the entry and the join page, with their static imports. */
  tablet: FileSize[];
  tabletRaw: number;
  tabletGzip: number;
  /** Whether the tablet route was found in the manifest; if not, `tablet` is the entry alone. */
  routeFound: boolean;
  /** Every JS file in the build, for scale. */
  allGzip: number;
  /** JS fetched later by dynamic import from the tablet's route (e.g. the animation engine). */
  later: FileSize[];
}

/**
 * Builds the client into a temporary folder with Vite's manifest (so a half-written
 * client/dist of a colleague is neither measured nor touched) and adds up the gzip size of the
 * JS a tablet needs before its board shows: the entry chunk, the lazy join page (which holds
 * the board) and everything those import statically. Chunks they import dynamically come
 * after the board is on screen and are listed apart.
 */
export function measurePageSize(timeoutMs = 120_000): PageSizeResult {
  const outDir = mkdtempSync(join(tmpdir(), 'samenspel-bench-client-'));
  try {
    return buildClient(outDir, timeoutMs);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Builds the client into `outDir` (kept, so a bench can serve it) and measures it. Unminified
 * (`minify: false`), a CPU profile names the functions, but the sizes are not the real ones.
 */
export function buildClient(outDir: string, timeoutMs = 120_000, { minify = true } = {}): PageSizeResult {
  const none = { tablet: [], tabletRaw: 0, tabletGzip: 0, routeFound: false, allGzip: 0, later: [] };
  const build = spawnSync('npm', ['run', 'build', '-w', 'client', '--', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'error', ...(minify ? [] : ['--minify', 'false'])], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 8 * 1024 * 1024,
  });
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  if (build.status !== 0 || !existsSync(manifestPath)) {
    const text = `${build.stdout ?? ''}\n${build.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
    const firstError = text.split('\n').find((l) => /error/i.test(l) && !/npm error/.test(l) && l.trim().length > 0) ?? build.error?.message ?? 'build failed';
    return { built: false, error: firstError.trim().slice(0, 300), ...none };
  }
  return measureBuild(outDir);
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function measureBuild(outDir: string): PageSizeResult {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const size = (file: string): FileSize => {
    const bytes = readFileSync(join(outDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const routeFound = manifest[TABLET_ROUTE] !== undefined;
  const roots = routeFound ? [...entries, TABLET_ROUTE] : entries;

  const initial = new Set<string>();
  const walk = (key: string) => {
    if (initial.has(key) || !manifest[key]) return;
    initial.add(key);
    for (const next of manifest[key]!.imports ?? []) walk(next);
  };
  roots.forEach(walk);
  const laterKeys = new Set<string>();
  if (routeFound) {
    // Dynamic imports reachable from what the tablet loaded, minus the other pages' routes.
    for (const key of initial) {
      for (const d of manifest[key]!.dynamicImports ?? []) if (!initial.has(d) && !/src\/features\//.test(d)) laterKeys.add(d);
    }
  }
  const tablet = [...initial].map((k) => size(manifest[k]!.file));
  const allFiles = new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js')));
  return {
    built: true,
    tablet,
    tabletRaw: tablet.reduce((a, f) => a + f.raw, 0),
    tabletGzip: tablet.reduce((a, f) => a + f.gzip, 0),
    routeFound,
    allGzip: [...allFiles].map(size).reduce((a, f) => a + f.gzip, 0),
    later: [...laterKeys].map((k) => size(manifest[k]!.file)),
  };
}
