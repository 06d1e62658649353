import type { Metadata } from 'next';
import { getLocale } from '@/lib/i18n/get-locale';
import { PlayerScreen } from '@/components/live/player-screen';
import { LIVE_TEXT } from '@/components/live/live-text';

export async function generateMetadata(): Promise<Metadata> {
  return { title: LIVE_TEXT.joinTitle[await getLocale()] };
}

// Who plays is decided on the socket (session cookie or this browser's guest token), not here.
export default async function PlaySessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const [locale, { sessionId }] = await Promise.all([getLocale(), params]);
  return <PlayerScreen sessionId={sessionId} locale={locale} />;
}
