import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import type { TExamAnswerResult, TStudentExam } from '@/lib/course/exams/exam-schemas';
import { seedForExam } from '@/lib/exercises/keyed-seeds';
import { randomPort, type AppServer } from '../../scripts/support/app-server';
import { killHard, startSecondServer } from '../support/second-server';
import { createTestClass, createTestUser, signIn } from '../support/auth';

// A started exam across a restart of the server process: a second server on this run's database
// is killed (SIGKILL, nothing flushed) mid-exam and started again. The deadline is stored state
// (startedAt, the exam's window), so the new process gives the same deadline, counts down to it on
// its own clock, takes answers before it and closes the exam at it (the lazy auto-submit), with
// the answers from before the restart in the score.

const SECOND = 1000;
let server: AppServer | undefined;
afterAll(async () => {
  await server?.stop();
});

async function call<T>(baseUrl: string, cookie: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie: `${cookie}; bpl-locale=en`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('exam timer across a server restart', () => {
  it('keeps the started exam’s deadline after the process is killed and started again, and auto-submits at it', { timeout: 300_000 }, async () => {
    const port = randomPort();
    server = await startSecondServer(port);
    const baseUrl = server.baseUrl;
    const [teacher, student] = await Promise.all([createTestUser('Teacher'), createTestUser('Examinee')]);
    const klass = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }]);
    const cookie = await signIn(student.email, undefined, baseUrl);
    // The window closes 100 s from now, before the 30-minute limit: that is the deadline.
    const exam = await getDb().exam.create({
      data: {
        classId: klass.id, title: 'Restart quiz', opensAt: new Date(Date.now() - 60 * SECOND), closesAt: new Date(Date.now() + 100 * SECOND), timeLimitMinutes: 30,
        maxAttempts: 2, feedback: 'ON_RELEASE', publishedAt: new Date(Date.now() - 60 * SECOND),
        questions: { create: [{ typeId: 'pooling', position: 0, points: 2 }, { typeId: 'rnn-step', position: 1, points: 3 }] },
      },
    });

    const started = await call<TStudentExam>(baseUrl, cookie, `/api/course/exams/${exam.id}/start`, { honourCode: true });
    expect(started.status).toBe(200);
    const deadline = started.body.session!.deadline;
    expect(deadline).toBe(exam.closesAt.toISOString());
    const answer = { typeId: 'pooling', answer: solve('pooling', seedForExam(exam.id, 'pooling', student.id)), clientSubmissionId: crypto.randomUUID() };
    expect((await call<TExamAnswerResult>(baseUrl, cookie, `/api/course/exams/${exam.id}/answers`, answer)).status).toBe(200);

    await killHard(server);
    server = await startSecondServer(port);

    const resumed = await call<TStudentExam>(baseUrl, cookie, `/api/course/exams/${exam.id}`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.status, 'the restart took less than the time left').toBe('IN_PROGRESS');
    expect(resumed.body.session).toMatchObject({ startedAt: started.body.session!.startedAt, deadline, endedAt: null });
    // The time left is the new process's clock against the same stored deadline.
    expect(resumed.body.session!.remainingMs).toBe(new Date(deadline).getTime() - new Date(resumed.body.serverNow).getTime());
    // Starting again (a reload after the restart) returns the same session: the timer does not restart.
    const again = await call<TStudentExam>(baseUrl, cookie, `/api/course/exams/${exam.id}/start`, { honourCode: true });
    expect(again.body.session).toMatchObject({ startedAt: started.body.session!.startedAt, deadline });

    // The instructor moves the window's end to 3 s from now (a window may move after students
    // began): the new process takes the new deadline from stored state, like the old one.
    const closesAt = new Date(Date.now() + 3 * SECOND);
    await getDb().exam.update({ where: { id: exam.id }, data: { closesAt } });
    const moved = await call<TStudentExam>(baseUrl, cookie, `/api/course/exams/${exam.id}`);
    expect(moved.body.session).toMatchObject({ startedAt: started.body.session!.startedAt, deadline: closesAt.toISOString(), endedAt: null });
    // Wait out the deadline on the server's clock: the next read closes the exam at the deadline itself.
    await new Promise((resolve) => setTimeout(resolve, moved.body.session!.remainingMs + 500));
    const late = { typeId: 'rnn-step', answer: solve('rnn-step', seedForExam(exam.id, 'rnn-step', student.id)), clientSubmissionId: crypto.randomUUID() };
    const refused = await call<{ error: { reason?: string } }>(baseUrl, cookie, `/api/course/exams/${exam.id}/answers`, late);
    expect(refused.status).toBe(409);
    const session = await getDb().examSession.findUniqueOrThrow({ where: { examId_userId: { examId: exam.id, userId: student.id } } });
    expect(session).toMatchObject({ endReason: 'TIMED_OUT', score: 2 });
    expect(session.endedAt?.toISOString()).toBe(closesAt.toISOString());
    const ended = await call<TStudentExam>(baseUrl, cookie, `/api/course/exams/${exam.id}`);
    expect(ended.body.status).toBe('TIMED_OUT');
  });
});
