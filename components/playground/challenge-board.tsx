'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { fill } from '@/lib/i18n/fill';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { DateTime, useDateFormatter } from '@/components/ui/date-time';
import type { ChallengeLeaderboard, EntryState } from '@/lib/training/challenges/get-challenge-leaderboard';
import { TRAINING_CLIENT_EVENTS, TRAINING_SERVER_EVENTS } from '@/lib/training/training-events';
import { formatPercent, MODEL_NAMES, T, TASK_NAMES } from './playground-text';
import styles from './playground.module.css';
import { emitTraining, openTrainingSocket, type TrainingSocket } from './training-socket';

/** A run the viewer may enter: `label` without its date, which the browser formats (viewer's zone). */
export type EligibleRun = { id: string; label: string; createdAt: string };

const TEXT = {
  rank: { ko: '순위', en: 'Rank' },
  student: { ko: '학생', en: 'Student' },
  score: { ko: '서버 재검증 점수', en: 'Re-checked score' },
  claimed: { ko: '제출 당시 점수', en: 'Reported' },
  check: { ko: '확인', en: 'Check' },
  entries: { ko: '제출 수', en: 'Entries' },
  empty: { ko: '아직 제출이 없습니다.', en: 'No entries yet.' },
  enter: { ko: '내 실행 제출', en: 'Enter one of my runs' },
  submit: { ko: '제출', en: 'Enter' },
  noEligible: { ko: '제출할 수 있는 실행이 없습니다. 이 모델과 과제로, 표준 데이터 설정에서 학습하세요.', en: 'No run to enter yet: train this model on this task with the standard data settings.' },
  train: { ko: '플레이그라운드에서 학습하기', en: 'Train in the playground' },
  closed: { ko: '마감됨', en: 'Closed' },
  closes: { ko: '마감', en: 'Closes' },
  limits: { ko: '파라미터 최대 {p}개, 학습 시간 최대 {s}초', en: 'At most {p} parameters and {s} s of training' },
  submitted: { ko: '제출했습니다. 서버가 다시 학습해 점수를 확인하는 중입니다.', en: 'Entered. The server is retraining the run to check its score.' },
  you: { ko: '(나)', en: '(you)' },
};

const STATES: Record<EntryState, { ko: string; en: string }> = {
  checking: { ko: '재검증 중…', en: 'Checking…' },
  verified: { ko: '일치 ✓', en: 'Verified ✓' },
  mismatch: { ko: '불일치 — 서버 점수로 순위', en: 'Differs — ranked by the server’s score' },
  failed: { ko: '재현 실패', en: 'Could not be reproduced' },
};

/** The live leaderboard of a challenge and the form to enter a run; refreshes when anyone's entry changes. */
export function ChallengeBoard({ initial, eligibleRuns, locale }: { initial: ChallengeLeaderboard; eligibleRuns: EligibleRun[]; locale: Locale }) {
  const id = useId();
  const socketRef = useRef<TrainingSocket | null>(null);
  const [board, setBoard] = useState(initial);
  const [runId, setRunId] = useState(eligibleRuns[0]?.id ?? '');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const challengeId = initial.challenge.id;
  const formatDate = useDateFormatter(locale);

  useEffect(() => {
    const socket = openTrainingSocket();
    socketRef.current = socket;
    const refresh = async () => {
      const ack = await emitTraining(socket, TRAINING_CLIENT_EVENTS.watchChallenge, { challengeId });
      if (ack?.ok) setBoard(ack.leaderboard);
    };
    socket.on('connect', () => void refresh());
    socket.on(TRAINING_SERVER_EVENTS.leaderboard, (message) => {
      if (message.challengeId === challengeId) void refresh();
    });
    return () => {
      socket.close();
    };
  }, [challengeId]);

  const submit = async () => {
    const ack = await emitTraining(socketRef.current, TRAINING_CLIENT_EVENTS.submitEntry, { challengeId, runId });
    if (!ack) setResult({ ok: false, text: locale === 'ko' ? '서버에 연결되어 있지 않습니다.' : 'Not connected to the server.' });
    else setResult(ack.ok ? { ok: true, text: TEXT.submitted[locale] } : { ok: false, text: ack.error.text[locale] });
  };
  const { challenge, rows } = board;

  return (
    <>
      <p>
        {MODEL_NAMES[challenge.model as keyof typeof MODEL_NAMES]?.[locale] ?? challenge.model} · {TASK_NAMES[challenge.task]?.[locale] ?? challenge.task} ·{' '}
        {fill(TEXT.limits[locale], { p: formatNumber(challenge.maxParams, locale), s: challenge.maxSeconds })} ·{' '}
        {challenge.isOpen ? <>{TEXT.closes[locale]} <DateTime value={challenge.closesAt} locale={locale} /></> : TEXT.closed[locale]}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{TEXT.empty[locale]}</p>
      ) : (
        <table className={styles.leaderboard} data-testid="leaderboard">
          <thead>
            <tr>
              <th scope="col">{TEXT.rank[locale]}</th>
              <th scope="col">{TEXT.student[locale]}</th>
              <th scope="col">{TEXT.score[locale]}</th>
              <th scope="col">{TEXT.claimed[locale]}</th>
              <th scope="col">{T.params[locale]}</th>
              <th scope="col">{TEXT.check[locale]}</th>
              <th scope="col">{TEXT.entries[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.runId} className={row.isYou ? styles.you : undefined}>
                <td>{row.rank ?? '—'}</td>
                <td>{row.name[locale]} {row.isYou ? TEXT.you[locale] : null}</td>
                <td>{formatPercent(row.recheckedScore)}</td>
                <td>{formatPercent(row.claimedValAcc)}</td>
                <td>{formatNumber(row.params, locale)}</td>
                <td>{STATES[row.state][locale]}</td>
                <td>{row.entries}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {challenge.isOpen ? (
        <section aria-labelledby={`${id}-enter`}>
          <h2 id={`${id}-enter`}>{TEXT.enter[locale]}</h2>
          <p>
            <Link className="button secondary" href={`/playground?challenge=${challenge.id}`}>{T.trainForChallenge[locale]}</Link>
          </p>
          {eligibleRuns.length === 0 ? (
            <p className="muted">{TEXT.noEligible[locale]} <Link href="/playground">{TEXT.train[locale]}</Link></p>
          ) : (
            <p>
              <label htmlFor={`${id}-run`}>{locale === 'ko' ? '실행' : 'Run'}</label>
              <select id={`${id}-run`} value={runId} onChange={(event) => setRunId(event.target.value)}>
                {eligibleRuns.map((run) => <option key={run.id} value={run.id}>{`${run.label} · ${formatDate(run.createdAt)}`}</option>)}
              </select>{' '}
              <button type="button" className="button" onClick={() => void submit()}>{TEXT.submit[locale]}</button>
            </p>
          )}
          {result ? <p className={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'}>{result.text}</p> : null}
        </section>
      ) : null}
    </>
  );
}
