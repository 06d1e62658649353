import { beforeAll, describe, expect, it, inject } from 'vitest';
import { exerciseTypes, generate, hints, solve } from '@/engine/exercises';
import type { TPreviewVariant, TStudentVariant, TSubmitResult } from '@/lib/exercises/schemas';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { isSameNumber, numbersIn } from '../support/numbers';
import { api, submit, wrongAnswer } from './exercises-support';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';

let student: TestUser;
let studentCookie: string;
let neighbourCookie: string;
let neighbour: TestUser;

beforeAll(async () => {
  student = await createTestUser('Variant Student');
  neighbour = await createTestUser('Variant Neighbour');
  [studentCookie, neighbourCookie] = await Promise.all([signIn(student.email), signIn(neighbour.email)]);
});

/** The counters of a variant response, checked on their own; everything else must come from generate(). */
function withoutCounters(variant: TStudentVariant) {
  const { round, maxAttempts, attemptsUsed, attemptsLeft, difficulty, hintCount, ...rest } = variant;
  return { counters: { round, maxAttempts, attemptsUsed, attemptsLeft, difficulty, hintCount }, rest };
}

/** Expected numbers that a payload shows although nothing it may show contains them. */
function leakedNumbers(payload: unknown, expected: number[], allowed: unknown): number[] {
  const shown = numbersIn(payload);
  const allowedNumbers = numbersIn(allowed);
  const distinctive = expected.filter((value) => !allowedNumbers.some((other) => isSameNumber(other, value)));
  return distinctive.filter((value) => shown.some((other) => isSameNumber(other, value)));
}

describe('GET /api/exercises/{typeId}', () => {
  it('gives the signed-in student the variant of their own seed, the same one the engine generates', async () => {
    const typeId = 'affine-backward';
    const { status, body } = await api<TStudentVariant>(studentCookie, `/api/exercises/${typeId}`);
    expect(status).toBe(200);
    const generated = generate(typeId, seedForStudent(student.id, typeId, 0));
    expect(body).toMatchObject({ mode: 'student', typeId, round: 0, attemptsUsed: 0, attemptsLeft: 3, maxAttempts: 3, hints: [], lastAttempt: null });
    expect({ prompt: body.prompt, given: body.given, answer: body.answer }).toEqual({ prompt: generated.prompt, given: generated.given, answer: generated.answer });
    // Same student, same type, same round: the same numbers on every request.
    expect((await api<TStudentVariant>(studentCookie, `/api/exercises/${typeId}`)).body.given).toEqual(body.given);
  });

  it('gives a neighbour different numbers for the same exercise', async () => {
    const [mine, theirs] = await Promise.all([
      api<TStudentVariant>(studentCookie, '/api/exercises/comp-graph'),
      api<TStudentVariant>(neighbourCookie, '/api/exercises/comp-graph'),
    ]);
    expect(mine.body.given).not.toEqual(theirs.body.given);
  });

  it('sends no solved value of any exercise type before grading (deep scan of every payload)', async () => {
    for (const type of exerciseTypes) {
      const { status, body } = await api<TStudentVariant>(studentCookie, `/api/exercises/${type.id}`);
      expect(status, type.id).toBe(200);
      const seed = seedForStudent(student.id, type.id, body.round);
      const generated = generate(type.id, seed);
      const { counters, rest } = withoutCounters(body);
      expect(counters, type.id).toEqual({ round: 0, maxAttempts: 3, attemptsUsed: 0, attemptsLeft: 3, difficulty: type.difficulty, hintCount: hints(type.id, seed).length });
      // Every number left in the payload is one the generated (expected-free) exercise shows.
      const allowed = numbersIn(generated).concat(numbersIn(type.tolerance.doc), numbersIn(type.title));
      const unexplained = numbersIn(rest).filter((value) => !allowed.some((other) => isSameNumber(other, value)));
      expect(unexplained, type.id).toEqual([]);
      expect(leakedNumbers(rest, numbersIn(solve(type.id, seed)), [generated, type.tolerance.doc, type.title]), type.id).toEqual([]);
    }
  });

  it('has a scanner that would notice a solved value slipped into the payload', async () => {
    const typeId = 'softmax-ce-grad';
    const { body } = await api<TStudentVariant>(studentCookie, `/api/exercises/${typeId}`);
    const seed = seedForStudent(student.id, typeId, body.round);
    const expected = numbersIn(solve(typeId, seed));
    const tampered = { ...body, debug: solve(typeId, seed) };
    expect(leakedNumbers(tampered, expected, generate(typeId, seed)).length).toBeGreaterThan(0);
  });

  it('keeps the expected values hidden after a wrong attempt too: only correctness per cell comes back', async () => {
    const typeId = 'dot-attention';
    const user = await createTestUser();
    const cookie = await signIn(user.email);
    const seed = seedForStudent(user.id, typeId, 0);
    const generated = generate(typeId, seed);
    const answer = wrongAnswer(generated.answer, solve(typeId, seed));
    const { status, body } = await submit(cookie, typeId, { answer, round: 0 });
    expect(status).toBe(200);
    const result = body as unknown as TSubmitResult;
    expect(result.attempt.correct).toBe(false);
    expect(leakedNumbers(result, numbersIn(solve(typeId, seed)), [generated, answer, hints(typeId, seed), result.attempt.feedback])).toEqual([]);
  });

  it('opens any seed for an instructor, and refuses ?seed= to a student', async () => {
    const instructor = await createTestUser('Instructor');
    await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }]);
    const instructorCookie = await signIn(instructor.email);
    const preview = await api<TPreviewVariant>(instructorCookie, '/api/exercises/lstm-step?seed=42');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ mode: 'preview', seed: 42, given: generate('lstm-step', 42).given });

    const refused = await api<{ error: { code: string; message: string } }>(studentCookie, '/api/exercises/lstm-step?seed=42');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/instructor/i);

    const badSeed = await api<{ error: { message: string } }>(instructorCookie, '/api/exercises/lstm-step?seed=-1');
    expect(badSeed.status).toBe(400);
    expect(badSeed.body.error.message).toMatch(/seed must be 0 or more/);

    // The page follows the same rule: a read-only preview for the instructor, a sentence for the student.
    const page = (cookie: string) => fetch(`${inject('baseUrl')}/exercises/lstm-step?seed=42`, { headers: { cookie: `${cookie}; bpl-locale=en` } }).then((r) => r.text());
    expect(await page(instructorCookie)).toContain('Instructor preview (seed 42)');
    const studentPage = await page(studentCookie);
    expect(studentPage).toContain('Only instructors can open an exercise with a chosen seed.');
    expect(studentPage).not.toContain('Instructor preview');
  });

  it('answers 404 for an unknown type and 401 without a session', async () => {
    const unknown = await api<{ error: { code: string } }>(studentCookie, '/api/exercises/no-such-type');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const anonymous = await api<{ error: { code: string } }>('', '/api/exercises/comp-graph');
    expect(anonymous.status).toBe(401);
  });
});
