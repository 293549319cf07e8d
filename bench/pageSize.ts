import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './lib/child';

export interface PageSizeResult {
  built: boolean;
  source: string;
  error?: string;
  /** JS the browser fetches before the first render: the entry and its static imports. */
  initial: { file: string; raw: number; gzip: number }[];
  initialRaw: number;
  initialGzip: number;
  /** Chunks loaded later through dynamic import(). */
  lazy: { file: string; raw: number; gzip: number }[];
  css: { raw: number; gzip: number };
}

/**
 * Builds the client into a temporary folder (so a half-written client/dist of a colleague is
 * neither measured nor touched) and adds up the gzip size of the JS a tablet loads before the
 * board shows: the entry script in index.html, its modulepreloads, and everything they import
 * statically. Chunks loaded by dynamic import() are listed apart.
 */
export function measurePageSize(timeoutMs = 120_000): PageSizeResult {
  const outDir = mkdtempSync(join(tmpdir(), 'samenspel-bench-client-'));
  const empty = { initial: [], initialRaw: 0, initialGzip: 0, lazy: [], css: { raw: 0, gzip: 0 } };
  try {
    const build = spawnSync('npm', ['run', 'build', '-w', 'client', '--', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 8 * 1024 * 1024,
    });
    if (build.status !== 0 || !existsSync(join(outDir, 'index.html'))) {
      const text = `${build.stdout ?? ''}\n${build.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
      const firstError = text.split('\n').find((l) => /error/i.test(l) && l.trim().length > 0) ?? (build.error?.message ?? 'build failed');
      return { built: false, source: 'vite build', error: firstError.trim().slice(0, 300), ...empty };
    }
    return measureDist(outDir, 'vite build of the current client/ into a temp folder');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function measureDist(distDir: string, source: string): PageSizeResult {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) entries.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) entries.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g)) entries.add(m[1]!);

  const size = (rel: string) => {
    const bytes = readFileSync(join(distDir, rel));
    return { file: rel, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  // Follow static imports (`import"./x.js"`, `from"./x.js"`), not dynamic `import("./x.js")`.
  const initial = new Set<string>();
  const queue = [...entries].map((e) => e.replace(/^\//, ''));
  while (queue.length > 0) {
    const rel = queue.shift()!;
    if (initial.has(rel) || !existsSync(join(distDir, rel))) continue;
    initial.add(rel);
    const code = readFileSync(join(distDir, rel), 'utf8');
    for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(rel), m[1]!)));
    }
  }
  const assets = existsSync(join(distDir, 'assets')) ? readdirSync(join(distDir, 'assets')).map((f) => `assets/${f}`) : [];
  const initialSizes = [...initial].map(size);
  const lazy = assets.filter((f) => f.endsWith('.js') && !initial.has(f)).map(size);
  const css = assets.filter((f) => f.endsWith('.css')).map(size);
  return {
    built: true,
    source,
    initial: initialSizes,
    initialRaw: initialSizes.reduce((a, f) => a + f.raw, 0),
    initialGzip: initialSizes.reduce((a, f) => a + f.gzip, 0),
    lazy,
    css: { raw: css.reduce((a, f) => a + f.raw, 0), gzip: css.reduce((a, f) => a + f.gzip, 0) },
  };
}
