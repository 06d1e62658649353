import pino from 'pino';
import { getConfig } from '@/lib/config';

// One logger for server code. Details of failures go here; users get a clear sentence instead.
const globalForLog = globalThis as unknown as { logger?: pino.Logger };

export function getLogger(): pino.Logger {
  globalForLog.logger ??= pino({ level: getConfig().LOG_LEVEL, base: undefined });
  return globalForLog.logger;
}
