import { describe, expect, it } from 'vitest';
import { STATUS_TEXT } from '@/lib/course/assignments/assignment-status-text';
import { evaluateAssignment, summarizeAttempts, summarizeFromTotals, windowMsOf, type AssignmentRule, type CountedAttempt } from './evaluate-assignment';

const opensAt = new Date('2026-03-02T00:00:00Z');
const dueAt = new Date('2026-03-09T14:59:59Z');
const lateUntil = new Date('2026-03-11T14:59:59Z');
const rule: AssignmentRule = {
  opensAt,
  dueAt,
  lateUntil,
  latePenaltyPct: 20,
  items: [
    { typeId: 'rnn-step', target: 'SOLVE_COUNT', targetValue: 2 },
    { typeId: 'pooling', target: 'BEST_SCORE', targetValue: 0.8 },
  ],
};
const at = (iso: string) => new Date(iso);
const attempt = (typeId: string, score: number, createdAt: string): CountedAttempt => ({ typeId, score, correct: score === 1, createdAt: at(createdAt) });

describe('evaluateAssignment', () => {
  it('counts an attempt at the due second as on time and one a second later as late', () => {
    const work = [attempt('rnn-step', 1, '2026-03-05T00:00:00Z'), attempt('pooling', 0.9, '2026-03-05T00:00:00Z')];
    const atDue = evaluateAssignment(rule, [...work, attempt('rnn-step', 1, '2026-03-09T14:59:59.000Z')], at('2026-03-12T00:00:00Z'));
    expect(atDue).toMatchObject({ status: 'DONE', score: 1, isLate: false });
    const afterDue = evaluateAssignment(rule, [...work, attempt('rnn-step', 1, '2026-03-09T15:00:00.000Z')], at('2026-03-12T00:00:00Z'));
    // On time: rnn 1/2, pooling 1 → 0.75. With late work: 1, × (1 − 0.2) = 0.8 > 0.75.
    expect(afterDue).toMatchObject({ status: 'DONE_LATE', onTimeScore: 0.75, lateScore: 1, isLate: true });
    expect(afterDue.score).toBeCloseTo(0.8, 12);
  });

  it('keeps the on-time score when the penalized late score is lower, and ignores work after the late window', () => {
    const work = [attempt('rnn-step', 1, '2026-03-05T00:00:00Z'), attempt('rnn-step', 1, '2026-03-05T01:00:00Z'), attempt('pooling', 0.6, '2026-03-05T00:00:00Z')];
    // On time: (1 + 0.6/0.8)/2 = 0.875. Late pooling 0.8 → 1, × 0.8 = 0.8 < 0.875.
    const result = evaluateAssignment(rule, [...work, attempt('pooling', 0.8, '2026-03-10T00:00:00Z'), attempt('pooling', 1, '2026-03-11T15:00:00Z')], at('2026-03-12T00:00:00Z'));
    expect(result.onTimeScore).toBeCloseTo(0.875, 12);
    expect(result).toMatchObject({ status: 'DONE_LATE', lateScore: 1, isLate: false });
    expect(result.score).toBeCloseTo(0.875, 12);
  });

  it('goes from upcoming to not started, in progress, late (overdue, not done) and missed with the clock', () => {
    const partial = [attempt('pooling', 0.4, '2026-03-05T00:00:00Z')];
    expect(evaluateAssignment(rule, [], at('2026-03-01T00:00:00Z')).status).toBe('UPCOMING');
    expect(evaluateAssignment(rule, [attempt('pooling', 1, '2026-03-01T00:00:00Z')], at('2026-03-03T00:00:00Z')).status).toBe('NOT_STARTED');
    expect(evaluateAssignment(rule, partial, at('2026-03-06T00:00:00Z')).status).toBe('IN_PROGRESS');
    expect(evaluateAssignment(rule, partial, at('2026-03-10T00:00:00Z')).status).toBe('LATE');
    const missed = evaluateAssignment(rule, partial, at('2026-03-11T15:00:00Z'));
    expect(missed.status).toBe('MISSED');
    expect(missed.score).toBeCloseTo(0.25, 12);
  });

  it('names every status with its own words in each language (QA: done with late work and overdue were both "Late")', () => {
    for (const locale of ['ko', 'en'] as const) {
      const words = Object.values(STATUS_TEXT).map((text) => text[locale]);
      expect(new Set(words).size, locale).toBe(words.length);
    }
  });

  it('without a late window nothing after the due second counts', () => {
    const strict = { ...rule, lateUntil: null };
    const result = evaluateAssignment(strict, [attempt('rnn-step', 1, '2026-03-09T15:00:00Z')], at('2026-03-09T15:00:01Z'));
    expect(result).toMatchObject({ status: 'MISSED', score: 0, lateScore: 0 });
  });
});

describe('summarizeFromTotals', () => {
  it('equals summarizeAttempts whenever the totals decide, on random histories around the window', () => {
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const span = lateUntil.getTime() - opensAt.getTime();
    let decided = 0;
    for (let run = 0; run < 2000; run++) {
      const count = Math.floor(random() * 4);
      // Attempts from a day before the window opens to a day after it closes, some on the boundaries.
      const times = Array.from({ length: count }, () => {
        const pick = random();
        if (pick < 0.1) return opensAt.getTime();
        if (pick < 0.2) return dueAt.getTime();
        if (pick < 0.3) return lateUntil.getTime();
        return opensAt.getTime() - 86_400_000 + Math.floor(random() * (span + 2 * 86_400_000));
      });
      const attempts = times.map((time) => attempt('rnn-step', [0, 0.5, 1][Math.floor(random() * 3)], new Date(time).toISOString()));
      const windowRule = random() < 0.3 ? { ...rule, lateUntil: null } : rule;
      const totals = attempts.length === 0 ? undefined : {
        attempts: attempts.length,
        solved: attempts.filter((a) => a.correct).length,
        best: Math.max(...attempts.map((a) => a.score)),
        firstMs: Math.min(...times),
        lastMs: Math.max(...times),
      };
      const fromTotals = summarizeFromTotals(windowMsOf(windowRule), 'rnn-step', totals);
      if (fromTotals === null) continue;
      decided += 1;
      expect(fromTotals).toEqual(summarizeAttempts({ ...windowRule, items: [windowRule.items[0]] }, attempts)[0]);
    }
    expect(decided).toBeGreaterThan(500);
  });

  it('leaves a history that straddles the due date to the attempts', () => {
    const totals = { attempts: 2, solved: 1, best: 1, firstMs: at('2026-03-05T00:00:00Z').getTime(), lastMs: at('2026-03-10T00:00:00Z').getTime() };
    expect(summarizeFromTotals(windowMsOf(rule), 'rnn-step', totals)).toBeNull();
  });
});
