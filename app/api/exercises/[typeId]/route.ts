import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { getPreviewVariant } from '@/lib/exercises/get-preview-variant';
import { getVariant } from '@/lib/exercises/get-variant';
import { ZPreviewSeed } from '@/lib/exercises/schemas';

type Context = { params: Promise<{ typeId: string }> };

/** The signed-in student's variant (`?review=1`: a fresh one while the skill's review is due); `?seed=` opens any variant, for instructors only. */
export const GET = handleRoute(async (request: Request, { params }: Context) => {
  const { typeId } = await params;
  const user = await requireUser();
  const searchParams = new URL(request.url).searchParams;
  const seedParam = searchParams.get('seed');
  if (seedParam !== null) {
    const seed = ZPreviewSeed.parse(seedParam);
    return NextResponse.json(await getPreviewVariant({ userId: user.id, typeId, seed }));
  }
  return NextResponse.json(await getVariant({ userId: user.id, typeId, isReview: searchParams.get('review') === '1' }));
});
