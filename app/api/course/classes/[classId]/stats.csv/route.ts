import { exerciseTypes } from '@/engine/exercises';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { buildStatsCsv } from '@/lib/course/stats/build-stats-csv';
import { getQuestionStats } from '@/lib/course/stats/get-question-stats';
import { ZStatsScope } from '@/lib/course/stats/stats-schemas';
import { handleRoute } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

/** Question statistics as CSV (instructors). */
export const GET = handleRoute(async (request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const scope = ZStatsScope.parse(new URL(request.url).searchParams.get('scope'));
  const locale = await getLocale();
  const report = await getQuestionStats({ actorId: user.id, classId, scope });
  const titles = new Map(exerciseTypes.map((type) => [type.id, type.title[locale]]));
  return new Response(buildStatsCsv(report, titles, locale), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="question-stats-${scope}-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
});
