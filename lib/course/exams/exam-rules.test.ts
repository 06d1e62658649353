import { describe, expect, it } from 'vitest';
import { creditFactor, examDeadline, examPhase, questionCredit, studentExamStatus } from '@/lib/course/exams/exam-rules';

const exam = { opensAt: new Date('2026-03-10T00:00:00Z'), closesAt: new Date('2026-03-10T02:00:00Z'), timeLimitMinutes: 50 };

describe('exam rules', () => {
  it('counts the time limit from the start, cut at the window close', () => {
    expect(examDeadline(exam, new Date('2026-03-10T00:10:00Z')).toISOString()).toBe('2026-03-10T01:00:00.000Z');
    expect(examDeadline(exam, new Date('2026-03-10T01:30:00Z')).toISOString()).toBe('2026-03-10T02:00:00.000Z');
  });

  it('adds an extension to both the limit and the close', () => {
    expect(examDeadline(exam, new Date('2026-03-10T00:10:00Z'), 25).toISOString()).toBe('2026-03-10T01:25:00.000Z');
    expect(examDeadline(exam, new Date('2026-03-10T01:30:00Z'), 25).toISOString()).toBe('2026-03-10T02:25:00.000Z');
  });

  it('takes decay% off per later attempt, never below zero', () => {
    expect([1, 2, 3].map((k) => creditFactor(k, 25))).toEqual([1, 0.75, 0.5]);
    expect(creditFactor(5, 40)).toBe(0);
    expect(creditFactor(3, 0)).toBe(1);
  });

  it('keeps the best credit of a question', () => {
    expect(questionCredit([])).toBe(0);
    expect(questionCredit([{ credit: 0.5 }, { credit: 0.75 }, { credit: 0.2 }])).toBe(0.75);
  });

  it('opens at opensAt and closes at closesAt (moved by an extension)', () => {
    const published = { ...exam, publishedAt: new Date('2026-03-01T00:00:00Z') };
    expect(examPhase({ ...exam, publishedAt: null }, new Date('2026-03-10T01:00:00Z'))).toBe('DRAFT');
    expect(examPhase(published, new Date('2026-03-09T23:59:59.999Z'))).toBe('NOT_OPEN');
    expect(examPhase(published, exam.opensAt)).toBe('OPEN');
    expect(examPhase(published, exam.closesAt)).toBe('CLOSED');
    expect(examPhase(published, exam.closesAt, 10)).toBe('OPEN');
  });

  it('calls an unended session past its deadline timed out', () => {
    const deadline = new Date('2026-03-10T01:00:00Z');
    const open = { endedAt: null, endReason: null };
    expect(studentExamStatus(null, null, deadline)).toBe('NOT_STARTED');
    expect(studentExamStatus(open, deadline, new Date(deadline.getTime() - 1))).toBe('IN_PROGRESS');
    expect(studentExamStatus(open, deadline, deadline)).toBe('TIMED_OUT');
    expect(studentExamStatus({ endedAt: deadline, endReason: 'SUBMITTED' }, deadline, deadline)).toBe('SUBMITTED');
  });
});
