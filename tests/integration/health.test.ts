import crypto from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { randomPort, startAppServer } from '../../scripts/support/app-server';
import { createScratchDatabase, withAdmin } from '../support/databases';

describe('GET /api/health', () => {
  it('answers ok with the database up from a real query', async () => {
    const response = await fetch(`${inject('baseUrl')}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: 'up' });
  });

  it('answers 503 with db "down" once the database is gone', async () => {
    const database = await createScratchDatabase();
    const server = await startAppServer({ databaseUrl: database.url, port: randomPort(), authSecret: crypto.randomBytes(24).toString('hex') });
    try {
      expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
      await withAdmin((client) => client.query(`DROP DATABASE "${database.name}" WITH (FORCE)`));
      const response = await fetch(`${server.baseUrl}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ok: false, db: 'down' });
    } finally {
      await server.stop();
      await database.drop();
    }
  });
});
