// `npm run db:seed`: the demo instructor, three students, a class and its demo activity. Safe to run again.
import { getDatabaseUrl } from '@/lib/config';
import { getDb } from '@/lib/db';
import { closeDatabases } from '@/lib/db/close-databases';
import { seedDemoActivity } from '@/lib/seed/seed-demo-activity';
import { seedDemoData } from '@/lib/seed/seed-demo-data';

try {
  getDatabaseUrl();
  await seedDemoData(getDb());
  const added = await seedDemoActivity();
  console.log(`Seeded demo data (added ${added.attempts} attempts, ${added.trainingRuns} training runs, ${added.liveSessions} live session, ${added.challenges} challenge, ${added.assignments} assignment).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabases();
}
