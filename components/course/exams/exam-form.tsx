'use client';

import { ZExamForm, type TExamInput } from '@/lib/course/exams/exam-schemas';
import { fill } from '@/lib/i18n/fill';
import type { Locale, Localized } from '@/lib/i18n/locales';
import forms from '@/components/ui/forms.module.css';
import { ExerciseRows } from '../exercise-rows';
import { fieldErrorMarkup } from '../field-errors';
import { numberBoxValue } from '../number-box';
import { FormFooter } from '../form-footer';
import { useSavedForm } from '../use-saved-form';

const TEXT = {
  create: { ko: '새 시험', en: 'New exam' },
  edit: { ko: '시험 고치기', en: 'Edit exam' },
  title: { ko: '제목', en: 'Title' },
  questions: { ko: '문제 (학생마다 자기 숫자, 섞인 순서)', en: 'Questions (each student gets their own numbers, in a shuffled order)' },
  points: { ko: '배점', en: 'Points' },
  add: { ko: '문제 추가', en: 'Add a question' },
  opensAt: { ko: '응시 시작', en: 'Window opens' },
  closesAt: { ko: '응시 마감', en: 'Window closes' },
  zone: { ko: '수업 시간대: {zone}', en: 'Class time zone: {zone}' },
  limit: { ko: '제한 시간 (분, 학생이 시작한 순간부터)', en: 'Time limit (minutes, from when each student begins)' },
  attempts: { ko: '문제당 시도 횟수', en: 'Attempts per question' },
  decay: { ko: '시도마다 덜 인정할 비율 (%)', en: 'Credit lost per later attempt (%)' },
  feedback: { ko: '채점 결과 보여 주기', en: 'Show grading' },
  immediate: { ko: '답을 낼 때마다 바로', en: 'Right after each answer' },
  onRelease: { ko: '결과를 공개한 뒤', en: 'After I release the results' },
  publish: { ko: '학생에게 공개', en: 'Published to students' },
  frozen: { ko: '시작한 학생이 있어 문제, 시간, 시도, 감점은 바꿀 수 없습니다.', en: 'Students have begun: questions, time limit, attempts and credit are frozen.' },
} satisfies Record<string, Localized>;

export interface ExamFormProps {
  locale: Locale;
  classId: string;
  timeZone: string;
  types: { typeId: string; title: Localized }[];
  /** Editing: the exam id and its values (dates as wall-clock times in the class zone). */
  examId?: string;
  initial?: TExamInput;
  hasStarted?: boolean;
}

const EMPTY: TExamInput = { title: '', opensAt: '', closesAt: '', timeLimitMinutes: 50, maxAttempts: 1, creditDecayPct: 0, feedback: 'ON_RELEASE', questions: [], isPublished: true };

