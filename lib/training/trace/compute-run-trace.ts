import 'server-only';
import { translate } from '@/engine/playground/datasets/translation';
import type { TTransformerConfig } from '@/engine/playground/config-schema';
import { describeTraceTextProblem, tokenizeTraceText, type TraceTokenization } from '@/engine/playground/trace-tokens';
import { trainedTransformer } from '@/engine/playground/trained-transformer';
import { traceTransformer, type TraceTarget, type TransformerTrace } from '@/engine/playground/transformer-trace';
import { AppError } from '@/lib/errors';
import { getRun } from '../runs/get-run';

export interface ComputeRunTraceOptions {
  userId: string;
  runId: string;
  text: string;
  target?: TraceTarget;
}

export interface RunTrace {
  runId: string;
  config: TTransformerConfig;
  tokenization: TraceTokenization;
  wanted: number[];
  /** Full precision: questions are built from it, the browser gets it rounded. */
  trace: TransformerTrace;
}

/**
 * The trace of a run the user may see (their own, or one entered in a challenge of their class) on
 * the student's sentence. NOT_FOUND as for the run page; UNPROCESSABLE `not-traceable` for a model
 * other than the Transformer; CONFLICT `run-not-finished` before its first complete epoch or while
 * it trains, `no-trained-weights` for a run trained before its last picture kept them; UNPROCESSABLE
 * with the sentence's problem as the reason when it cannot be mapped.
 */
export async function computeRunTrace({ userId, runId, text, target }: ComputeRunTraceOptions): Promise<RunTrace> {
  const run = await getRun({ userId, runId });
  const { config } = run;
  if (config.model !== 'transformer') {
    throw new AppError('UNPROCESSABLE', { ko: '문장 추적은 트랜스포머 실행에서만 됩니다.', en: 'Tracing your own sentence works on Transformer runs only.' }, { reason: 'not-traceable' });
  }
  const isFinished = run.status === 'COMPLETED' || run.status === 'STOPPED';
  if (!isFinished || run.metrics.length === 0) {
    throw new AppError('CONFLICT', { ko: '학습이 끝난 실행(에포크 1개 이상)에서만 추적할 수 있습니다.', en: 'A run can be traced once it has finished with at least one epoch.' }, { reason: 'run-not-finished' });
  }
  const tokenized = tokenizeTraceText(text, config);
  if (!tokenized.ok) throw new AppError('UNPROCESSABLE', describeTraceTextProblem(tokenized.problem), { reason: tokenized.problem.reason, fieldErrors: { text: [describeTraceTextProblem(tokenized.problem).en] } });
  const { tokens } = tokenized.value;
  const wanted = translate(config.task, tokens);
  const chosen = target ?? { position: 0, token: wanted[0] };
  if (chosen.position >= config.seqLength || chosen.token >= config.vocab) {
    throw new AppError(
      'UNPROCESSABLE',
      { ko: `목표는 출력 위치 1–${config.seqLength}와 토큰 0–${config.vocab - 1} 중에서 고르세요.`, en: `Choose a target position from 1 to ${config.seqLength} and a token from 0 to ${config.vocab - 1}.` },
      { reason: 'target-out-of-range' },
    );
  }
  // The last picture keeps the trained weights (runs trained before it did cannot be traced).
  const parameters = run.snapshot?.kind === 'attention' ? run.snapshot.parameters : undefined;
  if (!parameters) {
    throw new AppError(
      'CONFLICT',
      { ko: '이 실행은 학습된 가중치를 저장하기 전에 학습되었습니다. 설정을 가져와(포크) 다시 학습하면 추적할 수 있습니다.', en: 'This run was trained before trained weights were kept. Fork it and train it again to trace it.' },
      { reason: 'no-trained-weights' },
    );
  }
  const model = trainedTransformer(config, parameters);
  return { runId: run.id, config, tokenization: tokenized.value, wanted, trace: traceTransformer(model, tokens, chosen) };
}
