import Link from 'next/link';
import { getLocale } from '@/lib/i18n/get-locale';

export default async function NotFound() {
  const locale = await getLocale();
  return (
    <>
      <h1>{locale === 'ko' ? '페이지를 찾을 수 없습니다' : 'Page not found'}</h1>
      <p>
        <Link href="/">{locale === 'ko' ? '처음으로' : 'Back to the start'}</Link>
      </p>
    </>
  );
}