export function ExamForm({ locale, classId, timeZone, types, examId, initial, hasStarted = false }: ExamFormProps) {
  const { value, update, save, saved, error, fieldErrors, isPending } = useSavedForm({
    locale,
    initial,
    empty: EMPTY,
    schema: ZExamForm,
    itemUrl: examId && `/api/course/exams/${examId}`,
    collectionUrl: `/api/course/classes/${classId}/exams`,
  });
  const formId = examId ?? 'new';
  const id = (name: string) => `exam-${name}-${formId}`;
  // The browser's check (the server's own rules, ZExamForm) names each field's problem under it.
  const { invalidProps, fieldError, fieldsUnder } = fieldErrorMarkup(fieldErrors, `exam-${formId}`);
  const questionFields = fieldsUnder('questions');

  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby={id('heading')} data-testid="exam-form">
      <h2 id={id('heading')}>{examId ? TEXT.edit[locale] : TEXT.create[locale]}</h2>
      <label htmlFor={id('title')}>{TEXT.title[locale]}</label>
      <input id={id('title')} value={value.title} onChange={(e) => update({ title: e.target.value })} style={{ width: '100%' }} {...invalidProps('title')} />
      {fieldError('title')}

      <fieldset style={{ border: 0, padding: 0, margin: '0.75rem 0 0' }} disabled={hasStarted}>
        <legend style={{ fontWeight: 600 }}>{TEXT.questions[locale]}</legend>
        {hasStarted && <p className={forms.hint}>{TEXT.frozen[locale]}</p>}
        <ExerciseRows
          locale={locale}
          types={types}
          items={value.questions}
          onChange={(questions) => update({ questions })}
          newItem={(typeId) => ({ typeId, points: 1 })}
          addLabel={TEXT.add}
          renderFields={(question, replace) => (
            <input
              aria-label={TEXT.points[locale]}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              style={{ width: '5rem' }}
              value={numberBoxValue(question.points)}
              onChange={(e) => replace({ points: Math.round(e.target.valueAsNumber) })}
              {...invalidProps(`questions.${value.questions.indexOf(question)}.points`)}
            />
          )}
        />
        {fieldError('questions')}
        {questionFields.map((field) => fieldError(field))}
      </fieldset>

      <p className={forms.hint}>{fill(TEXT.zone[locale], { zone: timeZone })}</p>
      <label htmlFor={id('opens')}>{TEXT.opensAt[locale]}</label>
      <input id={id('opens')} type="datetime-local" value={value.opensAt} onChange={(e) => update({ opensAt: e.target.value })} {...invalidProps('opensAt')} />
      {fieldError('opensAt')}
      <label htmlFor={id('closes')}>{TEXT.closesAt[locale]}</label>
      <input id={id('closes')} type="datetime-local" value={value.closesAt} onChange={(e) => update({ closesAt: e.target.value })} {...invalidProps('closesAt')} />
      {fieldError('closesAt')}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} disabled={hasStarted}>
        <label htmlFor={id('limit')}>{TEXT.limit[locale]}</label>
        <input id={id('limit')} type="number" inputMode="numeric" min={1} max={600} value={numberBoxValue(value.timeLimitMinutes)} onChange={(e) => update({ timeLimitMinutes: Math.round(e.target.valueAsNumber) })} style={{ width: '6rem' }} {...invalidProps('timeLimitMinutes')} />
        {fieldError('timeLimitMinutes')}
        <label htmlFor={id('attempts')}>{TEXT.attempts[locale]}</label>
        <input id={id('attempts')} type="number" inputMode="numeric" min={1} max={5} value={numberBoxValue(value.maxAttempts)} onChange={(e) => update({ maxAttempts: Math.round(e.target.valueAsNumber) })} style={{ width: '6rem' }} {...invalidProps('maxAttempts')} />
        {fieldError('maxAttempts')}
        <label htmlFor={id('decay')}>{TEXT.decay[locale]}</label>
        <input id={id('decay')} type="number" inputMode="numeric" min={0} max={100} value={numberBoxValue(value.creditDecayPct)} onChange={(e) => update({ creditDecayPct: Math.round(e.target.valueAsNumber) })} style={{ width: '6rem' }} {...invalidProps('creditDecayPct')} />
        {fieldError('creditDecayPct')}
      </fieldset>
      <label htmlFor={id('feedback')}>{TEXT.feedback[locale]}</label>
      <select id={id('feedback')} value={value.feedback} onChange={(e) => update({ feedback: e.target.value === 'IMMEDIATE' ? 'IMMEDIATE' : 'ON_RELEASE' })}>
        <option value="ON_RELEASE">{TEXT.onRelease[locale]}</option>
        <option value="IMMEDIATE">{TEXT.immediate[locale]}</option>
      </select>
      <label style={{ fontWeight: 400 }}>
        <input type="checkbox" checked={value.isPublished} onChange={(e) => update({ isPublished: e.target.checked })} /> {TEXT.publish[locale]}
      </label>
      <FormFooter locale={locale} isPending={isPending} saved={saved} error={error} />
    </form>
  );
}
