import crypto from 'node:crypto';

/** A uniformly random 6-digit PIN (leading zeros kept): 10⁶ codes, unique among open sessions. */
export function generatePin(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}
