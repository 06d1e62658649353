import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, diffSchemas, isEmptySql, readLatestSnapshot, readMigrationList, readSchema } from '@/lib/db/schema-engine';
import { describeCatalog } from '../support/catalog';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';

const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const database of scratch) await database.drop();
});

describe('migrations', () => {
  it('has no drift: the newest snapshot diffs to nothing against schema.prisma', async () => {
    const database = await createScratchDatabase({ migrate: false });
    scratch.push(database);
    const sql = await diffSchemas(database.url, readLatestSnapshot(), readSchema());
    expect(isEmptySql(sql), `schema.prisma changed without a migration; run npm run db:new-migration -- <name>\n${sql}`).toBe(true);
  });

  it('builds the same database from the migrations folder as from schema.prisma directly', async () => {
    const fromMigrations = await createScratchDatabase({ migrate: true });
    const fromSchema = await createScratchDatabase({ migrate: false });
    scratch.push(fromMigrations, fromSchema);
    const script = await diffSchemas(fromSchema.url, null, readSchema());
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(script);
    await client.end();
    const [a, b] = await Promise.all([describeCatalog(fromMigrations.url), describeCatalog(fromSchema.url)]);
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });

  it('applies each migration once: a second run applies nothing', async () => {
    const database = await createScratchDatabase({ migrate: false });
    scratch.push(database);
    const first = await applyMigrations(database.url);
    expect(first).toEqual(readMigrationList().migrationDirectories.map((d) => d.path));
    expect(await applyMigrations(database.url)).toEqual([]);
  });
});
