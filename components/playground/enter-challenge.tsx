'use client';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { TRAINING_CLIENT_EVENTS } from '@/lib/training/training-events';
import { emitTraining, openTrainingSocket, type TrainingSocket } from './training-socket';

export type ChallengeOption = { id: string; title: string };

const TEXT = {
  enter: { ko: '챌린지에 제출', en: 'Enter in a challenge' },
  submit: { ko: '제출', en: 'Enter' },
  submitted: { ko: '제출했습니다. 서버가 같은 설정과 시드로 다시 학습해 점수를 확인합니다.', en: 'Entered. The server retrains the run from its configuration and seed to check the score.' },
  leaderboard: { ko: '리더보드 보기', en: 'See the leaderboard' },
};

/** Enters a finished run in one of the open challenges whose model and task it matches. */
export function EnterChallenge({ runId, challenges, locale }: { runId: string; challenges: ChallengeOption[]; locale: Locale }) {
  const id = useId();
  const socketRef = useRef<TrainingSocket | null>(null);
  const [challengeId, setChallengeId] = useState(challenges[0]?.id ?? '');
  const [result, setResult] = useState<{ ok: boolean; text: string; challengeId?: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    const socket = openTrainingSocket();
    socketRef.current = socket;
    return () => {
      socket.close();
    };
  }, []);
  if (challenges.length === 0) return null;
  const submit = async () => {
    setIsBusy(true);
    try {
      const ack = await emitTraining(socketRef.current, TRAINING_CLIENT_EVENTS.submitEntry, { challengeId, runId });
      if (!ack) setResult({ ok: false, text: locale === 'ko' ? '서버에 연결되어 있지 않습니다.' : 'Not connected to the server.' });
      else setResult(ack.ok ? { ok: true, text: TEXT.submitted[locale], challengeId } : { ok: false, text: ack.error.text[locale] });
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{TEXT.enter[locale]}</h2>
      <label htmlFor={id}>{locale === 'ko' ? '챌린지' : 'Challenge'}</label>
      <select id={id} value={challengeId} onChange={(event) => setChallengeId(event.target.value)}>
        {challenges.map((challenge) => (
          <option key={challenge.id} value={challenge.id}>{challenge.title}</option>
        ))}
      </select>{' '}
      <button type="button" className="button" disabled={isBusy} onClick={() => void submit()}>{TEXT.submit[locale]}</button>
      {result ? (
        <p className={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'}>
          {result.text} {result.challengeId ? <Link href={`/playground/challenges/${result.challengeId}`}>{TEXT.leaderboard[locale]}</Link> : null}
        </p>
      ) : null}
    </section>
  );
}
