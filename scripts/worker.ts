// A training worker process: `npm run worker`. Takes training jobs from the database's pg-boss
// queue, trains them in its own worker threads and streams progress to the browsers through Redis.
// Run any number, on any machine that reaches the database and Redis (docs/deployment.md).
// Needs DATABASE_URL (the web processes' database, already migrated by them) and REDIS_URL.
import { getConfig } from '@/lib/config';
import { checkDatabaseConnection, describeDatabaseUrl } from '@/lib/db/check-connection';
import { closeDatabases } from '@/lib/db/close-databases';
import { JOB_QUEUES, stopBoss } from '@/lib/jobs/boss';
import { getLogger } from '@/lib/log';
import { describeStartupError } from '@/lib/server/describe-startup-error';
import { createRedisPublisher } from '@/lib/training/runtime/create-redis-publisher';
import { closeRunControl } from '@/lib/training/runtime/run-control';
import { createTrainingWorker } from '@/lib/training/runtime/training-job-worker';
import { defaultThreadCount } from '@/lib/training/runtime/training-pool';

async function main(): Promise<void> {
  const config = getConfig();
  const log = getLogger();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set: a worker trains the runs of the database its web processes use (postgresql://user:pass@host:5432/db)');
  if (!config.REDIS_URL) throw new Error('REDIS_URL is not set: a worker streams progress to the web processes through Redis (redis://host:6379)');
  await checkDatabaseConnection(config.DATABASE_URL);
  const redis = await createRedisPublisher(config.REDIS_URL);
  const threads = config.TRAINING_WORKERS ?? defaultThreadCount();
  const worker = createTrainingWorker({ publisher: redis.publisher, queueName: JOB_QUEUES.training, threads });

  let isStopping = false;
  const shutdown = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info(`${signal}: the training worker is stopping (runs in hand go back to the queue)`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await worker.close().catch(() => {});
    await stopBoss({ timeoutMs: 2_000 }).catch((error: unknown) => log.warn({ err: error }, 'could not stop the job queue'));
    await closeRunControl();
    await redis.close().catch(() => {});
    await closeDatabases().catch(() => {});
    log.info('the training worker has stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await worker.ready;
  log.info(`training worker ready: ${threads} thread${threads === 1 ? '' : 's'} on queue "${JOB_QUEUES.training}" (database ${describeDatabaseUrl(config.DATABASE_URL)})`);
}

main().catch((error: unknown) => {
  console.error(`The training worker could not start: ${describeStartupError(error)}`);
  process.exit(1);
});
