import { useRef } from 'react';

/**
 * Structural sharing for what the board derives on every change of the table (its layout, what
 * the latest event marked): the new value, but with every part that equals the previous one's
 * replaced by that previous part. A piece whose box did not change then gets the very same
 * object, so `memo` skips it; otherwise a drop would draw the whole board again
 * (docs/performance.md, "A drop on a watching tablet").
 *
 * Compares plain objects, arrays and primitives by value, whatever their shape; anything else
 * (a Map, a function) only by identity.
 */
export function keepEqual<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((item: unknown, i) => {
      const kept = i < prev.length ? keepEqual(prev[i], item) : item;
      if (kept !== prev[i]) same = false;
      return kept;
    });
    return (same ? prev : out) as T;
  }
  if (isPlain(prev) && isPlain(next)) {
    const before = Object.keys(prev);
    const keys = Object.keys(next);
    let same = before.length === keys.length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = Object.hasOwn(prev, key) ? keepEqual(prev[key], next[key]) : next[key];
      if (kept !== prev[key] || !Object.hasOwn(prev, key)) same = false;
      out[key] = kept;
    }
    return (same ? prev : out) as T;
  }
  return next;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `value`, with what equals the value of the previous render kept from it (see keepEqual). */
export function useKeptEqual<T>(value: T): T {
  const last = useRef<{ value: T; kept: T } | null>(null);
  // Compared once per new value; rendering again with the same value gives the same result.
  if (!last.current || last.current.value !== value) last.current = { value, kept: last.current ? keepEqual(last.current.kept, value) : value };
  return last.current.kept;
}
