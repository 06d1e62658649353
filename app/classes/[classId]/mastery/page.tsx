import type { Metadata } from 'next';
import Link from 'next/link';
import { orNotFound } from '@/components/ui/or-not-found';
import { MasteryHeatmap } from '@/components/course/mastery-heatmap';
import { MisconceptionTable } from '@/components/course/misconception-table';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getClassMastery } from '@/lib/course/mastery/get-class-mastery';
import { getClassMisconceptions } from '@/lib/course/mastery/get-class-misconceptions';
import { pageHeatmap } from '@/lib/course/mastery/page-heatmap';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '숙달도' : 'Mastery' };
}

const TEXT = {
  title: { ko: '숙달도와 오개념', en: 'Mastery and misconceptions' },
  back: { ko: '← 수업으로', en: '← Back to the class' },
};

export default async function ClassMasteryPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { classId } = await params;
  const path = `/classes/${classId}/mastery`;
  const user = await requirePageUser(path);
  const locale = await getLocale();
  // Students and strangers see "not found", as for the gradebook.
  const [mastery, misconceptions] = await orNotFound(Promise.all([getClassMastery({ actorId: user.id, classId }), getClassMisconceptions({ actorId: user.id, classId })]));
  return (
    <>
      <p><Link className="tap" href={`/classes/${classId}`}>{TEXT.back[locale]}</Link></p>
      <h1>{TEXT.title[locale]}</h1>
      <MasteryHeatmap mastery={mastery} page={pageHeatmap(mastery, await searchParams, locale)} path={path} locale={locale} />
      <MisconceptionTable misconceptions={misconceptions} skills={mastery.skills} locale={locale} />
    </>
  );
}
