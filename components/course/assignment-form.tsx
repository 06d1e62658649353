'use client';

import { useState } from 'react';
import { fill } from '@/lib/i18n/fill';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { ZAssignmentForm, type TAssignmentInput } from '@/lib/course/assignments/assignment-schemas';
import forms from '@/components/ui/forms.module.css';
import { ExerciseRows } from './exercise-rows';
import { fieldErrorMarkup } from './field-errors';
import { numberBoxValue } from './number-box';
import { FormFooter } from './form-footer';
import { useSavedForm } from './use-saved-form';

const TEXT = {
  create: { ko: '새 과제', en: 'New assignment' },
  edit: { ko: '과제 고치기', en: 'Edit assignment' },
  title: { ko: '제목', en: 'Title' },
  units: { ko: '읽을 유닛', en: 'Units to read' },
  exercises: { ko: '연습문제와 목표', en: 'Exercises and targets' },
  target: { ko: '목표', en: 'Target' },
  solveCount: { ko: '변형 N개 완전히 풀기', en: 'Solve N variants fully' },
  bestScore: { ko: '최고 점수 ≥ N %', en: 'Best score ≥ N %' },
  n: { ko: 'N', en: 'N' },
  add: { ko: '연습문제 추가', en: 'Add an exercise' },
  opensAt: { ko: '시작', en: 'Opens' },
  dueAt: { ko: '마감', en: 'Due' },
  zone: { ko: '수업 시간대: {zone}', en: 'Class time zone: {zone}' },
  allowLate: { ko: '지각 제출 받기', en: 'Accept late work' },
  lateUntil: { ko: '지각 제출 마감', en: 'Late work until' },
  penalty: { ko: '지각 감점 (%)', en: 'Late penalty (%)' },
  publish: { ko: '학생에게 공개', en: 'Published to students' },
} satisfies Record<string, Localized>;

export interface AssignmentFormProps {
  locale: Locale;
  classId: string;
  timeZone: string;
  units: { unitId: string; title: Localized }[];
  types: { typeId: string; title: Localized }[];
  /** Editing: the assignment id and its current values (dates as wall-clock times in the class zone). */
  assignmentId?: string;
  initial?: TAssignmentInput;
}

const EMPTY: TAssignmentInput = { title: '', unitIds: [], items: [], opensAt: '', dueAt: '', lateUntil: null, latePenaltyPct: 10, isPublished: true };

