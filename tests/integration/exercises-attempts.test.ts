import { describe, expect, it } from 'vitest';
import { generate, solve } from '@/engine/exercises';
import type { TAttemptSummary } from '@/lib/exercises/schemas';
import { createTestUser, signIn } from '../support/auth';
import { api, submit, wrongAnswer } from './exercises-support';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';

type Catalogue = { exercises: { id: string; bestScore: number | null; attempts: number; isSolved: boolean }[] };

describe('GET /api/exercises/{typeId}/attempts', () => {
  it('lists only the signed-in student’s own attempts, whatever the query names', async () => {
    const alice = await createTestUser('Alice');
    const bob = await createTestUser('Bob');
    const [aliceCookie, bobCookie] = await Promise.all([signIn(alice.email), signIn(bob.email)]);
    const typeId = 'weight-decay';
    const seed = seedForStudent(alice.id, typeId, 0);
    await submit(aliceCookie, typeId, { answer: wrongAnswer(generate(typeId, seed).answer, solve(typeId, seed)), round: 0 });
    await submit(aliceCookie, typeId, { answer: solve(typeId, seed), round: 0 });

    const own = await api<{ attempts: TAttemptSummary[] }>(aliceCookie, `/api/exercises/${typeId}/attempts`);
    expect(own.status).toBe(200);
    expect(own.body.attempts.map((attempt) => [attempt.attemptNumber, attempt.correct])).toEqual([[2, true], [1, false]]);
    for (const attempt of own.body.attempts) expect(Object.keys(attempt).sort()).toEqual(['attemptNumber', 'correct', 'createdAt', 'id', 'mistake', 'round', 'score']);

    for (const query of ['', `?userId=${alice.id}`, `?user=${alice.id}`]) {
      const theirs = await api<{ attempts: TAttemptSummary[] }>(bobCookie, `/api/exercises/${typeId}/attempts${query}`);
      expect(theirs.status).toBe(200);
      expect(theirs.body.attempts).toEqual([]);
    }
    const anonymous = await api(``, `/api/exercises/${typeId}/attempts`);
    expect(anonymous.status).toBe(401);
  });

  it('reports the best score per type in the catalogue: the best attempt counts', async () => {
    const user = await createTestUser();
    const cookie = await signIn(user.email);
    const typeId = 'dropout';
    const seed = seedForStudent(user.id, typeId, 0);
    await submit(cookie, typeId, { answer: solve(typeId, seed), round: 0 });
    const nextSeed = seedForStudent(user.id, typeId, 1);
    await submit(cookie, typeId, { answer: wrongAnswer(generate(typeId, nextSeed).answer, solve(typeId, nextSeed)), round: 1 });
    const { body } = await api<Catalogue>(cookie, '/api/exercises');
    expect(body.exercises.find((exercise) => exercise.id === typeId)).toMatchObject({ bestScore: 1, attempts: 2, isSolved: true });
    expect(body.exercises.find((exercise) => exercise.id === 'mha-shapes')).toMatchObject({ bestScore: null, attempts: 0, isSolved: false });
  });
});
