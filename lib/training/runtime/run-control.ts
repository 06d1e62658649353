import crypto from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { getDatabaseUrl } from '@/lib/config';
import { ADJUSTABLE_KNOB_NAMES } from '@/engine/playground/config-schema';
import { getLogger } from '@/lib/log';

// Commands to a run that is training, wherever its worker is: PostgreSQL LISTEN/NOTIFY on the
// app's own database (every process already has DATABASE_URL; Redis is optional). A web process
// NOTIFYs the command with a request id; every worker process LISTENs, the one that holds the
// run applies it and NOTIFYs the reply. No reply within REPLY_TIMEOUT_MS means no live worker
// holds the run (it died; its job is retried or failed by pg-boss). Payloads are tiny (a run id
// and a number), far below NOTIFY's 8,000-byte limit.

const COMMAND_CHANNEL = 'training_run_command';
const REPLY_CHANNEL = 'training_run_reply';
const REPLY_TIMEOUT_MS = 3_000;

const ZRunCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('set-knob'), knob: z.enum(ADJUSTABLE_KNOB_NAMES), value: z.number().nonnegative() }),
]);
export type TRunCommand = z.infer<typeof ZRunCommand>;

const ZRunCommandReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stopping') }),
  z.object({ type: z.literal('knob-set'), fromEpoch: z.number().int() }),
  z.object({ type: z.literal('knob-not-adjustable') }),
]);
export type TRunCommandReply = z.infer<typeof ZRunCommandReply>;

const ZCommandMessage = z.object({ requestId: z.string(), runId: z.string(), command: ZRunCommand });
const ZReplyMessage = z.object({ requestId: z.string(), reply: ZRunCommandReply });

/** Applies a command to a run this process trains; undefined when it does not hold the run. */
export type RunCommandHandler = (runId: string, command: TRunCommand) => TRunCommandReply | undefined;

interface ControlChannel {
  client: pg.Client;
  waiting: Map<string, (reply: TRunCommandReply) => void>;
}

// The handlers outlive a connection: a reopened one serves the same workers.
const globalForControl = globalThis as unknown as { trainingControl?: Promise<ControlChannel>; trainingCommandHandlers?: Set<RunCommandHandler> };
const handlers = (globalForControl.trainingCommandHandlers ??= new Set());

/** This process's one listening connection, opened on first use and reopened after a failure. */
function getControlChannel(): Promise<ControlChannel> {
  globalForControl.trainingControl ??= openControlChannel().catch((error: unknown) => {
    globalForControl.trainingControl = undefined;
    throw error;
  });
  return globalForControl.trainingControl;
}

async function openControlChannel(): Promise<ControlChannel> {
  const client = new pg.Client({ connectionString: getDatabaseUrl(), application_name: 'backprop-live-run-control' });
  const channel: ControlChannel = { client, waiting: new Map() };
  let closing = false;
  const forget = (error?: unknown) => {
    if (error) getLogger().warn({ err: error }, 'training: the run-control connection failed; it reopens on next use');
    if (closing) return;
    closing = true;
    globalForControl.trainingControl = undefined;
    // A worker keeps listening: reopen in a moment (a web process reopens on its next command).
    if (handlers.size > 0) setTimeout(() => void getControlChannel().catch(() => {}), 1_000).unref();
  };
  client.on('error', forget);
  client.on('end', () => forget());
  client.on('notification', (message) => {
    if (!message.payload) return;
    try {
      if (message.channel === COMMAND_CHANNEL) {
        const { requestId, runId, command } = ZCommandMessage.parse(JSON.parse(message.payload));
        for (const handler of handlers) {
          const reply = handler(runId, command);
          if (reply) void notify(client, REPLY_CHANNEL, { requestId, reply });
        }
      } else if (message.channel === REPLY_CHANNEL) {
        const { requestId, reply } = ZReplyMessage.parse(JSON.parse(message.payload));
        channel.waiting.get(requestId)?.(reply);
      }
    } catch (error) {
      getLogger().warn({ err: error, channel: message.channel }, 'training: ignored a malformed run-control message');
    }
  });
  await client.connect();
  await client.query(`LISTEN ${COMMAND_CHANNEL}`);
  await client.query(`LISTEN ${REPLY_CHANNEL}`);
  return channel;
}

function notify(client: pg.Client, channelName: string, payload: unknown): Promise<unknown> {
  return client.query('SELECT pg_notify($1, $2)', [channelName, JSON.stringify(payload)]).catch((error: unknown) => {
    getLogger().warn({ err: error }, 'training: could not send a run-control message');
  });
}

/** Sends a command to whichever worker trains the run; null when none answered in time. */
export async function sendRunCommand(runId: string, command: TRunCommand): Promise<TRunCommandReply | null> {
  const channel = await getControlChannel();
  const requestId = crypto.randomUUID();
  const reply = new Promise<TRunCommandReply | null>((resolve) => {
    const timer = setTimeout(() => {
      channel.waiting.delete(requestId);
      resolve(null);
    }, REPLY_TIMEOUT_MS);
    channel.waiting.set(requestId, (answer) => {
      clearTimeout(timer);
      channel.waiting.delete(requestId);
      resolve(answer);
    });
  });
  await notify(channel.client, COMMAND_CHANNEL, { requestId, runId, command });
  return reply;
}

/** A worker listens for commands to the runs it holds; returns the function that stops listening. */
export async function listenForRunCommands(handler: RunCommandHandler): Promise<() => void> {
  handlers.add(handler);
  await getControlChannel();
  return () => handlers.delete(handler);
}

/** Closes this process's run-control connection (shutdown). */
export async function closeRunControl(): Promise<void> {
  const opened = globalForControl.trainingControl;
  globalForControl.trainingControl = undefined;
  handlers.clear();
  const channel = await opened?.catch(() => undefined);
  await channel?.client.end().catch(() => {});
}
