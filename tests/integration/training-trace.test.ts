import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { TTransformerConfig } from '@/engine/playground/config-schema';
import { trainedTransformer } from '@/engine/playground/trained-transformer';
import { getRun } from '@/lib/training/runs/get-run';
import { roundShown, type TTraceCell } from '@/engine/playground/trace-cell';
import { traceTransformer, type TransformerTrace } from '@/engine/playground/transformer-trace';
import { buildTraceCellQuestion } from '@/engine/exercises/trace-cell-question';
import { allowedError, DEFAULT_TOLERANCE } from '@/engine/exercises/tolerance';
import { getDb } from '@/lib/db';
import type { TraceGradePayload, TracePayload, TraceQuestionPayload } from '@/lib/training/trace/trace-schemas';
import { createTestUser, signIn, type TestUser } from '../support/auth';
import { connectTraining, type TrainingClient } from './training-support';

// "Your own sentence" over the real server: a Transformer trained through the socket, its trace
// equal to the engine's locally, a cell as a question whose answer never travels, graded by the
// exercises' grader, and every bad input a localised 4xx.

const config: TTransformerConfig = { ...DEFAULT_CONFIGS.transformer, samples: 200, epochs: 6, seed: 4 };
const sentence = 'the cat sat on the mat';
const sentenceTokens = [4, 0, 3, 2, 4, 1];

let owner: TestUser;
let ownerCookie = '';
let strangerCookie = '';
let client: TrainingClient;
let runId = '';
let local: TransformerTrace;

type Reply<T> = { status: number; body: T & { error?: { code: string; reason: string; text: { ko: string; en: string } } } };

