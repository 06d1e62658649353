import { describe, expect, it } from 'vitest';
import { crossEntropy, noGrad, withDefaultDtype } from '@/engine';
import type { TTransformerConfig } from './config-schema';
import { generateTranslationDataset } from './datasets/translation';
import { DEFAULT_CONFIGS } from './default-configs';
import { StoredWeightsMismatchError } from './stored-parameters';
import { trainedTransformer } from './trained-transformer';
import { trainModel } from './train-model';
import { describeTraceTextProblem, tokenizeTraceText, tokenLabel } from './trace-tokens';
import { traceTransformer } from './transformer-trace';

// Two layers so the backward pass crosses a whole encoder layer on its way to the first layer's scores.
const config: TTransformerConfig = { ...DEFAULT_CONFIGS.transformer, layers: 2, samples: 200, epochs: 6, seed: 3 };
/** A run's trained model as the server rebuilds it: from the weights its last picture stores. */
function trainedOf(c: TTransformerConfig) {
  const outcome = trainModel(c);
  const parameters = outcome.snapshot?.kind === 'attention' ? outcome.snapshot.parameters : undefined;
  if (!parameters) throw new Error('the last picture has no trained weights');
  return { outcome, parameters, model: trainedTransformer(c, parameters) };
}
const { model } = trainedOf(config);
const tokens = [5, 0, 7, 2, 2, 6];

describe('the Transformer trace', () => {
  it("ends in the model's own logits, attention and prediction", () => {
    const trace = traceTransformer(model, tokens, { position: 1, token: 2 });
    const own = noGrad(() => withDefaultDtype('float32', () => model.forward([tokens])));
    const [n, vocab] = own.shape;
    expect([trace.logits.length, trace.logits[0].length]).toEqual([n, vocab]);
    for (let i = 0; i < n; i++) for (let c = 0; c < vocab; c++) expect(Math.abs(trace.logits[i][c] - own.data[i * vocab + c])).toBeLessThan(1e-4);
    const attention = noGrad(() => withDefaultDtype('float32', () => model.attention(tokens)));
    trace.layers.forEach((layer, l) => layer.heads.forEach((head, h) => head.weights.forEach((row, q) => row.forEach((w, k) => expect(Math.abs(w - attention[l][h][q][k])).toBeLessThanOrEqual(5e-4 + 1e-6)))));
    // Predictions agree wherever the two best logits are not a float32 hair apart.
    trace.predicted.forEach((token, i) => {
      const sorted = [...trace.logits[i]].sort((a, b) => b - a);
      if (sorted[0] - sorted[1] > 1e-3) expect(token).toBe(trace.logits[i].indexOf(sorted[0]));
    });
    const loss = noGrad(() => crossEntropy(own.slice(0, 1, 2), [2]).item());
    expect(Math.abs(trace.loss - loss)).toBeLessThan(1e-4);
  });

  it('keeps every step: embeddings add up, softmax rows sum to 1, residuals and layer norms hold', () => {
    const trace = traceTransformer(model, tokens, { position: 0, token: 6 });
    trace.embedded.forEach((row, i) => row.forEach((x, c) => expect(x).toBeCloseTo(trace.tokenEmbedding[i][c] + trace.positionEmbedding[i][c], 12)));
    expect(trace.tokenEmbedding[2]).toEqual(Array.from(model.tokens.weight.data.subarray(7 * config.dModel, 8 * config.dModel)));
    for (const layer of trace.layers) {
      expect(layer.mask.flat().every((m) => m === 1)).toBe(true);
      for (const head of layer.heads) {
        head.weights.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12));
        // scores = q · k / √d_k, recomputed by hand.
        const s = head.q[3].reduce((sum, qc, c) => sum + qc * head.k[4][c], 0) / Math.sqrt(trace.dHead);
        expect(head.scores[3][4]).toBeCloseTo(s, 12);
      }
      layer.residual1.forEach((row, i) => row.forEach((x, c) => expect(x).toBeCloseTo(layer.input[i][c] + layer.attention[i][c], 12)));
      // With γ = 1, β = 0 a LayerNorm row has mean 0; in general (norm − β)/γ does.
      layer.norm1.forEach((row) => expect(row.reduce((sum, x, c) => sum + (x - layer.beta1[c]) / layer.gamma1[c], 0) / row.length).toBeCloseTo(0, 9));
      layer.hidden.forEach((row) => expect(row.every((x) => x >= 0)).toBe(true));
    }
    trace.probabilities.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12));
  });

  it('gives ∂loss/∂scores that follow the softmax backward rule and match finite differences', () => {
    const target = { position: 4, token: 0 };
    const trace = traceTransformer(model, tokens, target);
    let checked = 0;
    trace.layers.forEach((layer, l) =>
      layer.heads.forEach((head, h) => {
        // The rule a student would apply: ∂L/∂s_j = a_j (∂L/∂a_j − Σ_m a_m ∂L/∂a_m).
        head.weights.forEach((a, i) => {
          const dot = a.reduce((sum, am, m) => sum + am * head.dWeights[i][m], 0);
          a.forEach((aj, j) => expect(head.dScores[i][j]).toBeCloseTo(aj * (head.dWeights[i][j] - dot), 12));
        });
        for (const [row, col] of [[0, 5], [4, 1], [2, 2], [5, 0]]) {
          const eps = 1e-5;
          const plus = traceTransformer(model, tokens, target, { nudge: { layer: l, head: h, row, col, delta: eps } }).loss;
          const minus = traceTransformer(model, tokens, target, { nudge: { layer: l, head: h, row, col, delta: -eps } }).loss;
          const numeric = (plus - minus) / (2 * eps);
          expect(Math.abs(numeric - head.dScores[row][col])).toBeLessThan(1e-7 + 1e-5 * Math.abs(numeric));
          checked++;
        }
      }),
    );
    expect(checked).toBe(config.layers * config.heads * 4);
    // Not all zero: the loss does reach the first layer's scores.
    expect(trace.layers[0].heads.some((head) => head.dScores.flat().some((g) => Math.abs(g) > 1e-6))).toBe(true);
  });

  it('refuses tokens the model does not have, a wrong length and a target outside the output', () => {
    expect(() => traceTransformer(model, [1, 2, 3], { position: 0, token: 0 })).toThrow(RangeError);
    expect(() => traceTransformer(model, [1, 2, 3, 4, 5, 8], { position: 0, token: 0 })).toThrow(RangeError);
    expect(() => traceTransformer(model, tokens, { position: 6, token: 0 })).toThrow(RangeError);
    expect(() => traceTransformer(model, tokens, { position: 0, token: 8 })).toThrow(RangeError);
  });
});

