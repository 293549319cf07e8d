/** Structured log lines; tests pass a logger that records instead of printing. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function consoleLogger(): Logger {
  const line = (level: string, msg: string, fields?: Record<string, unknown>) =>
    JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields });
  return {
    info: (msg, fields) => console.log(line('info', msg, fields)),
    warn: (msg, fields) => console.warn(line('warn', msg, fields)),
    error: (msg, fields) => console.error(line('error', msg, fields)),
  };
}

/** Keeps log lines in memory, so a test can check that bad input was logged. */
export function memoryLogger(): Logger & { lines: { level: string; msg: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const push = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    lines.push(fields === undefined ? { level, msg } : { level, msg, fields });
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
