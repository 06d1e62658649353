import 'server-only';
import crypto from 'node:crypto';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { ensureDataSecret } from '@/lib/server/ensure-auth-secret';

// Every student's numbers come from a seed only the server can compute: HMAC-SHA-256 of the tuple
// under a per-deployment secret, truncated to its first 32 bits (big-endian). The tuple alone
// (user id, type, round; session, question, participant) is known to the student, so an unkeyed
// hash would let them generate and solve their own variant with the public engine.
//
// The secret is SEED_SECRET, else `DATA_DIR/seed-secret` (created once, like the auth secret).
// server.ts resolves it at boot and hands it to everything it starts, so every process of a
// deployment keys seeds alike and an audit or regrade on the server gets the same numbers. Stored
// attempts keep the seed they were graded with; nothing recomputes an old seed.

/** The file under DATA_DIR that keeps the generated secret. */
export const SEED_SECRET_FILE = 'seed-secret';
/** ASCII unit separator: no id contains it, so ("ab", "c") and ("a", "bc") key differently. */
const SEPARATOR = '\u001f';

const fileSecrets = new Map<string, string>();

/** SEED_SECRET's value, else the one kept in `dataDir/seed-secret` (generated on first use). */
export function ensureSeedSecret(dataDir: string): string {
  return ensureDataSecret(dataDir, SEED_SECRET_FILE);
}

function seedSecret(): string {
  const config = getConfig();
  if (config.SEED_SECRET) return config.SEED_SECRET;
  const dataDir = path.resolve(config.DATA_DIR);
  let secret = fileSecrets.get(dataDir);
  if (!secret) {
    secret = ensureSeedSecret(dataDir);
    fileSecrets.set(dataDir, secret);
  }
  return secret;
}

/** The first 32 bits of HMAC-SHA-256(secret, parts joined by U+001F), as an unsigned integer. */
export function keyedSeed(secret: string, parts: readonly string[]): number {
  return crypto.createHmac('sha256', secret).update(parts.join(SEPARATOR), 'utf8').digest().readUInt32BE(0);
}

/**
 * Homework: one seed per student, exercise type and variant round — the first candidate of the
 * round's draw (lib/exercises/homework-seed.ts), which moves on when a classmate holds its numbers.
 */
export function seedForStudent(userId: string, typeId: string, round: number): number {
  return keyedSeed(seedSecret(), ['student', userId, typeId, String(round)]);
}

/** Live play: one seed per session, question and participant. */
export function seedForLive(sessionId: string, questionIndex: number, participantId: string): number {
  return keyedSeed(seedSecret(), ['live', sessionId, String(questionIndex), participantId]);
}

/** Exams: one variant per (exam, question type, student), the same for every attempt at it. */
export function seedForExam(examId: string, typeId: string, userId: string): number {
  return keyedSeed(seedSecret(), ['exam', examId, typeId, userId]);
}

/**
 * A student's order of an exam's questions: sorted by this keyed value, so each student gets
 * their own shuffle, the same on every reload, and no one can predict another's.
 */
export function examOrderKey(examId: string, userId: string, typeId: string): number {
  return keyedSeed(seedSecret(), ['exam-order', examId, userId, typeId]);
}
