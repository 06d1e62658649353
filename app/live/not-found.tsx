import Link from 'next/link';
import { getLocale } from '@/lib/i18n/get-locale';

export default async function LiveNotFound() {
  const locale = await getLocale();
  return (
    <>
      <h1>{locale === 'ko' ? '그런 라이브 세션이 없거나 진행 권한이 없습니다' : 'No such live session, or it is not yours to host'}</h1>
      <p>
        <Link href="/live">{locale === 'ko' ? '새 라이브 세션 만들기' : 'Create a live session'}</Link>
      </p>
    </>
  );
}
