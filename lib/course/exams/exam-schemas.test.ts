import { describe, expect, it } from 'vitest';
import { localizedFieldErrors } from '@/lib/i18n/localized-issues';
import { EXAM_TEXT, ZExamForm, type TExamInput } from './exam-schemas';

const VALID: TExamInput = {
  title: 'Midterm', opensAt: '2026-04-20T10:00', closesAt: '2026-04-20T12:00:00', timeLimitMinutes: 50, maxAttempts: 2, creditDecayPct: 25,
  feedback: 'ON_RELEASE', questions: [{ typeId: 'rnn-step', points: 2 }], isPublished: true,
};

function errorsOf(input: TExamInput, locale: 'ko' | 'en') {
  const parsed = ZExamForm.safeParse(input);
  return parsed.success ? {} : localizedFieldErrors(parsed.error, locale);
}

describe('the exam form schema (shared by the form and the server)', () => {
  it('accepts a complete exam', () => {
    expect(ZExamForm.safeParse(VALID).success).toBe(true);
  });

  it('names every missing field of an empty form, in Korean and in English', () => {
    const empty: TExamInput = { ...VALID, title: ' ', questions: [], opensAt: '', closesAt: '' };
    for (const locale of ['ko', 'en'] as const) {
      expect(errorsOf(empty, locale)).toEqual({
        title: [EXAM_TEXT.title[locale]],
        questions: [EXAM_TEXT.questions[locale]],
        opensAt: [EXAM_TEXT.date[locale]],
        closesAt: [EXAM_TEXT.date[locale]],
      });
    }
  });

  it('names a window that closes before it opens, points, limits and a box left empty or mistyped (NaN)', () => {
    expect(errorsOf({ ...VALID, closesAt: '2026-04-20T09:59' }, 'en')).toEqual({ closesAt: [EXAM_TEXT.order.en] });
    expect(errorsOf({ ...VALID, questions: [{ typeId: 'rnn-step', points: 0 }, { typeId: 'rnn-step', points: 1 }] }, 'ko')).toEqual({
      questions: [EXAM_TEXT.duplicate.ko],
      'questions.0.points': [EXAM_TEXT.points.ko],
    });
    expect(errorsOf({ ...VALID, timeLimitMinutes: 0, maxAttempts: 6, creditDecayPct: Number.NaN }, 'en')).toEqual({
      timeLimitMinutes: [EXAM_TEXT.limit.en],
      maxAttempts: [EXAM_TEXT.attempts.en],
      creditDecayPct: [EXAM_TEXT.decay.en],
    });
    expect(errorsOf({ ...VALID, title: 'a\u0000b' }, 'en')).toEqual({ title: [EXAM_TEXT.title.en] });
  });
});
