'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { fill } from '@/lib/i18n/fill';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { ZAssignmentInput, type TAssignmentInput } from '@/lib/course/assignments/assignment-schemas';
import { useApiAction } from '@/components/ui/use-api-action';
import forms from '@/components/ui/forms.module.css';
import styles from './course.module.css';

const TEXT = {
  create: { ko: '새 과제', en: 'New assignment' },
  edit: { ko: '과제 고치기', en: 'Edit assignment' },
  title: { ko: '제목', en: 'Title' },
  units: { ko: '읽을 유닛', en: 'Units to read' },
  exercises: { ko: '연습문제와 목표', en: 'Exercises and targets' },
  exercise: { ko: '연습문제', en: 'Exercise' },
  target: { ko: '목표', en: 'Target' },
  solveCount: { ko: '변형 N개 완전히 풀기', en: 'Solve N variants fully' },
  bestScore: { ko: '최고 점수 ≥ N %', en: 'Best score ≥ N %' },
  n: { ko: 'N', en: 'N' },
  add: { ko: '연습문제 추가', en: 'Add an exercise' },
  remove: { ko: '빼기', en: 'Remove' },
  opensAt: { ko: '시작', en: 'Opens' },
  dueAt: { ko: '마감', en: 'Due' },
  zone: { ko: '수업 시간대: {zone}', en: 'Class time zone: {zone}' },
  allowLate: { ko: '지각 제출 받기', en: 'Accept late work' },
  lateUntil: { ko: '지각 제출 마감', en: 'Late work until' },
  penalty: { ko: '지각 감점 (%)', en: 'Late penalty (%)' },
  publish: { ko: '학생에게 공개', en: 'Published to students' },
  save: { ko: '저장', en: 'Save' },
  saved: { ko: '저장했습니다.', en: 'Saved.' },
  invalid: { ko: '입력을 확인하세요: 제목, 연습문제 하나 이상, 날짜.', en: 'Check the form: a title, at least one exercise, and the dates.' },
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
  const router = useRouter();
  const { run, error, setError, isPending } = useApiAction(locale);
  const [value, setValue] = useState<TAssignmentInput>(initial ?? EMPTY);
  const [lateUntil, setLateUntil] = useState(initial?.lateUntil ?? '');
  const [allowLate, setAllowLate] = useState(initial ? initial.lateUntil !== null : false);
  const [saved, setSaved] = useState(false);
  const update = (patch: Partial<TAssignmentInput>) => setValue((current) => ({ ...current, ...patch }));
  const formId = assignmentId ?? 'new';

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = ZAssignmentInput.safeParse({ ...value, lateUntil: allowLate ? lateUntil : null });
    if (!parsed.success) {
      setError(TEXT.invalid[locale]);
      return;
    }
    const url = assignmentId ? `/api/course/assignments/${assignmentId}` : `/api/course/classes/${classId}/assignments`;
    const result = await run<{ id: string }>(url, assignmentId ? 'PUT' : 'POST', parsed.data, { refresh: false });
    if (!result) return;
    setSaved(true);
    if (!assignmentId) setValue(EMPTY);
    router.refresh();
  }

  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby={`assignment-form-${formId}`} data-testid="assignment-form">
      <h3 id={`assignment-form-${formId}`}>{assignmentId ? TEXT.edit[locale] : TEXT.create[locale]}</h3>
      <label htmlFor={`title-${formId}`}>{TEXT.title[locale]}</label>
      <input id={`title-${formId}`} value={value.title} onChange={(e) => update({ title: e.target.value })} style={{ width: '100%' }} />

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
        {value.items.map((item, index) => (
          <div key={index} className={styles.itemRow}>
            <select aria-label={TEXT.exercise[locale]} value={item.typeId} onChange={(e) => update({ items: value.items.map((it, i) => (i === index ? { ...it, typeId: e.target.value } : it)) })}>
              {types.map((type) => (
                <option key={type.typeId} value={type.typeId}>{type.title[locale]}</option>
              ))}
            </select>
            <select
              aria-label={TEXT.target[locale]}
              value={item.target}
              onChange={(e) => {
                const target = e.target.value === 'BEST_SCORE' ? 'BEST_SCORE' : 'SOLVE_COUNT';
                update({ items: value.items.map((it, i) => (i === index ? { ...it, target, targetValue: target === 'BEST_SCORE' ? 0.8 : 2 } : it)) });
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
              value={item.target === 'BEST_SCORE' ? Math.round(item.targetValue * 100) : item.targetValue}
              onChange={(e) => {
                const n = Number(e.target.value);
                update({ items: value.items.map((it, i) => (i === index ? { ...it, targetValue: it.target === 'BEST_SCORE' ? n / 100 : n } : it)) });
              }}
            />
            <button type="button" className="button secondary" onClick={() => update({ items: value.items.filter((_, i) => i !== index) })}>{TEXT.remove[locale]}</button>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            const unused = types.find((type) => !value.items.some((item) => item.typeId === type.typeId));
            if (unused) update({ items: [...value.items, { typeId: unused.typeId, target: 'SOLVE_COUNT', targetValue: 2 }] });
          }}
        >
          {TEXT.add[locale]}
        </button>
      </fieldset>

      <p className={forms.hint}>{fill(TEXT.zone[locale], { zone: timeZone })}</p>
      <label htmlFor={`opens-${formId}`}>{TEXT.opensAt[locale]}</label>
      <input id={`opens-${formId}`} type="datetime-local" step={1} value={value.opensAt} onChange={(e) => update({ opensAt: e.target.value })} />
      <label htmlFor={`due-${formId}`}>{TEXT.dueAt[locale]}</label>
      <input id={`due-${formId}`} type="datetime-local" step={1} value={value.dueAt} onChange={(e) => update({ dueAt: e.target.value })} />
      <label style={{ fontWeight: 400 }}>
        <input type="checkbox" checked={allowLate} onChange={(e) => setAllowLate(e.target.checked)} /> {TEXT.allowLate[locale]}
      </label>
      {allowLate && (
        <>
          <label htmlFor={`late-${formId}`}>{TEXT.lateUntil[locale]}</label>
          <input id={`late-${formId}`} type="datetime-local" step={1} value={lateUntil} onChange={(e) => setLateUntil(e.target.value)} />
          <label htmlFor={`penalty-${formId}`}>{TEXT.penalty[locale]}</label>
          <input id={`penalty-${formId}`} type="number" min={0} max={100} value={value.latePenaltyPct} onChange={(e) => update({ latePenaltyPct: Math.round(Number(e.target.value)) })} style={{ width: '6rem' }} />
        </>
      )}
      <label style={{ fontWeight: 400 }}>
        <input type="checkbox" checked={value.isPublished} onChange={(e) => update({ isPublished: e.target.checked })} /> {TEXT.publish[locale]}
      </label>
      <div className={forms.actions}>
        <button type="submit" className="button" disabled={isPending}>{TEXT.save[locale]}</button>
        {saved && <span className="success" role="status">{TEXT.saved[locale]}</span>}
      </div>
      {error && <p className={forms.alert} role="alert">{error}</p>}
    </form>
  );
}
