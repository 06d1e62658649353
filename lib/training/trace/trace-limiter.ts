import 'server-only';
import { createRateLimiter } from '@/lib/rate-limit';

/**
 * Trace, question and answer requests of one user together. Each may replay a run's training
 * (once per process, then cached) and runs a forward and backward pass: far more than a person
 * clicking through a trace needs, low enough to stop a script.
 */
export const traceLimiter = createRateLimiter({ name: 'playground-trace', points: 60, durationSeconds: 60 });
