import PgBoss from 'pg-boss';
import { getConfig, getDatabaseUrl } from '@/lib/config';
import { getLogger } from '@/lib/log';

// The one durable job queue of the deployment: pg-boss on the app's own PostgreSQL (its tables
// live in the `pgboss` schema, created on first start). Any process that sends or works jobs
// calls getBoss(); the first call starts it (installs or migrates the schema under pg-boss's own
// advisory lock, so several processes may start at once) and creates every queue named below.

/** Queue names: one constant per kind of job, so a sender and its workers cannot drift apart. */
export const JOB_QUEUES = {
  /** A playground run or a challenge re-check, trained by any training worker. */
  training: 'training',
  /** Takeover of a live question's or self-paced session's deadline, by any web process (lib/live/announce/live-timer-jobs.ts). */
  liveTimers: 'live-timers',
} as const;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

/** Per-queue defaults (a job may override them when it is sent). */
const QUEUE_OPTIONS: Record<JobQueueName, Omit<PgBoss.Queue, 'name'>> = {
  // Retried once from its start when its worker died (the job expires while active); see lib/training/runtime.
  training: { policy: 'standard', retryLimit: 1, retryDelay: 1 },
  // 'short': one waiting job per singleton key (a deadline), however many processes arm it.
  'live-timers': { policy: 'short', retryLimit: 2, retryDelay: 1 },
};

/**
 * How often one process (pg-boss elects it with an advisory lock) fails jobs whose worker vanished
 * (expired while active) and archives finished ones. pg-boss's default is 120 s; a dead worker's
 * run should be retried well within a minute.
 */
const MAINTENANCE_INTERVAL_SECONDS = 10;

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss>; queues?: Map<string, Promise<void>> };

/** This process's started pg-boss, on DATABASE_URL; created and started on first use. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.boss ??= startBoss().catch((error: unknown) => {
    globalForBoss.boss = undefined;
    throw error;
  });
  return globalForBoss.boss;
}

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: getDatabaseUrl(),
    schema: getConfig().JOBS_SCHEMA,
    application_name: 'backprop-live-jobs',
    max: 4,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
  });
  boss.on('error', (error: unknown) => getLogger().error({ err: error }, 'pg-boss error'));
  await boss.start();
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) await createQueueOnce(boss, name, options);
  return boss;
}

/**
 * Creates a queue that is not among JOB_QUEUES (a test's own), once per process. Queues are
 * otherwise created by getBoss() itself.
 */
export async function ensureQueue(name: string): Promise<void> {
  const boss = await getBoss();
  const queues = (globalForBoss.queues ??= new Map());
  let created = queues.get(name);
  if (!created) {
    created = createQueueOnce(boss, name, { policy: 'standard' });
    queues.set(name, created);
    created.catch(() => queues.delete(name));
  }
  await created;
}

/**
 * pg-boss's create_queue is idempotent, but two processes creating the same queue at the same
 * moment can deadlock on its partition table: look first, and retry a deadlock victim.
 */
async function createQueueOnce(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, ...options });
      return;
    } catch (error) {
      const isDeadlock = (error as { code?: string } | null)?.code === '40P01';
      if (!isDeadlock || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * Stops this process's pg-boss if it was started: its workers finish the job in hand (up to
 * `timeoutMs`), then its connections close. Safe to call more than once.
 */
export async function stopBoss({ timeoutMs = 5_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const started = globalForBoss.boss;
  if (!started) return;
  globalForBoss.boss = undefined;
  globalForBoss.queues = undefined;
  const boss = await started.catch(() => undefined);
  if (!boss) return;
  // A job still in hand after the timeout is failed by pg-boss, so another worker retries it.
  await boss.stop({ graceful: true, close: true, wait: true, timeout: timeoutMs });
}
