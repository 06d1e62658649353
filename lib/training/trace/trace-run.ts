import 'server-only';
import { roundShown } from '@/engine/playground/trace-cell';
import type { TransformerTrace } from '@/engine/playground/transformer-trace';
import { computeRunTrace, type ComputeRunTraceOptions } from './compute-run-trace';
import type { TracePayload } from './trace-schemas';

/** The trace of the student's sentence for the trace view, every number as the view shows it. */
export async function traceRun(options: ComputeRunTraceOptions): Promise<TracePayload> {
  const { runId, config, tokenization, wanted, trace } = await computeRunTrace(options);
  return { runId, task: config.task, tokenization, wanted, trace: roundNumbers(trace) };
}

/** Every number of the trace to four significant digits (structure kept; integers stay as they are). */
function roundNumbers(trace: TransformerTrace): TransformerTrace {
  return JSON.parse(JSON.stringify(trace), (_key, value: unknown) => (typeof value === 'number' ? roundShown(value) : value)) as TransformerTrace;
}
