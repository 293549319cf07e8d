/*
 * Development: the server (restarted by tsx when its code changes, re-reading scenarios when a
 * scenario file is saved) and the Vite dev server with hot reload, in one terminal.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const children: ChildProcess[] = [];
const run = (name: string, args: string[], env: Record<string, string> = {}) => {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (d: Buffer) => process.stdout.write(prefix(d)));
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(prefix(d)));
  child.on('exit', (code) => {
    console.log(`[${name}] exited with ${code}`);
    shutdown();
  });
  children.push(child);
};

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(0), 500);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

run('server', ['--import', 'tsx', '--watch', 'server/src/main.ts'], { SCENARIOS_WATCH: '1', SCENARIOS_WRITABLE: process.env.SCENARIOS_WRITABLE ?? '1' });
run('client', ['node_modules/vite/bin/vite.js', '--config', 'client/vite.config.ts', 'client']);
