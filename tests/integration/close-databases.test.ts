import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { closeDatabases } from '@/lib/db/close-databases';
import { getLiveSql } from '@/lib/live/state/live-sql';

describe('closing the database connections at shutdown', () => {
  it('ends the live-play pg pool as well as the Prisma client, so the embedded database can stop', async () => {
    const pool = getLiveSql();
    await pool.query('SELECT 1');
    await getDb().$queryRaw`SELECT 1`;
    expect(pool.totalCount).toBeGreaterThan(0);
    await closeDatabases();
    expect(pool.ended).toBe(true);
    expect(pool.totalCount).toBe(0);
    // A later use opens a fresh pool instead of failing on the ended one.
    expect(getLiveSql()).not.toBe(pool);
    expect((await getLiveSql().query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await closeDatabases();
  });
});
