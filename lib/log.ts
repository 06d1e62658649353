import fs from 'node:fs';
import pino from 'pino';
import { getConfig } from '@/lib/config';
import { formatLogLine } from '@/lib/log-format';

// One logger for server code. Details of failures go here; users get a clear sentence instead.
const globalForLog = globalThis as unknown as { logger?: pino.Logger };

/**
 * Where log lines go: readable lines on a terminal, JSON lines otherwise. Writes are synchronous,
 * so a line logged just before a blocking step (the production build) appears before it.
 */
export function createLogDestination({ isTTY, fd = 1 }: { isTTY: boolean; fd?: number }): pino.DestinationStream {
  if (!isTTY) return pino.destination({ dest: fd, sync: true });
  return { write: (line: string) => void fs.writeSync(fd, formatLogLine(line)) };
}

export function getLogger(): pino.Logger {
  globalForLog.logger ??= pino({ level: getConfig().LOG_LEVEL, base: undefined }, createLogDestination({ isTTY: process.stdout.isTTY === true }));
  return globalForLog.logger;
}
