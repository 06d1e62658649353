import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { buildGradebookCsv } from '@/lib/gradebook/build-gradebook-csv';
import { getGradebook } from '@/lib/gradebook/get-gradebook';
import { gradebookContentDisposition } from '@/lib/gradebook/gradebook-content-disposition';
import { handleRoute } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

/** The gradebook as a UTF-8 CSV download (instructors); headers in the viewer's language. */
export const GET = handleRoute(async (_request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const gradebook = await getGradebook({ actorId: user.id, classId });
  return new Response(buildGradebookCsv(gradebook, await getLocale()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': gradebookContentDisposition(gradebook.className, new Date()),
      'cache-control': 'private, no-store',
    },
  });
});
