import path from 'node:path';
import { getConfig, setBootEnv } from '@/lib/config';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';

/** Runs `task` with DATABASE_URL, or with the embedded PostgreSQL started (and stopped) around it. */
export async function withDatabase<T>(task: (databaseUrl: string) => Promise<T>): Promise<T> {
  const config = getConfig();
  if (config.DATABASE_URL) return task(config.DATABASE_URL);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(config.DATA_DIR),
    port: config.EMBEDDED_PG_PORT,
    database: 'backprop_live',
  });
  try {
    setBootEnv({ DATABASE_URL: embedded.url });
    return await task(embedded.url);
  } finally {
    await embedded.stop();
  }
}
