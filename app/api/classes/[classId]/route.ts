import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams, ZClassSettings } from '@/lib/classes/class-schemas';
import { getClassView } from '@/lib/classes/get-class-view';
import { updateClassSettings } from '@/lib/classes/update-class-settings';
import { handleRoute, readJson } from '@/lib/http/handle-route';

type Context = { params: Promise<{ classId: string }> };

/** The class as the member may see it (instructors also get the join code and the member list). */
export const GET = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  return NextResponse.json(await getClassView({ userId: user.id, classId }));
});

/** Renames the class, switches leaderboard nicknames or sets its time zone (instructors). */
export const PATCH = handleRoute(async (request, { params }: Context) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const settings = await readJson(request, ZClassSettings, 4 * 1024);
  return NextResponse.json(await updateClassSettings({ actorId: user.id, classId, ...settings }));
});
