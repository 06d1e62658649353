import 'server-only';
import { exportRunScript } from '@/engine/playground/export-pytorch';
import { getRun } from './get-run';

export interface ExportedRun {
  /** ASCII only: `backprop-live-<model>-<task>-<runId>.py`. */
  filename: string;
  script: string;
}

/**
 * A run the user may see (their own, or one entered in a challenge of their class) as a runnable
 * PyTorch script (engine/playground/export-pytorch.ts), whatever its model. NOT_FOUND as for the run page.
 */
export async function exportRun({ userId, runId }: { userId: string; runId: string }): Promise<ExportedRun> {
  const run = await getRun({ userId, runId });
  const title = `${run.config.model.toUpperCase()} on ${run.task}`;
  return {
    filename: `backprop-live-${run.config.model}-${run.task}-${run.id}.py`.replace(/[^A-Za-z0-9._-]/g, '-'),
    script: exportRunScript(run.config, { runId: run.id, title }),
  };
}
