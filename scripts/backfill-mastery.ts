// `npm run db:backfill-mastery`: rebuilds every student's mastery and review schedule from all
// graded work on record (homework, exams, live play), folding in attempts made before mastery
// existed, and the per-(student, type) attempt totals the gradebook reads. Idempotent: a second
// run changes nothing. Safe beside a running server (per-student locks shared with the submit
// paths; the totals under a brief share lock on the attempts).
import { withDatabase } from '@/lib/db/with-database';
import { rebuildLearnerModel } from '@/lib/course/mastery/rebuild-learner-model';
import { rebuildAttemptTotals } from '@/lib/gradebook/rebuild-attempt-totals';

try {
  await withDatabase(async () => {
    const started = Date.now();
    const summary = await rebuildLearnerModel();
    console.log(`Learner model rebuilt: ${summary.students} students, ${summary.skills} skills, ${summary.attempts} graded attempts in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const totalsStarted = Date.now();
    const totals = await rebuildAttemptTotals();
    console.log(`Attempt totals rebuilt: ${totals} (student, exercise) rows in ${((Date.now() - totalsStarted) / 1000).toFixed(1)} s.`);
  });
} catch (error) {
  console.error(`Backfill failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
process.exit();