describe("a run's stored trained weights", () => {
  it('rebuild the model the run trained: its last validation loss and accuracy, bit for bit', () => {
    const small: TTransformerConfig = { ...DEFAULT_CONFIGS.transformer, samples: 160, epochs: 3, seed: 9, lrSchedule: [{ epoch: 2, lr: 0.003 }] };
    const { outcome, parameters, model: rebuilt } = trainedOf(small);
    const last = outcome.metrics.at(-1)!;
    // Only the last picture carries them.
    expect(outcome.frames.slice(0, -1).some((frame) => frame.kind === 'attention' && frame.parameters)).toBe(false);
    expect(parameters.reduce((n, p) => n + p.length, 0)).toBe(outcome.params);
    const { val } = generateTranslationDataset(small);
    const { loss, acc } = noGrad(() =>
      withDefaultDtype('float32', () => {
        const logits = rebuilt.forward(val.inputs);
        const targets = val.targets.flat();
        const predicted = Array.from({ length: targets.length }, (_, r) => {
          const row = Array.from(logits.data.subarray(r * small.vocab, (r + 1) * small.vocab));
          return row.indexOf(Math.max(...row));
        });
        return { loss: crossEntropy(logits, targets).item(), acc: predicted.filter((p, r) => p === targets[r]).length / targets.length };
      }),
    );
    expect(loss).toBe(last.valLoss);
    expect(acc).toBe(last.valAcc);
  });

  it('refuse to load into a model they do not fit', () => {
    const { parameters } = trainedOf({ ...DEFAULT_CONFIGS.transformer, samples: 100, epochs: 1 });
    expect(() => trainedTransformer({ ...DEFAULT_CONFIGS.transformer, dModel: 8 }, parameters)).toThrow(StoredWeightsMismatchError);
    expect(() => trainedTransformer(DEFAULT_CONFIGS.transformer, parameters.slice(1))).toThrow(StoredWeightsMismatchError);
  });
});