export function AssignmentForm({ locale, classId, timeZone, units, types, assignmentId, initial }: AssignmentFormProps) {
  const [lateUntil, setLateUntil] = useState(initial?.lateUntil ?? '');
  const [allowLate, setAllowLate] = useState(initial ? initial.lateUntil !== null : false);
  const { value, update, save, saved, error, fieldErrors, isPending } = useSavedForm({
    locale,
    initial,
    empty: EMPTY,
    schema: ZAssignmentForm,
    itemUrl: assignmentId && `/api/course/assignments/${assignmentId}`,
    collectionUrl: `/api/course/classes/${classId}/assignments`,
    toBody: (current: TAssignmentInput) => ({ ...current, lateUntil: allowLate ? lateUntil : null }),
  });
  const formId = assignmentId ?? 'new';
  // The browser's check (the server's own schema) names each field's problem under it.
  const { invalidProps, fieldError, fieldsUnder } = fieldErrorMarkup(fieldErrors, formId);
  const itemFields = fieldsUnder('items');

  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby={`assignment-form-${formId}`} data-testid="assignment-form">
      <h3 id={`assignment-form-${formId}`}>{assignmentId ? TEXT.edit[locale] : TEXT.create[locale]}</h3>
      <label htmlFor={`title-${formId}`}>{TEXT.title[locale]}</label>
      <input id={`title-${formId}`} value={value.title} onChange={(e) => update({ title: e.target.value })} style={{ width: '100%' }} {...invalidProps('title')} />
      {fieldError('title')}

      <fieldset style={{ border: 0, padding: 0, margin: '0.75rem 0 0' }}>
        <legend style={{ fontWeight: 600 }}>{TEXT.units[locale]}</legend>
        {units.map((unit) => (
          <label key={unit.unitId} style={{ fontWeight: 400, margin: '0.2rem 0' }}>
            <input
              type="checkbox"
              checked={value.unitIds.includes(unit.unitId)}
              onChange={(e) => update({ unitIds: e.target.checked ? [...value.unitIds, unit.unitId] : value.unitIds.filter((id) => id !== unit.unitId) })}
            />{' '}
            {unit.title[locale]}
          </label>
        ))}
      </fieldset>

      <fieldset style={{ border: 0, padding: 0, margin: '0.75rem 0 0' }}>
        <legend style={{ fontWeight: 600 }}>{TEXT.exercises[locale]}</legend>
        <ExerciseRows
          locale={locale}
          types={types}
          items={value.items}
          onChange={(items) => update({ items })}
          newItem={(typeId): TAssignmentInput['items'][number] => ({ typeId, target: 'SOLVE_COUNT', targetValue: 2 })}
          addLabel={TEXT.add}
          renderFields={(item, replace) => (
            <>
              <select
                aria-label={TEXT.target[locale]}
                value={item.target}
                onChange={(e) => {
                  const target = e.target.value === 'BEST_SCORE' ? 'BEST_SCORE' : 'SOLVE_COUNT';
                  replace({ target, targetValue: target === 'BEST_SCORE' ? 0.8 : 2 });
                }}
              >
                <option value="SOLVE_COUNT">{TEXT.solveCount[locale]}</option>
                <option value="BEST_SCORE">{TEXT.bestScore[locale]}</option>
              </select>
              <input
                aria-label={TEXT.n[locale]}
                type="number"
                inputMode="numeric"
                min={1}
                max={item.target === 'BEST_SCORE' ? 100 : 20}
                style={{ width: '5rem' }}
                value={numberBoxValue(item.target === 'BEST_SCORE' ? Math.round(item.targetValue * 100) : item.targetValue)}
                {...invalidProps(`items.${value.items.indexOf(item)}.targetValue`)}
                onChange={(e) => {
                  const n = e.target.valueAsNumber;
                  replace({ targetValue: item.target === 'BEST_SCORE' ? n / 100 : n });
                }}
              />
            </>
          )}
        />
        {fieldError('items')}
        {itemFields.map((field) => fieldError(field))}
      </fieldset>

      <p className={forms.hint}>{fill(TEXT.zone[locale], { zone: timeZone })}</p>
      <label htmlFor={`opens-${formId}`}>{TEXT.opensAt[locale]}</label>
      <input id={`opens-${formId}`} type="datetime-local" value={value.opensAt} onChange={(e) => update({ opensAt: e.target.value })} {...invalidProps('opensAt')} />
      {fieldError('opensAt')}
      <label htmlFor={`due-${formId}`}>{TEXT.dueAt[locale]}</label>
      <input id={`due-${formId}`} type="datetime-local" value={value.dueAt} onChange={(e) => update({ dueAt: e.target.value })} {...invalidProps('dueAt')} />
      {fieldError('dueAt')}
      <label style={{ fontWeight: 400 }}>
        <input type="checkbox" checked={allowLate} onChange={(e) => setAllowLate(e.target.checked)} /> {TEXT.allowLate[locale]}
      </label>
      {allowLate && (
        <>
          <label htmlFor={`late-${formId}`}>{TEXT.lateUntil[locale]}</label>
          <input id={`late-${formId}`} type="datetime-local" value={lateUntil} onChange={(e) => setLateUntil(e.target.value)} {...invalidProps('lateUntil')} />
          {fieldError('lateUntil')}
          <label htmlFor={`penalty-${formId}`}>{TEXT.penalty[locale]}</label>
          <input id={`penalty-${formId}`} type="number" min={0} max={100} value={numberBoxValue(value.latePenaltyPct)} onChange={(e) => update({ latePenaltyPct: Math.round(e.target.valueAsNumber) })} style={{ width: '6rem' }} {...invalidProps('latePenaltyPct')} />
          {fieldError('latePenaltyPct')}
        </>
      )}
      <label style={{ fontWeight: 400 }}>
        <input type="checkbox" checked={value.isPublished} onChange={(e) => update({ isPublished: e.target.checked })} /> {TEXT.publish[locale]}
      </label>
      <FormFooter locale={locale} isPending={isPending} saved={saved} error={error} />
    </form>
  );
}