/** `cookie` null: signed out. */
async function post<T>(path: string, body: unknown, cookie: string | null = ownerCookie, raw?: string): Promise<Reply<T>> {
  const response = await fetch(`${inject('baseUrl')}/api/training/runs/${encodeURIComponent(runId)}/trace${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Reply<T>['body'] };
}

function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => numbersIn(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => numbersIn(item, out));
  return out;
}

beforeAll(async () => {
  owner = await createTestUser('Trace Owner');
  const stranger = await createTestUser('Trace Stranger');
  ownerCookie = await signIn(owner.email);
  strangerCookie = await signIn(stranger.email);
  client = await connectTraining(ownerCookie);
  const started = await client.start(config);
  if (!started.ok) throw new Error(`could not start: ${started.error.message}`);
  runId = started.runId;
  const end = await client.waitForEnd(runId);
  expect(end.status).toBe('COMPLETED');
  // The same trace here, from the weights the run stored with its last picture.
  const stored = await getRun({ userId: owner.id, runId });
  if (stored.snapshot?.kind !== 'attention' || !stored.snapshot.parameters) throw new Error('the finished run kept no trained weights');
  local = traceTransformer(trainedTransformer(config, stored.snapshot.parameters), sentenceTokens, { position: 0, token: 1 });
});

afterAll(() => client?.close());

describe('tracing your own sentence on a trained Transformer run', () => {
  it("returns every step, equal to the engine's trace of the trained model", async () => {
    const { status, body } = await post<TracePayload>('', { text: sentence });
    expect(status).toBe(200);
    expect(body.tokenization).toMatchObject({ kind: 'words', tokens: sentenceTokens, labels: ['the', 'cat', 'sat', 'on', 'the', 'mat'] });
    expect(body.wanted).toEqual([...sentenceTokens].reverse());
    // Default target: output position 1 and the token the task wants there (the reversed sentence's first word, mat = 1).
    expect(body.trace.target).toEqual({ position: 0, token: 1 });
    // Float64 from the same stored weights: the numbers are the same, shown to four significant digits.
    const shown = (rows: number[][]) => rows.map((row) => row.map(roundShown));
    expect(body.trace.logits).toEqual(shown(local.logits));
    expect(body.trace.layers[0].heads[1].weights).toEqual(shown(local.layers[0].heads[1].weights));
    expect(body.trace.layers[0].heads[1].dScores).toEqual(shown(local.layers[0].heads[1].dScores));
    expect(body.trace.predicted).toEqual(local.predicted);

    const retargeted = await post<TracePayload>('', { text: sentence, target: { position: 3, token: 5 } });
    expect(retargeted.status).toBe(200);
    expect(retargeted.body.trace.target).toEqual({ position: 3, token: 5 });
    expect(retargeted.body.trace.loss).not.toBe(body.trace.loss);
  });

  it('turns a cell into a question that gives what is needed and never the value', async () => {
    for (const cell of [
      { kind: 'score', layer: 0, head: 0, row: 1, col: 2 },
      { kind: 'weight', layer: 0, head: 1, row: 4, col: 0 },
      { kind: 'attended', layer: 0, head: 0, row: 2, col: 5 },
      { kind: 'dScore', layer: 0, head: 1, row: 0, col: 3 },
    ] satisfies TTraceCell[]) {
      const { status, body } = await post<TraceQuestionPayload>('/question', { text: sentence, cell });
      expect(status).toBe(200);
      expect(body.cell).toEqual(cell);
      expect(body.prompt.ko.length).toBeGreaterThan(0);
      expect(body.prompt.en.length).toBeGreaterThan(0);
      expect(body.givens.length).toBeGreaterThan(0);
      const expected = buildTraceCellQuestion(local, cell).variant.expected as number;
      expect(Object.keys(body).sort()).toEqual(['cell', 'givens', 'prompt', 'title', 'tolerance']);
      // No number in the payload (the cell's indices aside) could be typed in as the answer.
      const shown = numbersIn({ givens: body.givens, prompt: body.prompt, title: body.title, tolerance: body.tolerance });
      expect(shown.filter((value) => Math.abs(value - expected) <= allowedError(expected, DEFAULT_TOLERANCE))).toEqual([]);
      expect(JSON.stringify(body)).not.toContain(String(roundShown(expected)));
    }
  });

  it('grades the right answer correct and a wrong one wrong, with feedback in both languages', async () => {
    const cell: TTraceCell = { kind: 'score', layer: 0, head: 0, row: 1, col: 2 };
    const question = buildTraceCellQuestion(local, cell);
    const expected = question.variant.expected as number;
    const right = await post<TraceGradePayload>('/answer', { text: sentence, cell, answer: String(expected) });
    expect(right).toMatchObject({ status: 200, body: { correct: true, score: 1 } });
    const wrong = await post<TraceGradePayload>('/answer', { text: sentence, cell, answer: expected + 0.5 });
    expect(wrong).toMatchObject({ status: 200, body: { correct: false, score: 0 } });
    expect(wrong.body.feedback.ko.length).toBeGreaterThan(0);
    expect(wrong.body.feedback.en.length).toBeGreaterThan(0);
    expect(JSON.stringify(wrong.body)).not.toContain(String(roundShown(expected)));
    // Forgetting √d_k is named.
    const given = Object.fromEntries(question.givens.map((g) => [g.id, g.values]));
    const unscaled = (given.q as number[]).reduce((sum, q, c) => sum + q * (given.k as number[])[c], 0);
    expect(await post<TraceGradePayload>('/answer', { text: sentence, cell, answer: unscaled })).toMatchObject({ status: 200, body: { correct: false, mistake: 'forgot-scale' } });
    // The same grader's fraction syntax.
    const weight: TTraceCell = { kind: 'weight', layer: 0, head: 0, row: 0, col: 0 };
    const weightExpected = buildTraceCellQuestion(local, weight).variant.expected as number;
    expect(await post<TraceGradePayload>('/answer', { text: 'the cat sat on the mat', cell: weight, answer: `${Math.round(weightExpected * 1e6)}/1000000` })).toMatchObject({ status: 200, body: { correct: true } });
  });

  it('refuses bad inputs with a clear localised 4xx, never a 500', async () => {
    const cell: TTraceCell = { kind: 'weight', layer: 0, head: 0, row: 0, col: 0 };
    const cases: { name: string; path: string; body?: unknown; raw?: string; cookie?: string | null; status: number; reason?: string }[] = [
      { name: 'NaN as text', path: '/answer', body: { text: sentence, cell, answer: 'NaN' }, status: 400, reason: 'invalid-answer' },
      { name: 'NaN in the JSON', path: '/answer', raw: `{"text":"${sentence}","cell":${JSON.stringify(cell)},"answer":NaN}`, status: 400 },
      { name: 'Infinity', path: '/answer', body: { text: sentence, cell, answer: '1e999' }, status: 400, reason: 'invalid-answer' },
      { name: 'a cell outside the matrix', path: '/question', body: { text: sentence, cell: { ...cell, row: 6 } }, status: 422, reason: 'cell-out-of-range' },
      { name: 'a head the model does not have', path: '/answer', body: { text: sentence, cell: { ...cell, head: 2 }, answer: 0.5 }, status: 422, reason: 'cell-out-of-range' },
      { name: 'a gradient cell the loss does not reach', path: '/question', body: { text: sentence, cell: { kind: 'dScore', layer: 0, head: 0, row: 3, col: 1 } }, status: 422, reason: 'zero-gradient' },
      { name: 'a negative cell index', path: '/question', body: { text: sentence, cell: { ...cell, col: -1 } }, status: 400 },
      { name: 'an unknown cell kind', path: '/question', body: { text: sentence, cell: { ...cell, kind: 'logit' } }, status: 400 },
      { name: 'an oversized sentence', path: '', body: { text: 'word '.repeat(60) }, status: 422, reason: 'too-long' },
      { name: 'a huge sentence', path: '', body: { text: 'x'.repeat(5_000) }, status: 400 },
      { name: 'a NUL byte', path: '', body: { text: 'the cat\u0000 sat on the mat' }, status: 400 },
      { name: 'a zero-width space', path: '/question', body: { text: 'the cat\u200B sat on the mat', cell }, status: 422, reason: 'control-character' },
      { name: 'too few words', path: '', body: { text: 'the cat sat' }, status: 422, reason: 'wrong-length' },
      { name: 'a token the model lacks', path: '', body: { text: '1 2 3 4 5 8' }, status: 422, reason: 'token-out-of-range' },
      { name: 'a target outside the output', path: '', body: { text: sentence, target: { position: 6, token: 0 } }, status: 422, reason: 'target-out-of-range' },
      { name: "someone else's run", path: '', body: { text: sentence }, cookie: strangerCookie, status: 404 },
      { name: 'signed out', path: '', body: { text: sentence }, cookie: null, status: 401 },
    ];
    for (const entry of cases) {
      const reply = await post<unknown>(entry.path, entry.body, entry.cookie === undefined ? ownerCookie : entry.cookie, entry.raw);
      expect({ name: entry.name, status: reply.status }).toEqual({ name: entry.name, status: entry.status });
      expect(reply.body.error?.text.ko.length, entry.name).toBeGreaterThan(0);
      expect(reply.body.error?.text.en.length, entry.name).toBeGreaterThan(0);
      if (entry.reason) expect(reply.body.error?.reason, entry.name).toBe(entry.reason);
    }
    const short = await post<unknown>('', { text: 'the cat sat' });
    expect(short.body.error?.text).toEqual({ ko: '이 모델은 정확히 6단어를 읽습니다 (입력: 3단어).', en: 'This model reads exactly 6 words (you gave 3).' });
  });

  it('is a 422 for a run that is not a Transformer, a 409 for one still training or without stored weights', async () => {
    const mlp = await getDb().trainingRun.create({
      data: { userId: owner.id, model: 'mlp', task: 'xor', config: { ...DEFAULT_CONFIGS.mlp, task: 'xor' }, seed: 1, status: 'COMPLETED', params: 0, metrics: [], finishedAt: new Date() },
    });
    const running = await getDb().trainingRun.create({ data: { userId: owner.id, model: 'transformer', task: 'reverse', config, seed: config.seed, status: 'RUNNING', params: 0, metrics: [] } });
    // A finished run whose last picture has no weights (trained before they were kept).
    const old = await getDb().trainingRun.create({
      data: { userId: owner.id, model: 'transformer', task: 'reverse', config, seed: config.seed, status: 'COMPLETED', params: 0, metrics: [{ epoch: 1, loss: 1, valLoss: 1, acc: 0.5, valAcc: 0.5, ms: 10 }], finishedAt: new Date() },
    });
    const traceOf = async (id: string) => {
      const response = await fetch(`${inject('baseUrl')}/api/training/runs/${id}/trace`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: ownerCookie }, body: JSON.stringify({ text: sentence }) });
      return { status: response.status, body: (await response.json()) as { error: { reason: string; text: { ko: string; en: string } } } };
    };
    expect(await traceOf(mlp.id)).toMatchObject({ status: 422, body: { error: { reason: 'not-traceable' } } });
    expect(await traceOf(running.id)).toMatchObject({ status: 409, body: { error: { reason: 'run-not-finished' } } });
    const refused = await traceOf(old.id);
    expect(refused).toMatchObject({ status: 409, body: { error: { reason: 'no-trained-weights' } } });
    expect(refused.body.error.text.ko).toContain('다시 학습');
  });
});
