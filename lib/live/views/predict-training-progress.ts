import type { TPredictTraining } from '@/lib/live/protocol/live-payloads';

// The latest training state of the prediction questions this process is training, so a host or
// player who (re)enters mid-training sees the curve so far. Only a cache: once decided, the
// training is stored with the question (LiveQuestion.predictOutcome).

const globalForTraining = globalThis as unknown as { livePredictTraining?: Map<string, TPredictTraining> };
const inFlight = (globalForTraining.livePredictTraining ??= new Map());

export function rememberTraining(questionId: string, training: TPredictTraining): void {
  inFlight.set(questionId, training);
}

export function forgetTraining(questionId: string): void {
  inFlight.delete(questionId);
}

export function findTrainingInProgress(questionId: string): TPredictTraining | null {
  return inFlight.get(questionId) ?? null;
}

export function isTrainingHere(questionId: string): boolean {
  return inFlight.has(questionId);
}
