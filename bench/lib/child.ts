import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** What a bench child says over its IPC channel. */
export type ChildMessage =
  | { type: 'ready'; port: number; restored?: { rooms: number; actions: number; ms: number }; timeline?: { importedAt: number; readyAt: number } }
  | { type: 'reply'; id: number; result?: unknown; error?: string };

export interface BenchChild {
  child: ChildProcess;
  port: number;
  url: string;
  ready: Extract<ChildMessage, { type: 'ready' }>;
  /** Milliseconds from spawn until the child said it listens. */
  startMs: number;
  request<T>(cmd: string, arg?: unknown, timeoutMs?: number): Promise<T>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs a bench script in its own Node process (its own event loop, its own core when one is
 * free), with an IPC channel for measurements. Resolves when the child reports its port.
 */
export function spawnChild(script: string, env: Record<string, string>, timeoutMs = 30_000): Promise<BenchChild> {
  const started = performance.now();
  // BENCH_CHILD_FLAGS passes Node flags to the children, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const flags = (process.env.BENCH_CHILD_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, ['--expose-gc', ...flags, '--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output += d.toString();
    // Only the tail matters for a failure report; never let a chatty child grow the parent.
    if (output.length > 20_000) output = output.slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('exit', (code, signal) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(`${script} exited (${code ?? signal}) before answering\n${output.slice(-2000)}`));
    }
    pending.clear();
  });

  return new Promise((resolveChild, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${timeoutMs} ms\n${output.slice(-2000)}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited early (${code})\n${output.slice(-2000)}`));
    });
    child.on('message', (raw) => {
      const msg = raw as ChildMessage;
      if (msg.type === 'reply') {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.error) p.reject(new Error(msg.error));
        else p.resolve(msg.result);
        return;
      }
      if (msg.type !== 'ready') return;
      clearTimeout(timer);
      const url = `http://127.0.0.1:${msg.port}`;
      resolveChild({
        child,
        port: msg.port,
        url,
        ready: msg,
        startMs: performance.now() - started,
        request: <T>(cmd: string, arg?: unknown, requestTimeoutMs = 30_000) =>
          new Promise<T>((res, rej) => {
            const id = nextId++;
            const t = setTimeout(() => {
              pending.delete(id);
              rej(new Error(`${script}: no answer to ${cmd} within ${requestTimeoutMs} ms`));
            }, requestTimeoutMs);
            pending.set(id, { resolve: res as (v: unknown) => void, reject: rej, timer: t });
            child.send({ type: 'req', id, cmd, arg });
          }),
        output: () => output,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/** The child side: answers `{type:'req'}` messages with the handlers given. */
export function serveIpc(handlers: Record<string, (arg: unknown) => unknown | Promise<unknown>>): void {
  process.on('message', (raw) => {
    const msg = raw as { type: string; id: number; cmd: string; arg: unknown };
    if (msg.type !== 'req') return;
    const handler = handlers[msg.cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${msg.cmd}`);
        return handler(msg.arg);
      })
      .then(
        (result) => process.send?.({ type: 'reply', id: msg.id, result }),
        (error: unknown) => process.send?.({ type: 'reply', id: msg.id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
  // The parent going away (a crash, Ctrl-C) must not leave a server running.
  process.on('disconnect', () => process.exit(0));
}
