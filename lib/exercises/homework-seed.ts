import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import { drawDistinctVariant } from '@/lib/exercises/draw-distinct-variant';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';
import { getLogger } from '@/lib/log';

// A student's homework variant for (type, round) differs from their classmates' where the type
// has enough variants: the first draw is the keyed seed of (user, type, round); if a classmate (a
// member of any class the student is in) already holds those given numbers, the next keyed
// candidate is drawn, as in a live question (drawDistinctVariant). The drawn seed is stored once
// per (user, type, round), so the variant is the same on every reload and whoever draws later
// cannot change it. Draws of one (type, round) take a transaction-scoped advisory lock: two
// classmates drawing at the same moment are serialised, and the second sees the first's numbers.

export interface RoundSeedOptions {
  userId: string;
  typeId: string;
  round: number;
  /** The student's latest attempts on the type (findLatestAttempts). */
  attempts: readonly { round: number; seed: bigint }[];
  /** Draw inside this transaction (the caller's); without it, a short transaction of its own. */
  tx?: Prisma.TransactionClient;
}

/**
 * The seed of a student's round: the one its stored attempts were graded with (attempts keep
 * their seed; a round begun before seeds were stored goes on with its numbers), else the seed
 * drawn for (user, type, round), drawn now if this is the first time the round is shown.
 */
export async function getRoundSeed({ userId, typeId, round, attempts, tx }: RoundSeedOptions): Promise<number> {
  const graded = attempts.find((attempt) => attempt.round === round);
  if (graded) return Number(graded.seed);
  const db = tx ?? getDb();
  const drawn = await db.homeworkSeed.findUnique({ where: { userId_typeId_round: { userId, typeId, round } }, select: { seed: true } });
  if (drawn) return Number(drawn.seed);
  const key = { userId, typeId, round };
  if (tx) return drawHomeworkSeed(tx, key);
  // Generous waits: a class opening the same exercise at once queues on the lock, which is slower, not an error.
  return getDb().$transaction((own) => drawHomeworkSeed(own, key), { maxWait: 15_000, timeout: 15_000 });
}

async function drawHomeworkSeed(tx: Prisma.TransactionClient, { userId, typeId, round }: { userId: string; typeId: string; round: number }): Promise<number> {
  // One key per (type, round), in the single-bigint key space (apart from submitAttempt's two-int keys).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`homework-variant\u001f${typeId}\u001f${round}`}, 0))`;
  const drawn = await tx.homeworkSeed.findUnique({ where: { userId_typeId_round: { userId, typeId, round } }, select: { seed: true } });
  if (drawn) return Number(drawn.seed);

  const held = await tx.homeworkSeed.findMany({
    where: { typeId, round, userId: { not: userId }, user: { memberships: { some: { class: { memberships: { some: { userId } } } } } } },
    select: { variantKey: true },
  });
  const taken = new Set(held.map((row) => row.variantKey));
  const { variant, key, isRepeat } = drawDistinctVariant(typeId, seedForStudent(userId, typeId, round), (candidate) => taken.has(candidate));
  if (isRepeat) getLogger().info({ userId, typeId, round }, 'homework variant repeats a classmate’s: the type has too few variants for the class');
  await tx.homeworkSeed.create({ data: { userId, typeId, round, seed: BigInt(variant.seed), variantKey: key } });
  return variant.seed;
}
