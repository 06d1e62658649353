import type { Metadata } from 'next';
import Link from 'next/link';
import { ChallengeForm } from '@/components/playground/challenge-form';
import { MODEL_NAMES, T, TASK_NAMES } from '@/components/playground/playground-text';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { listMyClasses } from '@/lib/classes/list-my-classes';
import { fill } from '@/lib/i18n/fill';
import { getLocale } from '@/lib/i18n/get-locale';
import { listChallenges } from '@/lib/training/challenges/list-challenges';
import { listHostableSessions } from '@/lib/training/challenges/list-hostable-sessions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ({ ko: '챌린지', en: 'Challenges' })[await getLocale()] };
}

const TEXT = {
  lead: {
    ko: '강사가 연 챌린지에서 같은 데이터로 겨루세요. 제출한 실행은 서버가 설정과 시드로 다시 학습해 점수를 확인한 뒤 순위를 매깁니다.',
    en: 'Compete on the same data in challenges your instructor opens. The server retrains every entered run from its configuration and seed and ranks the score it computed itself.',
  },
  none: { ko: '내 수업에 열린 챌린지가 없습니다.', en: 'No challenges in your classes yet.' },
  closed: { ko: '마감', en: 'closed' },
  entries: { ko: '제출 {n}개', en: '{n} entries' },
};

export default async function ChallengesPage() {
  const locale = await getLocale();
  const user = await requirePageUser('/playground/challenges');
  const [challenges, classes, sessions] = await Promise.all([listChallenges({ userId: user.id }), listMyClasses(user.id), listHostableSessions({ userId: user.id })]);
  const teaching = classes.filter((c) => c.role === 'INSTRUCTOR');
  return (
    <>
      <p><Link className="tap" href="/playground">← {T.back[locale]}</Link></p>
      <h1>{T.challenges[locale]}</h1>
      <p className="muted">{TEXT.lead[locale]}</p>
      {challenges.length === 0 ? (
        <p>{TEXT.none[locale]}</p>
      ) : (
        <ul className="cards" style={{ listStyle: 'none', padding: 0 }}>
          {challenges.map((c) => (
            <li key={c.id} className="card">
              <h2><Link className="tap" href={`/playground/challenges/${c.id}`}>{c.title}</Link></h2>
              <p className="muted">
                {c.className} · {MODEL_NAMES[c.model as keyof typeof MODEL_NAMES]?.[locale] ?? c.model} · {TASK_NAMES[c.task]?.[locale] ?? c.task} ·{' '}
                {fill(TEXT.entries[locale], { n: c.entries })}
                {c.isOpen ? '' : ` · ${TEXT.closed[locale]}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {teaching.length > 0 ? (
        <ChallengeForm classes={teaching.map((c) => ({ id: c.id, name: c.name }))} sessions={sessions.map((s) => ({ id: s.id, classId: s.classId, pin: s.pin }))} locale={locale} />
      ) : null}
    </>
  );
}
