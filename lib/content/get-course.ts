import path from 'node:path';
import { exerciseTypeIds } from '@/engine/exercises';
import { getConfig } from '@/lib/config';
import { loadCourse } from '@/lib/content/load-course';
import type { CourseContent } from '@/lib/content/unit-schema';

// Content is read once per process in production (it only changes with a deploy); in development
// every request reads the files again, so an author sees an edit on reload.
let cached: Promise<CourseContent> | undefined;

export function getContentDir(): string {
  return path.join(process.cwd(), 'content');
}

/** The course: every renderable unit in order, plus every author's mistake found. */
export function getCourse(): Promise<CourseContent> {
  const load = () => loadCourse({ unitsDir: path.join(getContentDir(), 'units'), exerciseIds: exerciseTypeIds, displayRoot: process.cwd() });
  if (getConfig().NODE_ENV !== 'production') return load();
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
