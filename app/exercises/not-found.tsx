import Link from 'next/link';
import { getLocale } from '@/lib/i18n/get-locale';

export default async function ExerciseNotFound() {
  const locale = await getLocale();
  return (
    <>
      <h1>{locale === 'ko' ? '그런 연습문제는 없습니다' : 'There is no such exercise'}</h1>
      <p>
        <Link href="/exercises">{locale === 'ko' ? '모든 연습문제 보기' : 'See all exercises'}</Link>
      </p>
    </>
  );
}
