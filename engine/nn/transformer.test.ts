import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Tensor } from '../tensor';
import { randn, tensor } from '../creation';
import { rng } from '../rng';
import { assertGradcheck } from '../testing/gradcheck';
import { LayerNorm, MultiHeadAttention, TransformerDecoderLayer, TransformerEncoderLayer } from './index';
import { compareModuleWithTf, tfFeedForward, tfLayerNorm, tfMultiHeadAttention, type ModuleComparison } from '../testing/tf-reference';

function expectAgreement(cmp: ModuleComparison): void {
  const tol = 5e-5 * Math.max(1, cmp.scale);
  expect(cmp.forwardError).toBeLessThan(tol);
  for (const e of cmp.gradErrors) expect(e).toBeLessThan(tol);
}

const [batch, seq, dModel, heads, dFF] = [2, 4, 8, 2, 12];

/** Give the norms' γ and β values other than 1 and 0, so their gradients and roles are really tested. */
function perturb(params: readonly Tensor[], seed: string): void {
  const r = rng(seed);
  for (const p of params) for (let i = 0; i < p.size; i++) p.data[i] += r.uniform(-0.3, 0.3);
}

describe('LayerNorm', () => {
  it('normalises the last axis like a TF.js moments-based layer norm, gradients included', async () => {
    const layer = new LayerNorm(6);
    perturb(layer.parameters(), 'ln');
    const x = randn([3, 2, 6], rng('ln-x'), { requiresGrad: true, std: 3, mean: 1 });
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x],
      () => layer.forward(x),
      ([gamma, beta], [tx]) => tfLayerNorm(tx, gamma, beta),
    );
    expectAgreement(cmp);
  });

  it('gives each row mean 0 and variance 1 before γ and β', () => {
    const out = new LayerNorm(5).forward(randn([4, 5], rng('ln-stats'), { std: 10, mean: -3 }));
    const rows = out.toArray() as number[][];
    for (const row of rows) {
      const mean = row.reduce((s, v) => s + v, 0) / 5;
      const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / 5;
      expect(mean).toBeCloseTo(0, 12);
      expect(variance).toBeCloseTo(1, 4); // eps = 1e-5 keeps it just under 1
    }
  });

  it('has gradients that match central finite differences', () => {
    const layer = new LayerNorm(4);
    perturb(layer.parameters(), 'ln-fd');
    const x = randn([3, 4], rng('ln-fd-x'), { requiresGrad: true });
    assertGradcheck(() => layer.forward(x), [x, ...layer.parameters()]);
  });
});

describe('MultiHeadAttention (module)', () => {
  it('runs self-attention by default and matches TF.js with its own projections and biases', async () => {
    const layer = new MultiHeadAttention(dModel, heads, { rng: rng('mha') });
    perturb(layer.parameters(), 'mha-biases');
    const x = randn([batch, seq, dModel], rng('mha-x'), { requiresGrad: true });
    const mask = tensor([[[1, 1, 0, 1]], [[1, 1, 1, 0]]]).reshape([batch, 1, 1, seq]);
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x],
      () => layer.forward(x, undefined, { mask }).output,
      ([Wq, Wk, Wv, Wo, bq, bk, bv, bo], [tx]) => tfMultiHeadAttention(tx, tx, [Wq, Wk, Wv, Wo], [bq, bk, bv, bo], heads, tf.tensor4d(Array.from(mask.data), [batch, 1, 1, seq])),
    );
    expectAgreement(cmp);
  });

  it('has four [d, d] projections and four biases, or only the projections with bias: false', () => {
    expect(new MultiHeadAttention(8, 2, { rng: rng(0) }).parameters().map((p) => p.shape)).toEqual([
      [8, 8], [8, 8], [8, 8], [8, 8], [8], [8], [8], [8],
    ]);
    expect(new MultiHeadAttention(8, 2, { rng: rng(0), bias: false }).parameters()).toHaveLength(4);
    expect(() => new MultiHeadAttention(10, 4, { rng: rng(0) })).toThrow(/not divisible/);
  });
});

