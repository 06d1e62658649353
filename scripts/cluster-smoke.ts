// `npm run cluster:smoke -- --url http://localhost:3000`: checks a running deployment (the one
// `npm run cluster` starts, or several machines behind a load balancer) the way students would use
// it. Through the public URL it: asks /api/health; signs in the demo students (README), each on a
// fresh connection, so a round-robin proxy spreads them over the web processes (its sticky cookie
// says which); has each start a playground run (MLP on spirals, CNN on digits) over its own
// /training socket; and waits until every run has COMPLETED — trained by whichever worker took the
// job and streamed back to the web process that student is connected to. One line per step;
// exits 1 on the first failure.
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { RunProgress } from '@/engine/playground/types';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { TRAINING_CLIENT_EVENTS, TRAINING_SERVER_EVENTS } from '@/lib/training/training-events';
import { parseBenchArgs } from '../bench/support/cli';
import { signInOverHttp } from './support/sign-in-over-http';
import { STICKY_COOKIE } from './support/sticky-proxy';

const ZArgs = z.strictObject({
  url: z.string().url().default('http://localhost:3000'),
  students: z.coerce.number().int().min(1).max(3).default(3),
  password: z.string().default('backprop-demo'),
  timeoutS: z.coerce.number().int().min(10).max(1800).default(300),
});

const FINAL = new Set(['COMPLETED', 'STOPPED', 'FAILED']);

function say(line: string): void {
  console.log(`cluster-smoke: ${line}`);
}

async function stickyCookieOf(url: string): Promise<string[]> {
  const response = await fetch(`${url}/api/health`);
  const body = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`/api/health answered ${response.status}: ${JSON.stringify(body)}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).filter((pair) => pair.startsWith(`${STICKY_COOKIE}=`));
}

async function connectTraining(url: string, cookies: string[]): Promise<Socket> {
  const socket = io(`${url}${SOCKET_NAMESPACES.training}`, { forceNew: true, transports: ['websocket'], extraHeaders: { cookie: cookies.join('; ') } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function trainAndWait(socket: Socket, config: unknown, timeoutMs: number): Promise<RunProgress> {
  const ends = new Map<string, RunProgress>();
  let wanted: string | null = null;
  let done: ((progress: RunProgress) => void) | null = null;
  socket.on(TRAINING_SERVER_EVENTS.progress, (progress: RunProgress) => {
    if (!FINAL.has(progress.status)) return;
    ends.set(progress.runId, progress);
    if (progress.runId === wanted) done?.(progress);
  });
  const ack = (await socket.timeout(15_000).emitWithAck(TRAINING_CLIENT_EVENTS.start, { config })) as { ok: true; runId: string } | { ok: false; error: { message: string } };
  if (!ack.ok) throw new Error(`start refused: ${ack.error.message}`);
  wanted = ack.runId;
  const runId = ack.runId;
  const early = ends.get(runId);
  if (early) return early;
  return new Promise<RunProgress>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`run ${runId} did not end within ${timeoutMs / 1000} s`)), timeoutMs);
    done = (progress) => {
      clearTimeout(timer);
      resolve(progress);
    };
  });
}

async function main(): Promise<void> {
  const args = parseBenchArgs(ZArgs, process.argv.slice(2));
  const url = args.url.replace(/\/$/, '');
  const started = Date.now();
  const students = Array.from({ length: args.students }, (_, i) => `student${i + 1}@demo.backprop.live`);
  const sockets: Socket[] = [];
  try {
    const sessions = await Promise.all(
      students.map(async (email) => {
        const sticky = await stickyCookieOf(url);
        const session = await signInOverHttp(url, email, args.password, sticky);
        const web = sticky[0]?.split('=')[1];
        say(`${email} signed in${web === undefined ? '' : ` (proxy: web process ${Number(web) + 1})`}`);
        return { email, cookies: [...sticky, session] };
      }),
    );
    say('health: ok');
    const runs = await Promise.all(
      sessions.map(async ({ email, cookies }, i) => {
        const socket = await connectTraining(url, cookies);
        sockets.push(socket);
        const config = i % 2 === 0 ? DEFAULT_CONFIGS.mlp : DEFAULT_CONFIGS.cnn;
        const end = await trainAndWait(socket, { ...config, seed: 100 + i }, args.timeoutS * 1000);
        say(`${email}: ${config.model} run ${end.runId} ${end.status}, validation accuracy ${end.finalValAcc ?? '—'}`);
        return end;
      }),
    );
    const failed = runs.filter((run) => run.status !== 'COMPLETED');
    if (failed.length > 0) throw new Error(`${failed.length} run(s) did not complete: ${failed.map((run) => `${run.runId} ${run.status} ${run.error ?? ''}`).join('; ')}`);
    say(`all ${runs.length} runs completed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    for (const socket of sockets) socket.close();
  }
}

main().catch((error: unknown) => {
  say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
