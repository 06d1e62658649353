import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { exerciseTypes, generate, seedOf } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { seedForLive } from '@/lib/exercises/keyed-seeds';
import { forgetLiveVariants, getLiveVariant, liveSeed } from '@/lib/live/variants/live-variant';
import { createTestUser } from '../support/auth';

// docs/live.md: every player gets their own numbers. 200 players of one session answer every one
// of the 18 types; no two of them may see the same `given` numbers, whatever the type's variant
// space, and the assignment must not depend on who asks first or on which server process asks.

const PLAYERS = 200;
let sessionId: string;
let participantIds: string[];

beforeAll(async () => {
  const host = await createTestUser('Distinct Host');
  const db = getDb();
  const session = await db.liveSession.create({
    data: {
      hostId: host.id,
      pin: String(100000 + crypto.randomInt(900000)),
      questions: { create: exerciseTypes.map((type, index) => ({ index, typeId: type.id, timeLimitS: 30 })) },
    },
    select: { id: true },
  });
  sessionId = session.id;
  const start = Date.now() - 60_000;
  // Several players share a joinedAt (as in a rush of joins): their ids break the tie.
  await db.liveParticipant.createMany({
    data: Array.from({ length: PLAYERS }, (_, i) => ({ sessionId, nickname: `Player ${i}`, joinedAt: new Date(start + Math.floor(i / 3)) })),
  });
  participantIds = (await db.liveParticipant.findMany({ where: { sessionId }, select: { id: true } })).map((row) => row.id);
}, 120_000);

describe('live variants', () => {
  it('give 200 players of every one of the 18 types 200 different `given`s', { timeout: 300_000 }, async () => {
    const repeats: string[] = [];
    for (const [index, type] of exerciseTypes.entries()) {
      const givens = new Set<string>();
      for (const participantId of participantIds) {
        const variant = await getLiveVariant({ sessionId, questionIndex: index, participantId, typeId: type.id });
        // What is shown is exactly what the seed generates (and what the answer is graded against).
        expect(variant).toEqual(generate(type.id, variant.seed));
        givens.add(JSON.stringify(variant.given));
      }
      if (givens.size < PLAYERS) repeats.push(`${type.id}: ${PLAYERS - givens.size} repeated`);
    }
    expect(repeats).toEqual([]);
  });

  it('assign the same seeds whoever asks first and in a fresh process (cache dropped)', { timeout: 120_000 }, async () => {
    const typeId = 'param-counts';
    const index = exerciseTypes.findIndex((type) => type.id === typeId);
    const forward = await Promise.all(participantIds.map((participantId) => liveSeed({ sessionId, questionIndex: index, participantId, typeId })));
    forgetLiveVariants();
    const reversed: number[] = [];
    for (const participantId of [...participantIds].reverse()) reversed.unshift(await liveSeed({ sessionId, questionIndex: index, participantId, typeId }));
    expect(reversed).toEqual(forward);
    // Keyed: a player's seed is their keyed seed, or a re-draw from it on a repeat.
    expect(forward.filter((seed, i) => seed === seedForLive(sessionId, index, participantIds[i])).length).toBeGreaterThan(PLAYERS / 2);
    expect(forward.filter((seed, i) => seed === seedOf('live', sessionId, index, participantIds[i]))).toEqual([]);
  });

  it('stop searching once a type runs out: the first repeat ends the re-draws for that question, at the same player on every process', { timeout: 120_000 }, async () => {
    // param-counts has 576 variants; 700 players must share some.
    const host = await createTestUser('Exhausted Host');
    const db = getDb();
    const typeId = 'param-counts';
    const { id: crowdId } = await db.liveSession.create({
      data: { hostId: host.id, pin: String(100000 + crypto.randomInt(900000)), questions: { create: [{ index: 0, typeId, timeLimitS: 30 }] } },
      select: { id: true },
    });
    const start = Date.now() - 60_000;
    await db.liveParticipant.createMany({ data: Array.from({ length: 700 }, (_, i) => ({ sessionId: crowdId, nickname: `P${i}`, joinedAt: new Date(start + i) })) });
    const crowd = (await db.liveParticipant.findMany({ where: { sessionId: crowdId }, orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }], select: { id: true } })).map((row) => row.id);
    const key = (participantId: string) => ({ sessionId: crowdId, questionIndex: 0, participantId, typeId });

    const variants: Awaited<ReturnType<typeof getLiveVariant>>[] = [];
    for (const participantId of crowd) variants.push(await getLiveVariant(key(participantId)));
    const seen = new Set<string>();
    const firstRepeat = variants.findIndex((variant) => {
      const given = JSON.stringify(variant.given);
      if (seen.has(given)) return true;
      seen.add(given);
      return false;
    });
    // Distinct numbers for as long as the search finds free ones (most of the 576)…
    expect(firstRepeat).toBeGreaterThan(400);
    // …then every later player takes their keyed seed's first candidate, with no search.
    const later = crowd.slice(firstRepeat + 1);
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((participantId, i) => variants[firstRepeat + 1 + i].seed !== seedForLive(crowdId, 0, participantId))).toEqual([]);

    // A fresh process (cache dropped) reaches the same seeds, asked in any order.
    forgetLiveVariants();
    const again: number[] = [];
    for (const participantId of [...crowd].reverse()) again.unshift(await liveSeed(key(participantId)));
    expect(again).toEqual(variants.map((variant) => variant.seed));
  });
});