describe('TransformerEncoderLayer', () => {
  it('matches post-norm self-attention + FFN built in TF.js, gradients for every weight and the input', async () => {
    const layer = new TransformerEncoderLayer(dModel, heads, dFF, { rng: rng('enc') });
    perturb([...layer.norm1.parameters(), ...layer.norm2.parameters(), ...layer.selfAttention.parameters().slice(4)], 'enc-p');
    const x = randn([batch, seq, dModel], rng('enc-x'), { requiresGrad: true });
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x],
      () => layer.forward(x),
      (p, [tx]) => {
        const [Wq, Wk, Wv, Wo, bq, bk, bv, bo, W1, b1, W2, b2, g1, be1, g2, be2] = p;
        const h = tfLayerNorm(tf.add(tx, tfMultiHeadAttention(tx, tx, [Wq, Wk, Wv, Wo], [bq, bk, bv, bo], heads)), g1, be1);
        return tfLayerNorm(tf.add(h, tfFeedForward(h, [W1, b1, W2, b2])), g2, be2);
      },
    );
    expectAgreement(cmp);
  });

  it('has gradients that match central finite differences (with a padding mask)', () => {
    const layer = new TransformerEncoderLayer(4, 2, 6, { rng: rng('enc-fd') });
    const x = randn([1, 3, 4], rng('enc-fd-x'), { requiresGrad: true });
    const mask = tensor([1, 1, 0]);
    assertGradcheck((input) => layer.forward(input, { mask }), [x, ...layer.parameters()]);
  });

  it('uses dropout only in training mode, reproducibly from the seed', () => {
    const x = randn([1, 3, 8], rng('enc-drop'));
    const make = () => new TransformerEncoderLayer(8, 2, 8, { rng: rng('drop'), dropout: 0.5 });
    const a = make();
    const b = make();
    expect(Array.from(a.forward(x).data)).toEqual(Array.from(b.forward(x).data));
    const trained = Array.from(a.forward(x).data);
    const evaluated = Array.from(a.eval().forward(x).data);
    expect(trained).not.toEqual(evaluated);
    expect(Array.from(a.forward(x).data)).toEqual(evaluated);
  });
});

describe('TransformerDecoderLayer', () => {
  it('matches masked self-attention + cross-attention + FFN built in TF.js, gradients included', async () => {
    const layer = new TransformerDecoderLayer(dModel, heads, dFF, { rng: rng('dec') });
    perturb(layer.parameters().filter((p) => p.ndim === 1), 'dec-p');
    const x = randn([batch, seq, dModel], rng('dec-x'), { requiresGrad: true });
    const memory = randn([batch, 5, dModel], rng('dec-mem'), { requiresGrad: true });
    const causal = tf.linalg.bandPart(tf.ones([seq, seq]), -1, 0);
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x, memory],
      () => layer.forward(x, memory),
      (p, [tx, tmem]) => {
        const [sWq, sWk, sWv, sWo, sbq, sbk, sbv, sbo, cWq, cWk, cWv, cWo, cbq, cbk, cbv, cbo, W1, b1, W2, b2, g1, be1, g2, be2, g3, be3] = p;
        let h = tfLayerNorm(tf.add(tx, tfMultiHeadAttention(tx, tx, [sWq, sWk, sWv, sWo], [sbq, sbk, sbv, sbo], heads, causal)), g1, be1);
        h = tfLayerNorm(tf.add(h, tfMultiHeadAttention(h, tmem, [cWq, cWk, cWv, cWo], [cbq, cbk, cbv, cbo], heads)), g2, be2);
        return tfLayerNorm(tf.add(h, tfFeedForward(h, [W1, b1, W2, b2])), g3, be3);
      },
    );
    expectAgreement(cmp);
  });

  it('is causal by default: position t never sees the target positions after it', () => {
    const layer = new TransformerDecoderLayer(dModel, heads, dFF, { rng: rng('causal') });
    const memory = randn([1, 3, dModel], rng('mem'));
    const x = randn([1, seq, dModel], rng('tgt'));
    const changed = x.detach().reshape([seq, dModel]).toArray() as number[][];
    changed[seq - 1] = changed[seq - 1].map((v) => v + 5); // alter only the last position
    const before = layer.forward(x, memory).toArray() as number[][][];
    const after = layer.forward(tensor([changed]), memory).toArray() as number[][][];
    expect(after[0].slice(0, seq - 1)).toEqual(before[0].slice(0, seq - 1));
    expect(after[0][seq - 1]).not.toEqual(before[0][seq - 1]);
  });

  it('has gradients that match central finite differences for target, memory and weights', () => {
    const layer = new TransformerDecoderLayer(4, 2, 4, { rng: rng('dec-fd') });
    const x = randn([1, 3, 4], rng('dec-fd-x'), { requiresGrad: true });
    const memory = randn([1, 2, 4], rng('dec-fd-m'), { requiresGrad: true });
    assertGradcheck(() => layer.forward(x, memory), [x, memory, ...layer.parameters()]);
  });
});

describe('float32 layers', () => {
  it('stay in float32 end to end, masks and default states included, and agree with float64 to float32 precision', () => {
    const x64 = randn([1, 3, 8], rng('f32-x'));
    const x32 = x64.to('float32');
    const memory = randn([1, 2, 8], rng('f32-m'));
    const make = (dtype: 'float32' | 'float64') => new TransformerDecoderLayer(8, 2, 8, { rng: rng('f32'), dtype });
    const layer32 = make('float32');
    expect(layer32.parameters().every((p) => p.dtype === 'float32')).toBe(true);
    const out32 = layer32.forward(x32, memory.to('float32'));
    const out64 = make('float64').forward(x64, memory);
    expect(out32.dtype).toBe('float32');
    out32.data.forEach((v, i) => expect(Math.abs(v - out64.data[i])).toBeLessThan(1e-4));
  });
});
