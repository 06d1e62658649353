import Link from 'next/link';
import { getLocale } from '@/lib/i18n/get-locale';

export default async function PlaygroundNotFound() {
  const locale = await getLocale();
  return (
    <div>
      <h1>{locale === 'ko' ? '찾을 수 없습니다' : 'Not found'}</h1>
      <p>{locale === 'ko' ? '이 실행이나 챌린지가 없거나, 볼 수 있는 권한이 없습니다.' : 'This run or challenge does not exist, or you may not see it.'}</p>
      <Link className="tap" href="/playground">{locale === 'ko' ? '플레이그라운드로' : 'Back to the playground'}</Link>
    </div>
  );
}
