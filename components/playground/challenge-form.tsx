'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { ZCreateChallenge } from '@/lib/training/challenges/challenge-schema';
import { MODEL_KINDS, type ModelKind } from '@/engine/playground/config-schema';
import { countParameters } from '@/engine/playground/count-parameters';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { MODEL_TASKS } from '@/engine/playground/model-tasks';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import { MODEL_NAMES, TASK_NAMES } from './playground-text';
import styles from './playground.module.css';

export type InstructorClass = { id: string; name: string };
export type SessionOption = { id: string; classId: string; pin: string };

const TEXT = {
  title: { ko: '새 챌린지 열기', en: 'Open a challenge' },
  name: { ko: '제목', en: 'Title' },
  className: { ko: '수업', en: 'Class' },
  session: { ko: '라이브 세션 안에서 (선택)', en: 'Inside a live session (optional)' },
  none: { ko: '없음', en: 'None' },
  model: { ko: '모델', en: 'Model' },
  task: { ko: '과제', en: 'Task' },
  maxParams: { ko: '최대 파라미터 수', en: 'Maximum parameters' },
  maxSeconds: { ko: '최대 학습 시간(초)', en: 'Maximum training time (s)' },
  closesAt: { ko: '마감 시각', en: 'Closes at' },
  create: { ko: '챌린지 열기', en: 'Open challenge' },
  invalid: { ko: '입력을 확인하세요: ', en: 'Check the form: ' },
  defaultTitle: { ko: '두 나선: 파라미터 50개 이하로 최고 검증 정확도', en: 'Two spirals: best validation accuracy with at most 50 parameters' },
};

/** What each schema field is called on the form, with its allowed range where it has one. */
const FIELD_LABELS: Record<string, { ko: string; en: string }> = {
  title: { ko: `${TEXT.name.ko} (1–120자)`, en: `${TEXT.name.en} (1–120 characters)` },
  classId: TEXT.className,
  sessionId: TEXT.session,
  model: TEXT.model,
  task: TEXT.task,
  maxParams: { ko: `${TEXT.maxParams.ko} (3–${TRAINING_LIMITS.maxParams})`, en: `${TEXT.maxParams.en} (3–${TRAINING_LIMITS.maxParams})` },
  maxSeconds: { ko: `${TEXT.maxSeconds.ko} (5–${TRAINING_LIMITS.wallSeconds})`, en: `${TEXT.maxSeconds.en} (5–${TRAINING_LIMITS.wallSeconds})` },
  closesAt: TEXT.closesAt,
};

/** An instructor's form for a new challenge; checked with the same schema as the API. */
export function ChallengeForm({ classes, sessions, locale }: { classes: InstructorClass[]; sessions: SessionOption[]; locale: Locale }) {
  const router = useRouter();
  const id = useId();
  const [title, setTitle] = useState(TEXT.defaultTitle[locale]);
  const [classId, setClassId] = useState(classes[0]?.id ?? '');
  const [sessionId, setSessionId] = useState('');
  const [model, setModel] = useState<ModelKind>('mlp');
  const [task, setTask] = useState('spirals');
  const [maxParams, setMaxParams] = useState(50);
  const [maxSeconds, setMaxSeconds] = useState<number>(TRAINING_LIMITS.wallSeconds);
  const [closesAt, setClosesAt] = useState(() => toLocalInput(new Date(Date.now() + 7 * 24 * 3600 * 1000)));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async () => {
    if (isBusy) return;
    setError(null);
    const closes = new Date(closesAt);
    const input = { classId, sessionId: sessionId || undefined, title, model, task, maxParams, maxSeconds, closesAt: Number.isNaN(closes.getTime()) ? '' : closes.toISOString() };
    const parsed = ZCreateChallenge.safeParse(input);
    if (!parsed.success) {
      const key = String(parsed.error.issues[0]?.path[0] ?? 'name');
      setError(`${TEXT.invalid[locale]}${(FIELD_LABELS[key] ?? TEXT.name)[locale]}`);
      return;
    }
    setIsBusy(true);
    const result = await sendJson<{ challenge: { id: string } }>('/api/training/challenges', 'POST', parsed.data);
    if (result.ok) {
      router.push(`/playground/challenges/${result.data.challenge.id}`);
      return;
    }
    setIsBusy(false);
    setError(describeApiError(result.error, locale));
  };
  const field = (key: string) => `${id}-${key}`;
  const defaultParams = countParameters(DEFAULT_CONFIGS[model]);

  return (
    <form
      className={styles.form}
      aria-labelledby={field('title')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={field('title')}>{TEXT.title[locale]}</h2>
      <label htmlFor={field('name')}>{TEXT.name[locale]}</label>
      <input id={field('name')} value={title} maxLength={120} onChange={(event) => setTitle(event.target.value)} style={{ width: '100%' }} required />
      <div className={styles.knobs}>
        <div className={styles.knob}>
          <label htmlFor={field('class')}>{TEXT.className[locale]}</label>
          <select id={field('class')} value={classId} onChange={(event) => setClassId(event.target.value)}>
            {classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <div className={styles.knob}>
          <label htmlFor={field('session')}>{TEXT.session[locale]}</label>
          <select id={field('session')} value={sessionId} onChange={(event) => setSessionId(event.target.value)}>
            <option value="">{TEXT.none[locale]}</option>
            {sessions.filter((s) => s.classId === classId).map((s) => <option key={s.id} value={s.id}>PIN {s.pin}</option>)}
          </select>
        </div>
        <div className={styles.knob}>
          <label htmlFor={field('model')}>{TEXT.model[locale]}</label>
          <select
            id={field('model')}
            value={model}
            onChange={(event) => {
              const next = MODEL_KINDS.find((m) => m === event.target.value) ?? 'mlp';
              setModel(next);
              setTask(MODEL_TASKS[next][0]);
            }}
          >
            {MODEL_KINDS.map((m) => <option key={m} value={m}>{MODEL_NAMES[m][locale]}</option>)}
          </select>
        </div>
        <div className={styles.knob}>
          <label htmlFor={field('task')}>{TEXT.task[locale]}</label>
          <select id={field('task')} value={task} onChange={(event) => setTask(event.target.value)}>
            {MODEL_TASKS[model].map((t) => <option key={t} value={t}>{TASK_NAMES[t]?.[locale] ?? t}</option>)}
          </select>
        </div>
        <div className={styles.knob}>
          <label htmlFor={field('params')}>{TEXT.maxParams[locale]}</label>
          <input id={field('params')} type="number" min={3} max={TRAINING_LIMITS.maxParams} value={maxParams} onChange={(event) => setMaxParams(Number(event.target.value))} aria-describedby={field('params-hint')} />
          <small id={field('params-hint')} className="muted">{locale === 'ko' ? `기본 모델: ${defaultParams}개` : `default model: ${defaultParams}`}</small>
        </div>
        <div className={styles.knob}>
          <label htmlFor={field('seconds')}>{TEXT.maxSeconds[locale]}</label>
          <input id={field('seconds')} type="number" min={5} max={TRAINING_LIMITS.wallSeconds} value={maxSeconds} onChange={(event) => setMaxSeconds(Number(event.target.value))} />
        </div>
        <div className={styles.knob}>
          <label htmlFor={field('closes')}>{TEXT.closesAt[locale]}</label>
          <input id={field('closes')} type="datetime-local" value={closesAt} onChange={(event) => setClosesAt(event.target.value)} />
        </div>
      </div>
      <p><button type="submit" className="button" disabled={isBusy || classes.length === 0}>{TEXT.create[locale]}</button></p>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </form>
  );
}

function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
