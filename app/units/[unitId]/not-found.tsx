import Link from 'next/link';
import { getLocale } from '@/lib/i18n/get-locale';

export default async function UnitNotFound() {
  const locale = await getLocale();
  return (
    <>
      <h1>{locale === 'ko' ? '그런 유닛은 없습니다' : 'There is no such unit'}</h1>
      <p>
        <Link className="tap" href="/units">{locale === 'ko' ? '모든 유닛 보기' : 'See all units'}</Link>
      </p>
    </>
  );
}
