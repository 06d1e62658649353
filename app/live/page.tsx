import type { Metadata } from 'next';
import { DateTime } from '@/components/ui/date-time';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { exerciseTypes } from '@/engine/exercises';
import { getOptionalUser } from '@/lib/auth/require-user';
import { getCourse } from '@/lib/content/get-course';
import { getLocale } from '@/lib/i18n/get-locale';
import { getLiveHostingOptions } from '@/lib/live/views/get-live-hosting-options';
import { CreateSessionForm } from '@/components/live/create-session-form';
import { LIVE_STATE_TEXT, LIVE_TEXT } from '@/components/live/live-text';
import { formatCount } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: LIVE_TEXT.createTitle[await getLocale()] };
}

export default async function LiveSessionsPage() {
  const [locale, user] = await Promise.all([getLocale(), getOptionalUser()]);
  if (!user) redirect('/signin?callbackUrl=%2Flive');
  const [options, course] = await Promise.all([getLiveHostingOptions(user.id), getCourse()]);
  const units = course.units.map((unit) => ({ id: unit.id, title: unit.title, exercises: unit.exercises }));
  const types = exerciseTypes.map((type) => ({ id: type.id, unit: type.unit, title: type.title }));
  return (
    <section>
      <h1>{LIVE_TEXT.createTitle[locale]}</h1>
      {options.classes.length === 0 ? (
        <p>
          {LIVE_TEXT.noClasses[locale]} <Link href="/classes">{locale === 'ko' ? '수업' : 'Classes'}</Link>
        </p>
      ) : (
        <CreateSessionForm locale={locale} classes={options.classes} units={units} types={types} />
      )}
      {options.recentSessions.length > 0 ? (
        <>
          <h2>{LIVE_TEXT.recent[locale]}</h2>
          <ul>
            {options.recentSessions.map((session) => (
              <li key={session.id} data-testid="recent-session" data-session-id={session.id}>
                <Link href={`/live/${session.id}/host`}>
                  {session.className ?? '—'} · PIN {session.pin} · {LIVE_STATE_TEXT[session.state][locale]} · {formatCount(session.participants, 'players', locale)} · {formatCount(session.questions, 'questions', locale)}
                </Link>{' '}
                <small className="muted"><DateTime value={session.createdAt} locale={locale} /></small>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
