import 'server-only';
import { exportPyTorchScript, isExportable } from '@/engine/playground/export-pytorch';
import { AppError } from '@/lib/errors';
import { getRun } from './get-run';

export interface ExportedRun {
  /** ASCII only: `backprop-live-<model>-<task>-<runId>.py`. */
  filename: string;
  script: string;
}

/**
 * A run the user may see (their own, or one entered in a challenge of their class) as a runnable
 * PyTorch script (engine/playground/export-pytorch.ts). NOT_FOUND as for the run page;
 * UNPROCESSABLE `not-exportable` for the perceptron and delta rules (learning rules, not PyTorch models).
 */
export async function exportRun({ userId, runId }: { userId: string; runId: string }): Promise<ExportedRun> {
  const run = await getRun({ userId, runId });
  if (!isExportable(run.config)) {
    throw new AppError(
      'UNPROCESSABLE',
      {
        ko: 'PyTorch 내보내기는 경사 하강법으로 학습한 모델(MLP, CNN, RNN, LSTM, 트랜스포머)만 됩니다. 퍼셉트론과 델타 규칙은 학습 규칙이라 PyTorch 모델이 아닙니다.',
        en: 'Export to PyTorch works for the gradient-trained models (MLP, CNN, RNN, LSTM, Transformer); the perceptron and delta rules are learning rules, not PyTorch models.',
      },
      { reason: 'not-exportable' },
    );
  }
  const title = `${run.config.model.toUpperCase()} on ${run.task}`;
  return {
    filename: `backprop-live-${run.config.model}-${run.task}-${run.id}.py`.replace(/[^A-Za-z0-9._-]/g, '-'),
    script: exportPyTorchScript(run.config, { runId: run.id, title }),
  };
}
