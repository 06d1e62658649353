import { z } from 'zod';
import { describeZodIssue } from '@/lib/errors';

// The one place that reads process.env. Parsed lazily on first use, so the start script can
// fill in DATABASE_URL (embedded PostgreSQL), NEXTAUTH_SECRET and SEED_SECRET before anything asks.
const ZPostgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: 'must look like postgresql://user:password@host:5432/database',
  });

const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: ZPostgresUrl.optional(),
  REDIS_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // How many reverse proxies in front of the server append to X-Forwarded-For (0: none, so the
  // header is ignored and rate limits key on the socket's peer address).
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Keys every exercise seed (HMAC-SHA-256): without it nobody can compute a student's variant.
  SEED_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRAINING_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  TRAINING_WALL_SECONDS: z.coerce.number().int().min(1).max(600).optional(),
  // 0: this web process trains nothing; `npm run worker` processes take the runs (docs/deployment.md).
  TRAINING_IN_PROCESS: z.enum(['0', '1', 'false', 'true']).default('1').transform((value) => value === '1' || value === 'true'),
  // The PostgreSQL schema of the job queues (pg-boss): processes that should share jobs (training
  // runs, live-timer takeovers) must share it; a second deployment on the same database uses its own.
  JOBS_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('pgboss'),
  // Port of the embedded PostgreSQL started when DATABASE_URL is not set (5432 is usually taken).
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DATA_DIR: z.string().min(1).default('.data'),
});

export type TConfig = z.infer<typeof ZConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

let cached: TConfig | undefined;

export function getConfig(): TConfig {
  if (cached) return cached;
  const env = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeZodIssue(issue, { separator: ' ' }));
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  cached = parsed.data;
  return cached;
}

/** The database URL; throws a one-line error when none was configured or resolved. */
export function getDatabaseUrl(): string {
  const url = getConfig().DATABASE_URL;
  if (!url) throw new ConfigError('DATABASE_URL is not set (the start script sets it when it starts the embedded PostgreSQL)');
  return url;
}

/** Start-up only: record values resolved at boot (embedded database URL, generated secret). */
export function setBootEnv(values: Partial<Record<'DATABASE_URL' | 'NEXTAUTH_SECRET' | 'SEED_SECRET' | 'AUTH_TRUST_HOST', string>>): void {
  for (const [key, value] of Object.entries(values)) if (value) process.env[key] = value;
  cached = undefined;
}
