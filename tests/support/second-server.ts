import { execFileSync } from 'node:child_process';
import { inject } from 'vitest';
import { startAppServer, type AppServer } from '../../scripts/support/app-server';

// A second app server process on this run's database, for tests that kill a server and start it
// again (restarts, timers, exams across a crash).

/**
 * Starts the real server on `port` against the run's database and secrets. server.ts rebuilds when
 * sources changed since the last build, and another build may be running meanwhile, so a failed
 * start-up is retried a few times.
 */
export async function startSecondServer(port: number): Promise<AppServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startAppServer({ databaseUrl: inject('databaseUrl'), port, authSecret: inject('authSecret') });
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20_000));
    }
  }
}

/**
 * SIGKILL for the real server (nothing flushed): startAppServer runs tsx, which runs server.ts in
 * a child process that would outlive a killed tsx, so the child (found by its parent pid) is killed first.
 */
export async function killHard(app: AppServer): Promise<void> {
  const parentPid = app.process.pid;
  if (!parentPid) throw new Error('the app server has no pid');
  const children = execFileSync('pgrep', ['-P', String(parentPid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  for (const pid of children) process.kill(pid, 'SIGKILL');
  await app.stop('SIGKILL');
}
