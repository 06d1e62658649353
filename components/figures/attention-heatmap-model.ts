import { causalMask, noGrad, scaledDotProductAttention, tensor } from '@/engine';

export const ATTENTION_TOKENS = ['je', 'suis', 'étudiant'] as const;

export interface AttentionSetup {
  q: number[][];
  k: number[][];
  v: number[][];
  isCausal: boolean;
}

/** The unit's worked example (n = 3 words, d_k = 4). */
export const ATTENTION_DEFAULTS: AttentionSetup = {
  q: [
    [1, 0, 1, 0],
    [0, 2, 0, 0],
    [1, 1, 1, 1],
  ],
  k: [
    [1, 0, 1, 0],
    [0, 1, 0, 1],
    [2, 0, 0, 0],
  ],
  v: [
    [1, 0],
    [0, 1],
    [1, 1],
  ],
  isCausal: false,
};

export interface AttentionValues {
  /** softmax(QKᵀ/√d_k) [query][key]. */
  weights: number[][];
  /** weights · V [query][d_v]. */
  output: number[][];
}

/** Attention weights and output from the engine's scaledDotProductAttention (optionally with the causal mask). */
export function computeAttention({ q, k, v, isCausal }: AttentionSetup): AttentionValues {
  return noGrad(() => {
    const result = scaledDotProductAttention(tensor(q), tensor(k), tensor(v), isCausal ? { mask: causalMask(q.length) } : {});
    return { weights: result.weights.toArray() as number[][], output: result.output.toArray() as number[][] };
  });
}
