import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { exerciseTypes } from '@/engine/exercises';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getCourse } from '@/lib/content/get-course';
import { isAppError } from '@/lib/errors';
import { getPreviewVariant } from '@/lib/exercises/get-preview-variant';
import { getVariant } from '@/lib/exercises/get-variant';
import { listAttempts } from '@/lib/exercises/list-attempts';
import { ZPreviewSeed, type TExerciseVariant } from '@/lib/exercises/schemas';
import { getLocale } from '@/lib/i18n/get-locale';
import type { Localized } from '@/lib/i18n/locales';
import { renderMarkdown } from '@/lib/markdown/render-markdown';
import { ExerciseView } from '@/components/exercises/exercise-view';

type Props = { params: Promise<{ typeId: string }>; searchParams: Promise<{ seed?: string | string[]; review?: string | string[] }> };

const TEXT = {
  exercises: { ko: '연습문제', en: 'Exercises' },
  badSeed: { ko: '시드는 0 이상 4294967295 이하의 정수여야 합니다.', en: 'The seed must be a whole number from 0 to 4294967295.' },
  notInstructor: { ko: '시드를 골라 여는 미리보기는 강사만 쓸 수 있습니다.', en: 'Only instructors can open an exercise with a chosen seed.' },
  ownVariant: { ko: '내 문제로 돌아가기', en: 'Back to my own variant' },
} satisfies Record<string, Localized>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { typeId } = await params;
  const type = exerciseTypes.find((candidate) => candidate.id === typeId);
  return { title: type ? type.title[await getLocale()] : TEXT.exercises[await getLocale()] };
}

export default async function ExercisePage({ params, searchParams }: Props) {
  const { typeId } = await params;
  const type = exerciseTypes.find((candidate) => candidate.id === typeId);
  if (!type) notFound();
  const [locale, { seed: seedParam, review: reviewParam }] = await Promise.all([getLocale(), searchParams]);
  const isReview = (Array.isArray(reviewParam) ? reviewParam[0] : reviewParam) === '1';
  const user = await requirePageUser(`/exercises/${typeId}`);
  const unit = (await getCourse()).units.find((candidate) => candidate.id === type.unit);

  const loaded = await loadVariant(user.id, typeId, Array.isArray(seedParam) ? seedParam[0] : seedParam, isReview);
  const header = (
    <>
      <p className="muted">
        <Link className="tap" href="/exercises">{TEXT.exercises[locale]}</Link>
        {unit ? (
          <>
            {' › '}
            <Link className="tap" href={`/units/${unit.id}`}>{unit.title[locale]}</Link>
          </>
        ) : null}
      </p>
      <h1>{type.title[locale]}</h1>
    </>
  );
  if ('problem' in loaded) {
    return (
      <>
        {header}
        <p className="error" role="alert">{TEXT[loaded.problem][locale]}</p>
        <p><Link className="tap" href={`/exercises/${typeId}`}>{TEXT.ownVariant[locale]}</Link></p>
      </>
    );
  }

  const { variant } = loaded;
  const attempts = variant.mode === 'student' ? await listAttempts({ userId: user.id, typeId }) : [];
  // Markdown the view shows at once is rendered here; text that arrives with a later attempt is rendered in the browser.
  const known = [...variant.hints.map((hint) => hint[locale]), ...(variant.mode === 'student' && variant.lastAttempt ? [variant.lastAttempt.feedback[locale]] : [])];
  const renderedHtml = Object.fromEntries(known.map((markdown) => [markdown, renderMarkdown(markdown)]));
  return (
    <>
      {header}
      <ExerciseView
        key={variant.mode === 'student' ? `round-${variant.round}` : `seed-${variant.seed}`}
        locale={locale}
        variant={variant}
        promptHtml={renderMarkdown(variant.prompt[locale])}
        renderedHtml={renderedHtml}
        attempts={attempts}
      />
    </>
  );
}

async function loadVariant(userId: string, typeId: string, seedParam: string | undefined, isReview: boolean): Promise<{ variant: TExerciseVariant } | { problem: 'badSeed' | 'notInstructor' }> {
  if (seedParam === undefined) return { variant: await getVariant({ userId, typeId, isReview }) };
  const seed = ZPreviewSeed.safeParse(seedParam);
  if (!seed.success) return { problem: 'badSeed' };
  try {
    return { variant: await getPreviewVariant({ userId, typeId, seed: seed.data }) };
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return { problem: 'notInstructor' };
    throw error;
  }
}
