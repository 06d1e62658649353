import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { buildAssignmentsCsv } from '@/lib/course/assignments/build-assignments-csv';
import { listClassAssignments } from '@/lib/course/assignments/list-class-assignments';
import { handleRoute } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

/** Assignment scores (after late penalty) and statuses per student as CSV (instructors). */
export const GET = handleRoute(async (_request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const data = await listClassAssignments({ actorId: user.id, classId });
  return new Response(buildAssignmentsCsv(data, await getLocale()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="assignments-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
});
