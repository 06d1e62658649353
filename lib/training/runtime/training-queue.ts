import { AppError } from '@/lib/errors';

// First come, first served, with two fairness rules: at most `concurrency` jobs train at once (one
// per worker thread) and at most `maxRunningPerUser` of them belong to one user; a user's next
// job waits even when a thread is free, and the jobs behind it move ahead. Positions are
// 1-based places in the waiting line and are reported whenever they change.

export interface QueueJob {
  id: string;
  /** Whose limits the job counts against. */
  owner: string;
  /** Runs the job; the queue moves on when the promise settles (it should not reject). */
  start: () => Promise<void>;
  /** Asks a running job to end soon; start()'s promise still settles as usual. */
  stop: () => void;
  /** Server work (a challenge re-check): not held to the per-user waiting limit. */
  isSystem?: boolean;
}

export interface TrainingQueueOptions {
  concurrency: number;
  maxRunningPerUser: number;
  maxQueuedPerUser: number;
  maxQueueLength: number;
  /** Called with every waiting job's new position after the line moved. */
  onPositions?: (positions: { job: QueueJob; position: number }[]) => void;
}

export type CancelResult = 'dequeued' | 'stopping' | 'unknown';

export class TrainingQueue {
  private readonly waiting: QueueJob[] = [];
  private readonly running = new Map<string, QueueJob>();

  constructor(private readonly options: TrainingQueueOptions) {}

  /** Throws the message a user should see when one more job of `owner` would break a limit. */
  assertCanEnqueue(owner: string, { isSystem = false } = {}): void {
    const queuedByOwner = this.waiting.filter((job) => job.owner === owner).length;
    if (!isSystem && queuedByOwner >= this.options.maxQueuedPerUser) {
      const limit = this.options.maxQueuedPerUser;
      throw new AppError(
        'RATE_LIMITED',
        {
          ko: `이미 ${queuedByOwner}개의 실행이 대기 중입니다(최대 ${limit}개). 하나를 멈추거나 시작될 때까지 기다리세요.`,
          en: `You already have ${queuedByOwner} runs waiting (the limit is ${limit}). Stop one or wait for it to start.`,
        },
        { retryAfterSeconds: 10 },
      );
    }
    if (this.waiting.length >= this.options.maxQueueLength) {
      const waiting = this.waiting.length;
      throw new AppError(
        'UNAVAILABLE',
        { ko: `학습 대기열이 가득 찼습니다(${waiting}개 대기 중). 1분 뒤에 다시 시도하세요.`, en: `The training queue is full (${waiting} runs waiting). Try again in a minute.` },
        { retryAfterSeconds: 60 },
      );
    }
  }

  /** Adds a job; returns its position (0 when it started at once). */
  enqueue(job: QueueJob): number {
    this.assertCanEnqueue(job.owner, { isSystem: job.isSystem });
    this.waiting.push(job);
    this.dispatch();
    return this.positionOf(job.id) ?? 0;
  }

  /** Removes a waiting job, or asks a running one to stop. */
  cancel(jobId: string): CancelResult {
    const index = this.waiting.findIndex((job) => job.id === jobId);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      this.reportPositions(index);
      return 'dequeued';
    }
    const job = this.running.get(jobId);
    if (!job) return 'unknown';
    job.stop();
    return 'stopping';
  }

  /** 1-based place in the waiting line; 0 while running; null when unknown. */
  positionOf(jobId: string): number | null {
    if (this.running.has(jobId)) return 0;
    const index = this.waiting.findIndex((job) => job.id === jobId);
    return index >= 0 ? index + 1 : null;
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running.size, waiting: this.waiting.length };
  }

  private runningFor(owner: string): number {
    let count = 0;
    for (const job of this.running.values()) if (job.owner === owner) count++;
    return count;
  }

  private dispatch(): void {
    let firstMoved = -1;
    for (let index = 0; index < this.waiting.length && this.running.size < this.options.concurrency; ) {
      const job = this.waiting[index];
      if (this.runningFor(job.owner) >= this.options.maxRunningPerUser) {
        index++;
        continue;
      }
      this.waiting.splice(index, 1);
      if (firstMoved < 0 || index < firstMoved) firstMoved = index;
      this.running.set(job.id, job);
      void startSafely(job)
        .finally(() => {
          this.running.delete(job.id);
          this.dispatch();
        });
    }
    if (firstMoved >= 0) this.reportPositions(firstMoved);
  }

  /** Everyone from `fromIndex` on moved up. */
  private reportPositions(fromIndex: number): void {
    if (!this.options.onPositions || fromIndex >= this.waiting.length) return;
    this.options.onPositions(this.waiting.slice(fromIndex).map((job, k) => ({ job, position: fromIndex + k + 1 })));
  }
}

/** Starts synchronously (a stop right after enqueue must find the job started), never rejects. */
function startSafely(job: QueueJob): Promise<void> {
  try {
    return job.start().catch(() => {});
  } catch {
    return Promise.resolve();
  }
}
