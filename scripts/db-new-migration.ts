// `npm run db:new-migration -- <name>`: writes the SQL that takes the newest migration's schema
// snapshot to prisma/schema.prisma as prisma/migrations/<timestamp>_<name>/migration.sql, with a
// new snapshot beside it. Review the SQL, then commit both files.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { withDatabase } from '@/lib/db/with-database';
import { diffSchemas, isEmptySql, MIGRATIONS_DIR, readLatestSnapshot, readSchema, SNAPSHOT_FILE } from '@/lib/db/schema-engine';

const name = z
  .string({ message: 'usage: npm run db:new-migration -- <name>' })
  .regex(/^[a-z0-9_]{1,60}$/, 'the name may use a-z, 0-9 and _ only')
  .safeParse(process.argv[2]);

if (!name.success) {
  console.error(name.error.issues[0]?.message);
  process.exit(1);
}

try {
  const schema = readSchema();
  const sql = await withDatabase((url) => diffSchemas(url, readLatestSnapshot(), schema));
  if (isEmptySql(sql)) {
    console.log('No changes: prisma/schema.prisma matches the newest migration.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name.data}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    fs.writeFileSync(path.join(dir, SNAPSHOT_FILE), schema);
    fs.writeFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} catch (error) {
  console.error(`Could not create the migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

// The schema engine can leave one pg connection checked out after free(); do not wait for its idle timeout.
process.exit();
