'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { MAX_TIME_LIMIT_S, MIN_TIME_LIMIT_S, ZCreateLiveSession } from '@/lib/live/protocol/live-schemas';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import { LIVE_TEXT } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';
import { DEFAULT_SCORING, type TScoringOptions } from '@/lib/live/protocol/scoring-options';
import { OPTIONS_TEXT, SessionOptionsFields, teamSetupOf, type TeamChoice } from '@/components/live/session-options-fields';
import { MAX_TEAMS, MIN_TEAMS } from '@/lib/live/protocol/team-setup';
import { PREDICT_TYPE_ID } from '@/lib/live/protocol/predict-setup';
import { PREDICT_FORM_TEXT, PredictRoundsFields, type PredictRound } from '@/components/live/predict-rounds-fields';
import { orderPlan } from '@/components/live/session-plan';
import { PREDICT_TITLE } from '@/lib/live/protocol/predict-setup';
import { PREDICT_PRESETS } from '@/lib/live/protocol/predict-presets';

export interface CreateSessionFormProps {
  locale: Locale;
  classes: { id: string; name: string }[];
  units: { id: string; title: Localized; exercises: string[] }[];
  types: { id: string; unit: string; title: Localized }[];
}

const DEFAULT_TIME_S = 30;

/** An instructor picks a class and a unit (or exercise types by hand), time limits and pacing. */
export function CreateSessionForm({ locale, classes, units, types }: CreateSessionFormProps) {
  const router = useRouter();
  const [classId, setClassId] = useState(classes[0]?.id ?? '');
  const [source, setSource] = useState<'unit' | 'types'>('unit');
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [picked, setPicked] = useState<string[]>([]);
  const [timeLimits, setTimeLimits] = useState<Record<string, string>>({});
  /** The exercise whose time limit the last check refused: its box is marked until it changes. */
  const [badTimeLimit, setBadTimeLimit] = useState<string | null>(null);
  const [mode, setMode] = useState<'INSTRUCTOR_PACED' | 'SELF_PACED'>('INSTRUCTOR_PACED');
  const [deadlineMinutes, setDeadlineMinutes] = useState('60');
  const [allowGuests, setAllowGuests] = useState(false);
  const [scoring, setScoring] = useState<TScoringOptions>(DEFAULT_SCORING);
  const [team, setTeam] = useState<TeamChoice>({ assign: 'NONE', teams: '4', size: '4', talkS: 0 });
  const [predictRounds, setPredictRounds] = useState<PredictRound[]>([]);
  const [isSending, setIsSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const knownTypes = useMemo(() => new Set(types.map((type) => type.id)), [types]);
  const titleOf = (id: string) => types.find((type) => type.id === id)?.title[locale] ?? id;
  const selected = source === 'unit' ? (units.find((unit) => unit.id === unitId)?.exercises ?? []).filter((id) => knownTypes.has(id)) : picked;
  // The order of play: exercise questions with each prediction round in the place the host chose
  // (rounds only in an instructor-paced session). Sent and stored in this order.
  const plan = orderPlan(selected, mode === 'INSTRUCTOR_PACED' ? predictRounds : [], (round) => round.place);

  function toggle(typeId: string) {
    setPicked((current) => (current.includes(typeId) ? current.filter((id) => id !== typeId) : [...current, typeId]));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    if (selected.length === 0 && predictRounds.length === 0) {
      setProblem(LIVE_TEXT.pickAtLeastOne[locale]);
      return;
    }
    const parsed = ZCreateLiveSession.safeParse({
      classId,
      unitId: source === 'unit' ? unitId : undefined,
      questions: plan.map((entry) =>
        entry.kind === 'exercise'
          ? { typeId: entry.item, timeLimitS: Number(timeLimits[entry.item] ?? DEFAULT_TIME_S) }
          : { typeId: PREDICT_TYPE_ID, timeLimitS: Number(entry.item.timeLimitS), predict: entry.item.setup },
      ),
      mode,
      allowGuests,
      deadlineMinutes: mode === 'SELF_PACED' ? Number(deadlineMinutes) : undefined,
      scoring,
      teams: mode === 'INSTRUCTOR_PACED' ? teamSetupOf(team) : undefined,
    });
    if (!parsed.success) {
      // The question whose time limit is out of range, named as its box is (aria-label), marked and focused.
      const timeLimitOwner = (index: PropertyKey | undefined) => {
        const entry = typeof index === 'number' ? plan[index] : undefined;
        return entry?.kind === 'exercise' ? titleOf(entry.item) : `${MIN_TIME_LIMIT_S}–${MAX_TIME_LIMIT_S}`;
      };
      const issue = parsed.error.issues[0];
      const badEntry = issue?.path.includes('timeLimitS') && typeof issue.path[1] === 'number' ? plan[issue.path[1]] : undefined;
      const badTypeId = badEntry?.kind === 'exercise' ? badEntry.item : null;
      setBadTimeLimit(badTypeId);
      if (badTypeId) document.getElementById(timeInputId(badTypeId))?.focus();
      const field = issue?.path.includes('predict')
        ? PREDICT_FORM_TEXT.fixKnobs[locale]
        : issue?.path.includes('timeLimitS')
        ? `${LIVE_TEXT.timeLimit[locale]}: ${timeLimitOwner(issue.path[1])}`
        : issue?.path[0] === 'deadlineMinutes'
          ? `${LIVE_TEXT.deadlineMinutes[locale]}: 5–${14 * 24 * 60}`
          : issue?.path[0] === 'teams'
            ? `${OPTIONS_TEXT.teams[locale]}: ${OPTIONS_TEXT.teamCount[locale]} ${MIN_TEAMS}–${MAX_TEAMS}, ${OPTIONS_TEXT.teamSize[locale]} 2–20`
            : LIVE_TEXT.klass[locale];
      setProblem(`${locale === 'ko' ? '입력을 확인하세요' : 'Check this field'} — ${field}`);
      return;
    }
    setIsSending(true);
    setProblem(null);
    const result = await sendJson<{ sessionId: string }>('/api/live/sessions', 'POST', parsed.data);
    if (result.ok) {
      // Stays "creating…" (and the button disabled) until the host screen replaces this page.
      router.push(`/live/${result.data.sessionId}/host`);
      return;
    }
    setIsSending(false);
    setProblem(describeApiError(result.error, locale));
  }

  const timeInput = (typeId: string) => (
    <input
      id={timeInputId(typeId)}
      type="number"
      min={MIN_TIME_LIMIT_S}
      max={MAX_TIME_LIMIT_S}
      step={5}
      aria-label={`${LIVE_TEXT.timeLimit[locale]}: ${titleOf(typeId)}`}
      aria-invalid={badTimeLimit === typeId || undefined}
      value={timeLimits[typeId] ?? String(DEFAULT_TIME_S)}
      onChange={(event) => {
        setTimeLimits({ ...timeLimits, [typeId]: event.currentTarget.value });
        if (badTimeLimit === typeId) setBadTimeLimit(null);
      }}
    />
  );

  return (
    <form className={styles.createForm} onSubmit={submit} noValidate>
      <label htmlFor="live-class">{LIVE_TEXT.klass[locale]}</label>
      <select id="live-class" value={classId} onChange={(event) => setClassId(event.currentTarget.value)}>
        {classes.map((klass) => (
          <option key={klass.id} value={klass.id}>{klass.name}</option>
        ))}
      </select>

      <fieldset>
        <legend>{LIVE_TEXT.source[locale]}</legend>
        <label className={styles.inline}>
          <input type="radio" name="source" checked={source === 'unit'} onChange={() => setSource('unit')} /> {LIVE_TEXT.fromUnit[locale]}
        </label>
        <label className={styles.inline}>
          <input type="radio" name="source" checked={source === 'types'} onChange={() => setSource('types')} /> {LIVE_TEXT.handPicked[locale]}
        </label>
        {source === 'unit' ? (
          <>
            <label htmlFor="live-unit">{LIVE_TEXT.unit[locale]}</label>
            <select id="live-unit" value={unitId} onChange={(event) => setUnitId(event.currentTarget.value)}>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>{unit.title[locale]}</option>
              ))}
            </select>
            <p className="muted"><small>{LIVE_TEXT.timeLimit[locale]}</small></p>
            <ol className={styles.typeList}>
              {selected.map((typeId) => (
                <li key={typeId} className={styles.typeRow}>
                  <span>{titleOf(typeId)}</span>
                  {timeInput(typeId)}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <div>
            <p className="muted"><small>{LIVE_TEXT.timeLimit[locale]}</small></p>
            {types.map((type) => (
              <div key={type.id} className={styles.typeRow}>
                <label>
                  <input type="checkbox" checked={picked.includes(type.id)} onChange={() => toggle(type.id)} /> {type.title[locale]}
                  {picked.includes(type.id) ? <small className="muted"> #{picked.indexOf(type.id) + 1}</small> : null}
                </label>
                {picked.includes(type.id) ? timeInput(type.id) : null}
              </div>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{LIVE_TEXT.mode[locale]}</legend>
        <label className={styles.inline}>
          <input type="radio" name="mode" checked={mode === 'INSTRUCTOR_PACED'} onChange={() => setMode('INSTRUCTOR_PACED')} /> {LIVE_TEXT.instructorPaced[locale]}
        </label>
        <label className={styles.inline}>
          <input type="radio" name="mode" checked={mode === 'SELF_PACED'} onChange={() => setMode('SELF_PACED')} /> {LIVE_TEXT.selfPaced[locale]}
        </label>
        {mode === 'SELF_PACED' ? (
          <>
            <label htmlFor="live-deadline">{LIVE_TEXT.deadlineMinutes[locale]}</label>
            <input id="live-deadline" type="number" min={5} max={20160} value={deadlineMinutes} onChange={(event) => setDeadlineMinutes(event.currentTarget.value)} />
          </>
        ) : null}
      </fieldset>

      {mode === 'INSTRUCTOR_PACED' ? <PredictRoundsFields locale={locale} questions={selected.map(titleOf)} rounds={predictRounds} onChange={setPredictRounds} /> : null}
      {mode === 'INSTRUCTOR_PACED' && predictRounds.length > 0 ? (
        <section aria-label={PREDICT_FORM_TEXT.order[locale]}>
          <p><strong>{PREDICT_FORM_TEXT.order[locale]}</strong></p>
          <ol data-testid="plan-order">
            {plan.map((entry, i) => (
              <li key={i} data-kind={entry.kind}>
                {entry.kind === 'exercise' ? titleOf(entry.item) : `${PREDICT_TITLE[locale]} · ${PREDICT_PRESETS.find((preset) => preset.id === entry.item.presetId)?.label[locale] ?? ''}`}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <SessionOptionsFields locale={locale} scoring={scoring} onScoring={setScoring} team={team} onTeam={setTeam} canUseTeams={mode === 'INSTRUCTOR_PACED'} />

      <label className={styles.inline}>
        <input type="checkbox" checked={allowGuests} onChange={(event) => setAllowGuests(event.currentTarget.checked)} /> {LIVE_TEXT.allowGuests[locale]}
      </label>

      <p>
        <button className="button" type="submit" disabled={isSending}>{isSending ? LIVE_TEXT.creating[locale] : LIVE_TEXT.create[locale]}</button>
      </p>
      <div role="status" aria-live="polite">{problem ? <p className="error">{problem}</p> : null}</div>
    </form>
  );
}

const timeInputId = (typeId: string) => `live-time-${typeId}`;
