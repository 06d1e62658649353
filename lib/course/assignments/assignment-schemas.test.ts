import { describe, expect, it } from 'vitest';
import { localizedFieldErrors } from '@/lib/i18n/localized-issues';
import { ASSIGNMENT_TEXT, ZAssignmentForm, type TAssignmentInput } from './assignment-schemas';

const VALID: TAssignmentInput = {
  title: 'Week 2',
  unitIds: [],
  items: [{ typeId: 'dense-forward', target: 'SOLVE_COUNT', targetValue: 2 }],
  opensAt: '2026-03-02T09:00',
  dueAt: '2026-03-09T23:59:59',
  lateUntil: null,
  latePenaltyPct: 10,
  isPublished: true,
};

function errorsOf(input: TAssignmentInput, locale: 'ko' | 'en') {
  const parsed = ZAssignmentForm.safeParse(input);
  return parsed.success ? {} : localizedFieldErrors(parsed.error, locale);
}

describe('the assignment form schema (shared by the form and the server)', () => {
  it('accepts a complete assignment', () => {
    expect(ZAssignmentForm.safeParse(VALID).success).toBe(true);
  });

  it('names every missing field of an empty form, in Korean and in English', () => {
    const empty: TAssignmentInput = { title: '  ', unitIds: [], items: [], opensAt: '', dueAt: '', lateUntil: null, latePenaltyPct: 10, isPublished: true };
    for (const locale of ['ko', 'en'] as const) {
      expect(errorsOf(empty, locale)).toEqual({
        title: [ASSIGNMENT_TEXT.title[locale]],
        items: [ASSIGNMENT_TEXT.items[locale]],
        opensAt: [ASSIGNMENT_TEXT.date[locale]],
        dueAt: [ASSIGNMENT_TEXT.date[locale]],
      });
    }
    expect(ASSIGNMENT_TEXT.title.ko).not.toBe(ASSIGNMENT_TEXT.title.en);
  });

  it('names an emptied or mistyped number box (NaN) instead of taking it as 0 (QA: an emptied late penalty saved 0)', () => {
    const lateWork = { ...VALID, lateUntil: '2026-03-10T23:59:59' };
    expect(errorsOf({ ...lateWork, latePenaltyPct: Number.NaN }, 'en')).toEqual({ latePenaltyPct: [ASSIGNMENT_TEXT.penalty.en] });
    expect(errorsOf({ ...lateWork, latePenaltyPct: 101 }, 'ko')).toEqual({ latePenaltyPct: [ASSIGNMENT_TEXT.penalty.ko] });
    expect(errorsOf({ ...VALID, items: [{ ...VALID.items[0], targetValue: Number.NaN }] }, 'en')).toEqual({ 'items.0.targetValue': [ASSIGNMENT_TEXT.count.en] });
    expect(errorsOf({ ...VALID, items: [{ ...VALID.items[0], target: 'BEST_SCORE', targetValue: Number.NaN }] }, 'ko')).toEqual({ 'items.0.targetValue': [ASSIGNMENT_TEXT.score.ko] });
  });

  it('refuses a due date not after the opening, late work not after the due date, and a malformed late date', () => {
    expect(errorsOf({ ...VALID, dueAt: '2026-03-02T09:00:00' }, 'en')).toEqual({ dueAt: [ASSIGNMENT_TEXT.order.en] });
    expect(errorsOf({ ...VALID, lateUntil: '2026-03-09T23:00' }, 'en')).toEqual({ lateUntil: [ASSIGNMENT_TEXT.lateOrder.en] });
    expect(errorsOf({ ...VALID, lateUntil: '' }, 'ko')).toEqual({ lateUntil: [ASSIGNMENT_TEXT.date.ko] });
    expect(errorsOf({ ...VALID, opensAt: '2026-13-02T09:00' }, 'en')).toEqual({ opensAt: [ASSIGNMENT_TEXT.date.en] });
  });

  it('refuses a target out of range under that row, and the same exercise twice', () => {
    const items = [VALID.items[0], { typeId: 'softmax', target: 'BEST_SCORE' as const, targetValue: 0 }, { typeId: 'relu', target: 'SOLVE_COUNT' as const, targetValue: 2.5 }];
    expect(errorsOf({ ...VALID, items }, 'en')).toEqual({ 'items.1.targetValue': [ASSIGNMENT_TEXT.score.en], 'items.2.targetValue': [ASSIGNMENT_TEXT.count.en] });
    expect(errorsOf({ ...VALID, items: [VALID.items[0], VALID.items[0]] }, 'en')).toEqual({ items: [ASSIGNMENT_TEXT.duplicate.en] });
  });
});
