// `npm run db:seed`: the demo instructor, three students and a class. Safe to run again.
import { getDatabaseUrl } from '@/lib/config';
import { disconnectDb, getDb } from '@/lib/db';
import { seedDemoData } from '@/lib/seed/seed-demo-data';

try {
  getDatabaseUrl();
  await seedDemoData(getDb());
  console.log('Seeded demo data.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
