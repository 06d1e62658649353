import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { getDb } from '@/lib/db';
import { createTestUser, signIn, type TestUser } from '../support/auth';

// GET /api/training/runs/<id>/export: a run as a PyTorch script, for whoever may see the run, as a
// download, for every model.

let owner: TestUser;
let stranger: TestUser;
let ownerCookie = '';
let strangerCookie = '';

async function storedRun(userId: string, config: TTrainingConfig): Promise<string> {
  const run = await getDb().trainingRun.create({
    data: { userId, model: config.model, task: config.task, config, seed: config.seed, status: 'COMPLETED', params: 0, metrics: [], finishedAt: new Date() },
  });
  return run.id;
}

const download = (runId: string, cookie?: string) => fetch(`${inject('baseUrl')}/api/training/runs/${encodeURIComponent(runId)}/export`, { headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  owner = await createTestUser('Export Owner');
  stranger = await createTestUser('Export Stranger');
  ownerCookie = await signIn(owner.email);
  strangerCookie = await signIn(stranger.email);
});

describe('export a run to PyTorch', () => {
  it("downloads the owner's MLP run as a .py file Python compiles", async () => {
    const config = { ...DEFAULT_CONFIGS.mlp, hidden: [4], samples: 60, epochs: 2, seed: 5 };
    const runId = await storedRun(owner.id, config);
    const response = await download(runId, ownerCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/x-python; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="backprop-live-mlp-spirals-${runId}.py"`);
    const text = await response.text();
    expect(text).toContain(`(run ${runId})`);
    expect(text).toContain('nn.Linear(2, 4)');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-export-')), 'run.py');
    fs.writeFileSync(file, text);
    execFileSync('python3', ['-m', 'py_compile', file]);
  });

  it('downloads RNN, LSTM, Transformer, perceptron and delta-rule runs as scripts Python compiles, each with its own model', async () => {
    const cases = [
      { config: { ...DEFAULT_CONFIGS.rnn, samples: 100, seqLength: 5, hiddenSize: 4, epochs: 1 }, module: 'class RNN(nn.Module):' },
      { config: { ...DEFAULT_CONFIGS.lstm, samples: 100, seqLength: 5, hiddenSize: 4, epochs: 1 }, module: 'class LSTM(nn.Module):' },
      { config: { ...DEFAULT_CONFIGS.transformer, samples: 100, epochs: 1 }, module: 'class TinyTransformer(nn.Module):' },
      { config: DEFAULT_CONFIGS.perceptron, module: 'model = nn.Linear(2, 1)' },
      { config: DEFAULT_CONFIGS['delta-rule'], module: 'ENGINE_FINAL_WEIGHTS = [' },
    ];
    for (const { config, module } of cases) {
      const runId = await storedRun(owner.id, config);
      const response = await download(runId, ownerCookie);
      expect(response.status, config.model).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="backprop-live-${config.model}-${config.task}-${runId}.py"`);
      const text = await response.text();
      expect(text).toContain(module);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-export-')), 'run.py');
      fs.writeFileSync(file, text);
      execFileSync('python3', ['-m', 'py_compile', file]);
    }
  });

  it("is a 404 for someone else's run and a 401 signed out", async () => {
    const runId = await storedRun(owner.id, { ...DEFAULT_CONFIGS.cnn, samples: 100, epochs: 1 });
    expect((await download(runId, strangerCookie)).status).toBe(404);
    expect((await download(runId)).status).toBe(401);
    expect((await download('no-such-run', ownerCookie)).status).toBe(404);
  });
});
