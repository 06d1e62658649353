import 'server-only';
import { isAppError } from '@/lib/errors';
import { getClassView, type ClassView } from '@/lib/classes/get-class-view';

/** For pages: the class view, or null for a non-member (the page then shows "not found"). */
export async function findClassView(userId: string, classId: string): Promise<ClassView | null> {
  try {
    return await getClassView({ userId, classId });
  } catch (error) {
    if (isAppError(error) && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return null;
    throw error;
  }
}
