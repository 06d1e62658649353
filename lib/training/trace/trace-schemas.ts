import { z } from 'zod';
import { ZTraceCell, ZTraceTarget, type TTraceCell } from '@/engine/playground/trace-cell';
import type { TraceTokenization } from '@/engine/playground/trace-tokens';
import type { TransformerTrace } from '@/engine/playground/transformer-trace';
import type { Localized } from '@/lib/i18n/locales';

// The bodies and answers of the trace routes (POST /api/training/runs/<id>/trace, …/question,
// …/answer). Client-safe: the trace view sends what these schemas accept and reads these types.

/** A cap for the parser only: the sentence's own limit (TRACE_TEXT_MAX) has its own message. */
const TEXT_SCHEMA_MAX = 2_000;

export const ZTraceRequest = z.object({
  text: z.string().max(TEXT_SCHEMA_MAX),
  /** Default: output position 1 and the token the task wants there. */
  target: ZTraceTarget.optional(),
});
export type TTraceRequest = z.infer<typeof ZTraceRequest>;

export const ZTraceQuestionRequest = ZTraceRequest.extend({ cell: ZTraceCell });
export type TTraceQuestionRequest = z.infer<typeof ZTraceQuestionRequest>;

/** The answer as typed: a number or a number string (3/4, 2.5e-1), read by the exercises' validateAnswer. */
export const ZTraceAnswerRequest = ZTraceQuestionRequest.extend({ answer: z.union([z.number(), z.string().max(64)]) });
export type TTraceAnswerRequest = z.infer<typeof ZTraceAnswerRequest>;

export const MAX_TRACE_BODY_BYTES = 8 * 1024;

export type TracePayload = {
  runId: string;
  task: 'reverse' | 'sort';
  tokenization: TraceTokenization;
  /** What the task asks for on these tokens (the sequence reversed or sorted). */
  wanted: number[];
  /** Every number rounded to four significant digits (roundShown). */
  trace: TransformerTrace;
};

/** A cell as a question: everything needed to compute it, never its value. */
export type TraceQuestionPayload = {
  cell: TTraceCell;
  title: Localized;
  prompt: Localized;
  givens: { id: string; label: Localized; values: number[] | number }[];
  tolerance: Localized;
};

export type TraceGradePayload = {
  score: number;
  correct: boolean;
  feedback: Localized;
  mistake?: string;
};
