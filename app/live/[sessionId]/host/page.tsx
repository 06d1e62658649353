import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { getOptionalUser } from '@/lib/auth/require-user';
import { getLocale } from '@/lib/i18n/get-locale';
import { requireLiveHost } from '@/lib/live/state/require-live-host';
import { orNotFound } from '@/components/ui/or-not-found';
import { HostScreen } from '@/components/live/host-screen';
import { LIVE_TEXT } from '@/components/live/live-text';

export async function generateMetadata(): Promise<Metadata> {
  return { title: LIVE_TEXT.hostTitle[await getLocale()] };
}

export default async function HostPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const [locale, { sessionId }, user, requestHeaders] = await Promise.all([getLocale(), params, getOptionalUser(), headers()]);
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/live/${sessionId}/host`)}`);
  const session = await orNotFound(requireLiveHost(sessionId, user.id));
  // The address students type or scan: the one this page was reached at.
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost';
  const protocol = requestHeaders.get('x-forwarded-proto') ?? 'http';
  const joinUrl = `${protocol}://${host}/join?pin=${session.pin}`;
  const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return <HostScreen sessionId={sessionId} locale={locale} joinUrl={joinUrl} qrSvg={qrSvg} />;
}
