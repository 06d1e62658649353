// `npm run db:migrate`: applies every committed migration not yet applied (the server also does this at start).
import { withDatabase } from '@/lib/db/with-database';
import { applyMigrations } from '@/lib/db/schema-engine';

try {
  const applied = await withDatabase(applyMigrations);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

// The schema engine can leave one pg connection checked out after free(); do not wait for its idle timeout.
process.exit();
