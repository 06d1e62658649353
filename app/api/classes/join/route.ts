import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZJoinClass } from '@/lib/classes/class-schemas';
import { joinClass } from '@/lib/classes/join-class';
import { handleRoute, readJson } from '@/lib/http/handle-route';

/** Joins a class by its code as a student; joining again is harmless. */
export const POST = handleRoute(async (request) => {
  const user = await requireUser();
  const { code } = await readJson(request, ZJoinClass, 1024);
  return NextResponse.json(await joinClass({ userId: user.id, code }));
});
