import { describe, expect, it } from 'vitest';
import { exerciseTypes, generate, hints, MAX_ANSWER_CELLS, solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import type { TStudentVariant, TSubmitResult } from '@/lib/exercises/schemas';
import { createTestUser, signIn } from '../support/auth';
import { numbersIn } from '../support/numbers';
import { api, submissionId, submit, wrongAnswer } from './exercises-support';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';

type ErrorBody = { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

async function newStudent() {
  const user = await createTestUser('Submit Student');
  return { user, cookie: await signIn(user.email) };
}

const attemptCount = (userId: string) => getDb().attempt.count({ where: { userId } });

describe('POST /api/exercises/{typeId}/submit', () => {
  it('grades the solved answer of every exercise type as correct and stores one attempt each', async () => {
    const { user, cookie } = await newStudent();
    for (const type of exerciseTypes) {
      const seed = seedForStudent(user.id, type.id, 0);
      const { status, body } = await submit(cookie, type.id, { answer: solve(type.id, seed), round: 0 });
      expect(status, type.id).toBe(200);
      const result = body as unknown as TSubmitResult;
      expect(result.attempt, type.id).toMatchObject({ score: 1, correct: true, round: 0, attemptNumber: 1, mistake: null });
      expect(result.isRoundOver, type.id).toBe(true);
    }
    const rows = await getDb().attempt.findMany({ where: { userId: user.id }, select: { typeId: true, seed: true, score: true, correct: true, round: true } });
    expect(rows).toHaveLength(exerciseTypes.length);
    for (const row of rows) expect(row).toMatchObject({ score: 1, correct: true, round: 0, seed: BigInt(seedForStudent(user.id, row.typeId, 0)) });
  });

  it('returns the first result for a repeated clientSubmissionId and stores the attempt once', async () => {
    const { user, cookie } = await newStudent();
    const typeId = 'sigmoid-derivative';
    const seed = seedForStudent(user.id, typeId, 0);
    const answer = wrongAnswer(generate(typeId, seed).answer, solve(typeId, seed));
    const clientSubmissionId = submissionId();
    const first = await submit(cookie, typeId, { answer, round: 0, clientSubmissionId });
    // A retry after a lost response may even carry a different answer: the first one stands.
    const again = await submit(cookie, typeId, { answer: solve(typeId, seed), round: 0, clientSubmissionId });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await attemptCount(user.id)).toBe(1);
  });

  it('stores one attempt when the same submission arrives five times at once (double click, retries)', async () => {
    const { user, cookie } = await newStudent();
    const typeId = 'conv2d-output';
    const seed = seedForStudent(user.id, typeId, 0);
    const body = { answer: wrongAnswer(generate(typeId, seed).answer, solve(typeId, seed)), round: 0, clientSubmissionId: submissionId() };
    const responses = await Promise.all(Array.from({ length: 5 }, () => submit(cookie, typeId, body)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    for (const response of responses) expect(response.body).toEqual(responses[0].body);
    expect(await attemptCount(user.id)).toBe(1);
    expect((responses[0].body as unknown as TSubmitResult).attempt.attemptNumber).toBe(1);
  });

  it('refuses a submission id reused for another exercise type', async () => {
    const { user, cookie } = await newStudent();
    const clientSubmissionId = submissionId();
    const seed = seedForStudent(user.id, 'rnn-step', 0);
    expect((await submit(cookie, 'rnn-step', { answer: solve('rnn-step', seed), round: 0, clientSubmissionId })).status).toBe(200);
    const reused = await submit(cookie, 'param-counts', { answer: solve('param-counts', seedForStudent(user.id, 'param-counts', 0)), round: 0, clientSubmissionId });
    expect(reused.status).toBe(409);
    expect((reused.body as ErrorBody).error.message).toMatch(/already used for a different exercise/);
    expect(await attemptCount(user.id)).toBe(1);
  });

  it('counts an answer of the wrong shape as invalid, not wrong: it says the expected shape and costs no attempt', async () => {
    const { user, cookie } = await newStudent();
    const typeId = 'affine-backward';
    const seed = seedForStudent(user.id, typeId, 0);
    const solved = solve(typeId, seed) as { dX: number[][]; dW: number[][]; db: number[] };
    const wrongShape = { ...solved, db: [...solved.db, 0] };
    const english = await submit(cookie, typeId, { answer: wrongShape, round: 0 });
    expect(english.status).toBe(422);
    expect((english.body as ErrorBody).error.message).toContain(`db: needs ${solved.db.length} entries but has ${solved.db.length + 1}`);
    const korean = await submit(cookie, typeId, { answer: { ...solved, dX: 'abc' }, round: 0 }, 'ko');
    expect(korean.status).toBe(422);
    expect((korean.body as ErrorBody).error.message).toMatch(/필요한 형식/);
    expect(await attemptCount(user.id)).toBe(0);
    const variant = await api<TStudentVariant>(cookie, `/api/exercises/${typeId}`);
    expect(variant.body).toMatchObject({ round: 0, attemptsUsed: 0, attemptsLeft: 3 });
  });

  it('rejects malformed requests with 400 and a message saying what is wrong, storing nothing', async () => {
    const { user, cookie } = await newStudent();
    const path = '/api/exercises/rnn-step/submit';
    const cases: { body?: unknown; rawBody?: string; message: RegExp }[] = [
      { rawBody: '{"answer": [1, 2', message: /not valid JSON/ },
      { body: { answer: [1, 2], round: 0 }, message: /clientSubmissionId/ },
      { body: { answer: [1, 2], round: 0, clientSubmissionId: 'x' }, message: /clientSubmissionId must be at least 8/ },
      { body: { answer: [1, 2], clientSubmissionId: submissionId() }, message: /round/ },
      { rawBody: JSON.stringify({ round: 0, clientSubmissionId: submissionId() }).replace('{', '{"answer": [1e999, 2], '), message: /not finite/ },
      { body: { answer: [true, 2], round: 0, clientSubmissionId: submissionId() }, message: /numbers, strings, arrays/ },
      { body: { answer: ['1'.repeat(65), 2], round: 0, clientSubmissionId: submissionId() }, message: /longer than 64 characters/ },
      { body: { answer: Array.from({ length: MAX_ANSWER_CELLS + 1 }, () => 0), round: 0, clientSubmissionId: submissionId() }, message: new RegExp(`more than ${MAX_ANSWER_CELLS} cells`) },
    ];
    for (const { body, rawBody, message } of cases) {
      const response = await api<ErrorBody>(cookie, path, { body, rawBody });
      expect(response.status, String(message)).toBe(400);
      expect(response.body.error.message, String(message)).toMatch(message);
    }
    expect(await attemptCount(user.id)).toBe(0);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const { user, cookie } = await newStudent();
    const huge = { answer: Array.from({ length: 9_000 }, () => '12345678.1'), round: 0, clientSubmissionId: submissionId() };
    const response = await api<ErrorBody>(cookie, '/api/exercises/rnn-step/submit', { body: huge });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(/too large \(limit 64 KB\)/);
    expect(await attemptCount(user.id)).toBe(0);
  });

  it('keeps one variant for three wrong attempts, revealing a hint after each, then moves to new numbers', async () => {
    const { user, cookie } = await newStudent();
    const typeId = 'delta-rule';
    const seed = seedForStudent(user.id, typeId, 0);
    const answer = wrongAnswer(generate(typeId, seed).answer, solve(typeId, seed));
    const hintCount = hints(typeId, seed).length;
    for (const attemptNumber of [1, 2, 3]) {
      const { body } = await submit(cookie, typeId, { answer, round: 0 });
      const result = body as unknown as TSubmitResult;
      expect(result.attempt).toMatchObject({ attemptNumber, correct: false, round: 0 });
      expect(result.hints).toHaveLength(Math.min(attemptNumber, hintCount));
      expect(result.isRoundOver).toBe(attemptNumber === 3);
      expect(result.attemptsLeft).toBe(3 - attemptNumber);
      // The worked solution holds the answer: it comes with the attempt that ends the round, never before.
      if (attemptNumber < 3) expect(result.solution).toBeNull();
      else {
        const shown = numbersIn(result.solution).map((value) => Number(value.toPrecision(4)));
        const expected = numbersIn(solve(typeId, seed)).map((value) => Number(value.toPrecision(4)));
        expect(expected.filter((value) => !shown.includes(value))).toEqual([]);
        expect(result.solution!.every((step) => step.text.ko.length > 0 && step.text.en.length > 0)).toBe(true);
      }
      const open = await api<TStudentVariant>(cookie, `/api/exercises/${typeId}`);
      expect(JSON.stringify(open.body)).not.toContain('solution');
    }
    const next = await api<TStudentVariant>(cookie, `/api/exercises/${typeId}`);
    expect(next.body).toMatchObject({ round: 1, attemptsUsed: 0, attemptsLeft: 3, hints: [] });
    expect(next.body.given).toEqual(generate(typeId, seedForStudent(user.id, typeId, 1)).given);
    expect(next.body.given).not.toEqual(generate(typeId, seed).given);
  });

  it('ends the variant on a right answer, refuses a late answer to the replaced variant with 409, still replays an old retry', async () => {
    const { user, cookie } = await newStudent();
    const typeId = 'lstm-step';
    const seed = seedForStudent(user.id, typeId, 0);
    const wrongId = submissionId();
    const wrong = await submit(cookie, typeId, { answer: wrongAnswer(generate(typeId, seed).answer, solve(typeId, seed)), round: 0, clientSubmissionId: wrongId });
    expect((wrong.body as unknown as TSubmitResult).attempt.correct).toBe(false);
    const right = await submit(cookie, typeId, { answer: solve(typeId, seed), round: 0 });
    expect(right.body).toMatchObject({ isRoundOver: true, attempt: { correct: true, attemptNumber: 2 } });

    // A second tab still showing round 0 submits after the round ended.
    const late = await submit(cookie, typeId, { answer: solve(typeId, seed), round: 0 });
    expect(late.status).toBe(409);
    expect((late.body as ErrorBody).error.message).toMatch(/replaced.*reload/i);
    expect(await attemptCount(user.id)).toBe(2);
    expect((await api<TStudentVariant>(cookie, `/api/exercises/${typeId}`)).body.round).toBe(1);

    // A retry of the first attempt, arriving after its round ended, still gets its own result.
    const retried = await submit(cookie, typeId, { answer: solve(typeId, seed), round: 0, clientSubmissionId: wrongId });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(wrong.body);
    expect(await attemptCount(user.id)).toBe(2);
  });

  it('takes each attempt of a round once when two tabs submit different answers at the same moment', async () => {
    const { user, cookie } = await newStudent();
    const typeId = 'pooling';
    const seed = seedForStudent(user.id, typeId, 0);
    const answer = wrongAnswer(generate(typeId, seed).answer, solve(typeId, seed));
    const responses = await Promise.all(Array.from({ length: 5 }, () => submit(cookie, typeId, { answer, round: 0 })));
    const accepted = responses.filter((response) => response.status === 200);
    expect(accepted).toHaveLength(3);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(2);
    expect(accepted.map((response) => (response.body as unknown as TSubmitResult).attempt.attemptNumber).sort()).toEqual([1, 2, 3]);
    expect(await getDb().attempt.count({ where: { userId: user.id, typeId, round: 0 } })).toBe(3);
  });

  it('shows the last attempt of an open variant again after a reload, with the hints it earned', async () => {
    const { user, cookie } = await newStudent();
    const typeId = 'causal-attention';
    const seed = seedForStudent(user.id, typeId, 0);
    const answer = wrongAnswer(generate(typeId, seed).answer, solve(typeId, seed));
    const submitted = (await submit(cookie, typeId, { answer, round: 0 })).body as unknown as TSubmitResult;
    const variant = (await api<TStudentVariant>(cookie, `/api/exercises/${typeId}`)).body;
    expect(variant.lastAttempt).toEqual(submitted.attempt);
    expect(variant.hints).toEqual(submitted.hints);
    expect(variant).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2 });
  });

  it('limits a student to 30 submissions a minute with a "try again in N s" answer', async () => {
    const { user, cookie } = await newStudent();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await api(cookie, '/api/exercises/rnn-step/submit', { body: {} })).status);
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    const limited = await api<ErrorBody>(cookie, '/api/exercises/rnn-step/submit', { body: {} });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/Try again in \d+ s/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await attemptCount(user.id)).toBe(0);
  });

  it('asks for a session: 401 without one, nothing stored', async () => {
    const response = await api<ErrorBody>('', '/api/exercises/rnn-step/submit', { body: { answer: [1, 2], round: 0, clientSubmissionId: submissionId() } });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/sign in/i);
  });
});
