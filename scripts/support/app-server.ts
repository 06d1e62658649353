import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// Starts the real app (server.ts, production build) as a child process, as `npm start` does.

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface AppServer {
  baseUrl: string;
  process: ChildProcess;
  /** stderr so far, for asserting on start-up messages. */
  stderr: () => string;
  /** stdout so far (the log lines). */
  stdout: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export interface StartAppServerOptions {
  databaseUrl: string;
  port: number;
  authSecret: string;
  env?: Record<string, string>;
  waitForHealth?: boolean;
}

export async function startAppServer({ databaseUrl, port, authSecret, env = {}, waitForHealth = true }: StartAppServerOptions): Promise<AppServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEXTAUTH_SECRET: authSecret,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    process.stdout.write(chunk);
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const server: AppServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    process: child,
    stderr: () => stderr,
    stdout: () => stdout,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      return exited;
    },
  };
  if (waitForHealth) await waitUntilHealthy(server);
  return server;
}

export async function waitUntilHealthy(server: AppServer, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`the app server exited with code ${server.process.exitCode} during start-up`);
    try {
      const response = await fetch(`${server.baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app server did not answer /api/health within ${timeoutMs / 1000} s`);
}

/**
 * Waits until stdout holds a line containing `text`: the server answers /api/health as soon as it
 * listens, a moment before it logs that it is ready.
 */
export async function waitForOutput(server: AppServer, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.stdout().includes(text)) {
    if (Date.now() > deadline) throw new Error(`the app server did not print "${text}" within ${timeoutMs / 1000} s`);
    if (server.process.exitCode !== null) throw new Error(`the app server exited with code ${server.process.exitCode} before printing "${text}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the process to exit (start-up failures), returning its exit code. */
export function waitForExit(server: AppServer, timeoutMs = 60_000): Promise<number | null> {
  if (server.process.exitCode !== null) return Promise.resolve(server.process.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app server did not exit')), timeoutMs);
    server.process.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export function randomPort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}
