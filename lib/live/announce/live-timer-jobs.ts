import { z } from 'zod';
import type PgBoss from 'pg-boss';
import { getBoss, JOB_QUEUES } from '@/lib/jobs/boss';
import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { closeQuestionAndAnnounce } from '@/lib/live/announce/close-question-and-announce';
import { endSessionAndAnnounce } from '@/lib/live/announce/end-session-and-announce';
import { getLogger } from '@/lib/log';
import { ZId } from '@/lib/validation/text';

// The takeover of live deadlines across processes. The process that opens a question closes it
// with its own setTimeout (live-timers.ts, precise to the millisecond); each deadline is also a
// pg-boss job, due TAKEOVER_DELAY_MS later, that any web process may take. If the opener died, the
// job closes the question from its stored closesAt and announces it through the socket.io adapter,
// which reaches every process's sockets; if it did not, the close is already done and the job
// finds nothing to do (closing is a conditional UPDATE: one close, one announce, whoever races).
// A prediction question's training is followed the same way: a 'follow-training' job every
// TRAINING_CHECK_MS while it is undecided; the process that takes one follows the training if the
// process that did died (its advisory lock went with its connection: predict-training-lease.ts).

/** How long after a deadline another process steps in; plus up to one polling interval. */
export const TAKEOVER_DELAY_MS = 1_000;
const POLLING_INTERVAL_SECONDS = 1;

/** How often a prediction question's training is checked for a follower that died (see followTraining). */
export const TRAINING_CHECK_MS = 5_000;

const ZLiveTimerJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('close-question'), sessionId: ZId, index: z.number().int().min(0) }),
  z.object({ kind: z.literal('end-session'), sessionId: ZId }),
  // A prediction question's training: if the process following it died, take it over.
  z.object({ kind: z.literal('follow-training'), sessionId: ZId, index: z.number().int().min(0) }),
]);
export type TLiveTimerJob = z.infer<typeof ZLiveTimerJob>;

/** Stores the takeover job for a deadline (once per deadline: a singleton key per question or session). */
export function scheduleTimerTakeover(job: TLiveTimerJob, deadline: Date): void {
  const singletonKey =
    job.kind === 'close-question' ? `${job.sessionId}:question:${job.index}` : job.kind === 'follow-training' ? `${job.sessionId}:training:${job.index}` : `${job.sessionId}:deadline`;
  const startAfter = new Date(deadline.getTime() + TAKEOVER_DELAY_MS);
  getBoss()
    .then((boss) => boss.sendAfter(JOB_QUEUES.liveTimers, job, { singletonKey }, startAfter))
    .catch((error: unknown) => getLogger().error({ err: error, job }, 'live: could not store a timer takeover job (this process still closes it)'));
}

/** The next check of a prediction question's training (one waiting per question, however many processes send it). */
export function scheduleTrainingCheck(sessionId: string, index: number): void {
  scheduleTimerTakeover({ kind: 'follow-training', sessionId, index }, new Date(Date.now() + TRAINING_CHECK_MS - TAKEOVER_DELAY_MS));
}

/** Every web process takes due takeover jobs (started once per process, from the /live handlers). */
export async function workTimerTakeovers(announce: LiveAnnouncer): Promise<void> {
  const boss = await getBoss();
  await boss.work(JOB_QUEUES.liveTimers, { pollingIntervalSeconds: POLLING_INTERVAL_SECONDS, batchSize: 1 }, async ([job]: PgBoss.Job<unknown>[]) => {
    const task = ZLiveTimerJob.parse(job.data);
    if (task.kind === 'close-question') {
      if (await closeQuestionAndAnnounce(announce, task.sessionId, task.index)) getLogger().info({ sessionId: task.sessionId, index: task.index }, 'live: took over a question timer');
    } else if (task.kind === 'follow-training') {
      // Follows the training here if nobody else does (its follower died); while it is undecided,
      // whoever follows it, the next check is due in TRAINING_CHECK_MS.
      if ((await announce.followTraining(task.sessionId, task.index)) === 'undecided') scheduleTrainingCheck(task.sessionId, task.index);
    } else {
      await endSessionAndAnnounce(announce, task.sessionId);
    }
  });
}
