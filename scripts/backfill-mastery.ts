// `npm run db:backfill-mastery`: rebuilds every student's mastery and review schedule from all
// graded work on record (homework, exams, live play), folding in attempts made before mastery
// existed. Idempotent: a second run changes nothing. Safe beside a running server (per-student
// locks shared with the submit paths).
import { withDatabase } from '@/lib/db/with-database';
import { rebuildLearnerModel } from '@/lib/course/mastery/rebuild-learner-model';

try {
  const started = Date.now();
  const summary = await withDatabase(() => rebuildLearnerModel());
  console.log(`Learner model rebuilt: ${summary.students} students, ${summary.skills} skills, ${summary.attempts} graded attempts in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`Backfill failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
process.exit();