describe('your own sentence as tokens', () => {
  const shape = { vocab: 8, seqLength: 6 };

  it('takes a token sequence as typed, with spaces or commas', () => {
    expect(tokenizeTraceText(' 3 1, 4 1 5,2 ', shape)).toEqual({ ok: true, value: { kind: 'tokens', tokens: [3, 1, 4, 1, 5, 2], labels: ['3', '1', '4', '1', '5', '2'], vocabulary: {} } });
  });

  it('maps words to their rank among the different words, so sorting tokens sorts the words', () => {
    const result = tokenizeTraceText('The cat sat on the mat.', shape);
    expect(result).toEqual({ ok: true, value: { kind: 'words', tokens: [4, 0, 3, 2, 4, 1], labels: ['the', 'cat', 'sat', 'on', 'the', 'mat'], vocabulary: { 0: 'cat', 1: 'mat', 2: 'on', 3: 'sat', 4: 'the' } } });
    if (result.ok) expect([...result.value.tokens].sort((a, b) => a - b).map((t) => tokenLabel(t, result.value))).toEqual(['cat', 'mat', 'on', 'sat', 'the', 'the']);
  });

  it('orders Korean words in 가나다 order (code points)', () => {
    const result = tokenizeTraceText('나는 오늘 학교에서 친구와 밥을 먹었다', shape);
    expect(result.ok && result.value.tokens).toEqual([0, 3, 5, 4, 2, 1]);
    expect(result.ok && result.value.vocabulary[0]).toBe('나는');
  });

  it('says what is wrong: length, unknown tokens, too many different words, invisible characters, too long, empty', () => {
    expect(tokenizeTraceText('1 2 3', shape)).toEqual({ ok: false, problem: { reason: 'wrong-length', count: 3, seqLength: 6, kind: 'tokens' } });
    expect(tokenizeTraceText('one two three', shape)).toEqual({ ok: false, problem: { reason: 'wrong-length', count: 3, seqLength: 6, kind: 'words' } });
    expect(tokenizeTraceText('1 2 3 4 5 9', shape)).toEqual({ ok: false, problem: { reason: 'token-out-of-range', token: '9', vocab: 8 } });
    expect(tokenizeTraceText('a b c d e f', { vocab: 4, seqLength: 6 })).toEqual({ ok: false, problem: { reason: 'too-many-words', distinct: 6, vocab: 4 } });
    expect(tokenizeTraceText('a b c\u0000 d e f', shape)).toEqual({ ok: false, problem: { reason: 'control-character' } });
    expect(tokenizeTraceText('a b c\u200B d e f', shape)).toEqual({ ok: false, problem: { reason: 'control-character' } });
    expect(tokenizeTraceText('a '.repeat(150), shape)).toEqual({ ok: false, problem: { reason: 'too-long', max: 200 } });
    expect(tokenizeTraceText('   ', shape)).toEqual({ ok: false, problem: { reason: 'empty' } });
  });

  it('refuses a sentence of emoji as "no words", naming them, never as "you gave 0"; emoji beside words are skipped and named', () => {
    const emoji = tokenizeTraceText('😀😂👍🏽🎉🐱👩‍💻', shape);
    expect(emoji).toEqual({ ok: false, problem: { reason: 'no-words', seqLength: 6, skipped: ['😀', '😂', '👍🏽'] } });
    if (!emoji.ok) {
      const text = describeTraceTextProblem(emoji.problem);
      expect(text.en).toBe('There are no words to read: a word is a run of letters or digits, so emoji and symbols (😀 😂 👍🏽) are skipped. Type 6 words or 6 tokens.');
      expect(text.ko).toBe('읽을 단어가 없습니다: 단어는 글자나 숫자가 이어진 것이라 이모지와 기호(😀 😂 👍🏽)는 건너뜁니다. 6단어나 토큰 6개를 입력하세요.');
      expect(`${text.en} ${text.ko}`).not.toMatch(/\b0\b/);
    }
    expect(tokenizeTraceText('!!! ...', shape)).toEqual({ ok: false, problem: { reason: 'no-words', seqLength: 6, skipped: ['!', '.'] } });
    // The joiner inside 👩‍💻 is part of the emoji, not a hidden character; elsewhere it still is.
    expect(tokenizeTraceText('👩‍💻 a', shape)).toMatchObject({ ok: false, problem: { reason: 'wrong-length', count: 1, skipped: ['👩‍💻'] } });
    expect(tokenizeTraceText('a\u200Db', shape)).toEqual({ ok: false, problem: { reason: 'control-character' } });
    const mixed = tokenizeTraceText('I ❤️ you', shape);
    expect(mixed).toEqual({ ok: false, problem: { reason: 'wrong-length', count: 2, seqLength: 6, kind: 'words', skipped: ['❤️'] } });
    if (!mixed.ok) expect(describeTraceTextProblem(mixed.problem).en).toBe('This model reads exactly 6 words (you gave 2). Emoji and symbols (❤️) are not words.');
    // By the documented rule, emoji between six words are skipped like punctuation.
    expect(tokenizeTraceText('the 🐱 cat sat on the mat 🎉', shape)).toMatchObject({ ok: true, value: { tokens: [4, 0, 3, 2, 4, 1] } });
  });
});
