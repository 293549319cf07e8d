import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Join codes avoid characters people confuse when reading a projector or typing on a tablet
 * (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). 23 characters, 6 long: about 148 million codes.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Tolerates what people type: lower case, spaces and dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').slice(0, 16);
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function newSessionId(): string {
  return randomBytes(9).toString('base64url');
}

/** Secrets are stored hashed, so a copied database file does not hand out seats or host rights. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Compares two hashes in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
