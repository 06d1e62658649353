import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZCreateClass } from '@/lib/classes/class-schemas';
import { createClass } from '@/lib/classes/create-class';
import { listMyClasses } from '@/lib/classes/list-my-classes';
import { handleRoute, readJson } from '@/lib/http/handle-route';

/** The classes the signed-in user belongs to. */
export const GET = handleRoute(async () => {
  const user = await requireUser();
  return NextResponse.json({ classes: await listMyClasses(user.id) });
});

/** Opens a class with the signed-in user as its instructor. */
export const POST = handleRoute(async (request) => {
  const user = await requireUser();
  const { name } = await readJson(request, ZCreateClass, 4 * 1024);
  return NextResponse.json({ class: await createClass({ userId: user.id, name }) }, { status: 201 });
});
