import type { LocalizedText } from './text';

/**
 * Typical mistakes the grader can name. A type lists the ones it checks in its definition and
 * computes, with the engine, the answer each mistake produces; the grader names one only when
 * the student's answer matches that mistaken computation and not the right one.
 */
export const mistakeCatalogue = {
  'sign-error': {
    ko: '부호가 반대입니다. 갱신은 오차를 줄이는 방향(기울기의 반대 방향)으로 해야 합니다.',
    en: 'The sign is flipped: the update must move in the direction that reduces the error (against the gradient).',
  },
  'forgot-learning-rate': {
    ko: '학습률 η를 곱하지 않았습니다.',
    en: 'The learning rate η was left out of the update.',
  },
  'updated-when-correct': {
    ko: '올바르게 분류된 입력에서는 퍼셉트론 가중치를 바꾸지 않습니다.',
    en: 'A correctly classified input leaves the perceptron weights unchanged.',
  },
  'forgot-bias': {
    ko: '편향(bias) 항을 빠뜨렸습니다.',
    en: 'The bias term is missing.',
  },
  'used-thresholded-output': {
    ko: '델타 규칙의 오차는 계단 함수를 거치기 전의 선형 출력 s로 계산합니다.',
    en: 'The delta rule uses the linear output s in the error, not the thresholded output.',
  },
  'forgot-input': {
    ko: '가중치 wᵢ의 변화량에는 입력 xᵢ를 곱해야 합니다.',
    en: 'The change of each weight wᵢ must be multiplied by its input xᵢ.',
  },
  'used-preactivation': {
    ko: '활성화 함수를 통과한 값 대신 통과하기 전 값(pre-activation)을 사용했습니다.',
    en: 'The pre-activation was used where the activation (after the nonlinearity) belongs.',
  },
  'forgot-sigmoid-derivative': {
    ko: '시그모이드를 거슬러 올라갈 때 σ′(z) = σ(z)(1 − σ(z))를 곱하지 않았습니다.',
    en: 'Going back through the sigmoid needs the factor σ′(z) = σ(z)(1 − σ(z)).',
  },
  'swapped-mul-grads': {
    ko: '곱셈 노드는 상류 기울기에 "다른" 입력값을 곱해 전달합니다 (∂(xy)/∂x = y).',
    en: 'A multiply node passes the upstream gradient times the *other* input (∂(xy)/∂x = y).',
  },
  'forgot-upstream-gradient': {
    ko: '국소 미분에 상류에서 들어온 기울기를 곱하지 않았습니다 (연쇄 법칙).',
    en: 'The local derivative was not multiplied by the gradient arriving from upstream (chain rule).',
  },
  'split-add-gradient': {
    ko: '덧셈 노드는 상류 기울기를 나누지 않고 그대로 양쪽에 전달합니다.',
    en: 'An add node passes the upstream gradient unchanged to both inputs; it does not split it.',
  },
  'forgot-transpose': {
    ko: '전치를 빠뜨렸습니다: ∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y.',
    en: 'A transpose is missing: ∂L/∂X = ∂L/∂Y·Wᵀ and ∂L/∂W = Xᵀ·∂L/∂Y.',
  },
  'forgot-sum-db': {
    ko: '∂L/∂b는 배치의 모든 샘플에 대해 ∂L/∂Y를 더한 값입니다.',
    en: '∂L/∂b adds up ∂L/∂Y over every sample of the batch.',
  },
  'averaged-instead-of-summed': {
    ko: '합해야 할 곳에서 평균을 냈습니다.',
    en: 'Averaged where the quantity is a sum.',
  },
  'summed-instead-of-averaged': {
    ko: '평균을 내야 할 곳에서 합만 구했습니다 (배치 크기로 나누기).',
    en: 'Summed where the quantity is a mean (divide by the batch size).',
  },
  'forgot-subtract-target': {
    ko: '소프트맥스+교차 엔트로피의 기울기는 softmax(z) − y(원-핫 정답)입니다.',
    en: 'The softmax + cross-entropy gradient is softmax(z) − y (the one-hot target).',
  },
  'softmax-wrong-axis': {
    ko: '소프트맥스를 잘못된 축으로 계산했습니다: 각 행(샘플 또는 쿼리)마다 합이 1이어야 합니다.',
    en: 'Softmax was taken over the wrong axis: each row (sample or query) must sum to 1.',
  },
  'forgot-weight-decay': {
    ko: '가중치 감소(모델 복잡도) 항을 빠뜨렸습니다.',
    en: 'The weight-decay (model complexity) term is missing.',
  },
  'forgot-factor-two': {
    ko: 'α‖w‖²를 미분하면 2αw입니다.',
    en: 'The derivative of α‖w‖² is 2αw.',
  },
  'used-norm-not-squared': {
    ko: '복잡도 항은 가중치의 제곱합 ‖w‖²입니다.',
    en: 'The complexity term is the sum of squared weights ‖w‖².',
  },
  'flipped-kernel': {
    ko: '커널을 뒤집었습니다: 딥러닝의 "합성곱"은 커널을 뒤집지 않는 교차상관입니다.',
    en: 'The kernel was flipped: a deep-learning "convolution" is a cross-correlation, without flipping.',
  },
  'ignored-stride': {
    ko: '스트라이드만큼 창을 건너뛰지 않고 한 칸씩 이동했습니다.',
    en: 'The window moved one step at a time instead of by the stride.',
  },
  'forgot-padding': {
    ko: '패딩을 빠뜨렸습니다.',
    en: 'The padding was left out.',
  },
  'off-by-one-stride': {
    ko: '출력 크기 공식 (H + 2P − K)/S + 1에서 +1을 빠뜨렸습니다.',
    en: 'The +1 in the output size (H + 2P − K)/S + 1 is missing.',
  },
  'padded-one-side': {
    ko: '패딩은 양쪽에 붙으므로 2P를 더합니다.',
    en: 'Padding is added on both sides, so the size grows by 2P.',
  },
  'forgot-stride': {
    ko: '스트라이드로 나누지 않았습니다.',
    en: 'The size was not divided by the stride.',
  },
  'kept-input-channels': {
    ko: '출력 채널 수는 입력 채널 수가 아니라 필터의 개수입니다.',
    en: 'The number of output channels is the number of filters, not the number of input channels.',
  },
  'swapped-max-avg': {
    ko: '최대 풀링과 평균 풀링이 뒤바뀌었습니다.',
    en: 'Max pooling and average pooling were swapped.',
  },
  'skipped-pooling': {
    ko: '서브샘플링(풀링) 층에서 크기를 줄이지 않았습니다.',
    en: 'The subsampling (pooling) layer was not applied.',
  },
  'flatten-forgot-channels': {
    ko: '펼친(flatten) 길이는 채널 × 높이 × 너비입니다.',
    en: 'The flattened length is channels × height × width.',
  },
  'forgot-input-channels': {
    ko: '필터 하나는 모든 입력 채널을 봅니다: 필터당 가중치는 C·K·K개입니다.',
    en: 'Each filter spans every input channel: C·K·K weights per filter.',
  },
  'used-inverted-scaling': {
    ko: '이 문제의 (강의) 드롭아웃은 학습 때 스케일하지 않고 테스트 때 (1 − p)를 곱합니다.',
    en: "This (lecture's) dropout does not scale during training; it multiplies by (1 − p) at test time.",
  },
  'forgot-inverted-scaling': {
    ko: '역 드롭아웃(inverted dropout)은 학습 때 남은 값에 1/(1 − p)를 곱합니다.',
    en: 'Inverted dropout multiplies the kept values by 1/(1 − p) during training.',
  },
  'forgot-test-scaling': {
    ko: '테스트 때 모든 뉴런을 쓰므로 출력에 (1 − p)를 곱해야 합니다.',
    en: 'At test time every unit is used, so the outputs must be multiplied by (1 − p).',
  },
  'used-drop-probability': {
    ko: '곱할 값은 드롭 확률 p가 아니라 유지 확률 1 − p입니다.',
    en: 'Scale by the keep probability 1 − p, not by the drop probability p.',
  },
  'inverted-mask': {
    ko: '마스크가 1인 뉴런이 남고, 0인 뉴런이 제거됩니다.',
    en: 'Units whose mask is 1 are kept; units whose mask is 0 are dropped.',
  },
  'used-sigmoid': {
    ko: '이 순환 셀의 활성화 함수는 시그모이드가 아니라 tanh입니다.',
    en: 'This recurrent cell uses tanh, not the sigmoid.',
  },
  'swapped-weights': {
    ko: 'U는 입력 x에, W는 이전 은닉 상태 h에 곱합니다.',
    en: 'U multiplies the input x and W multiplies the previous hidden state h.',
  },
  'forgot-forget-gate': {
    ko: '새 셀 상태는 c′ = f ⊙ c + i ⊙ g입니다: 이전 셀 상태에 망각 게이트를 곱해야 합니다.',
    en: 'The new cell state is c′ = f ⊙ c + i ⊙ g: the old cell state is multiplied by the forget gate.',
  },
  'forgot-tanh-cell': {
    ko: '새 은닉 상태는 h′ = o ⊙ tanh(c′)입니다.',
    en: "The new hidden state is h′ = o ⊙ tanh(c′).",
  },
  'used-sigmoid-candidate': {
    ko: '후보 셀 상태 g는 시그모이드가 아니라 tanh를 씁니다.',
    en: 'The candidate cell state g uses tanh, not the sigmoid.',
  },
  'wrong-gate-order': {
    ko: '게이트 블록의 순서를 잘못 읽었습니다 (순서는 f, i, g, o).',
    en: 'The gate blocks were read in the wrong order (the order is f, i, g, o).',
  },
  'used-scores-not-weights': {
    ko: '값(value)은 점수가 아니라 소프트맥스를 거친 가중치로 가중합합니다.',
    en: 'The values are averaged with the softmax weights, not with the raw scores.',
  },
  'used-keys-instead-of-values': {
    ko: '문맥 벡터는 키(key)가 아니라 값(value)의 가중합입니다.',
    en: 'The context vector is a weighted sum of the values, not of the keys.',
  },
  'forgot-scale': {
    ko: '점수를 √d_k로 나누지 않았습니다.',
    en: 'The scores were not divided by √d_k.',
  },
  'forgot-mask': {
    ko: '인과 마스크를 적용하지 않았습니다: 각 위치는 자신과 이전 위치만 볼 수 있습니다.',
    en: 'The causal mask was not applied: each position may only attend to itself and earlier positions.',
  },
  'flipped-mask': {
    ko: '마스크 방향이 반대입니다: 미래가 아니라 과거(자신 포함)를 봐야 합니다.',
    en: 'The mask points the wrong way: positions attend to the past (and themselves), not the future.',
  },
  'forgot-output-projection': {
    ko: '출력 투영 W^O(와 그 편향)도 파라미터입니다.',
    en: 'The output projection W^O (and its bias) has parameters too.',
  },
  'heads-not-split': {
    ko: '각 헤드의 차원은 d_k = d_model / h입니다.',
    en: 'Each head works in d_k = d_model / h dimensions.',
  },
} as const satisfies Record<string, LocalizedText>;

export type MistakeId = keyof typeof mistakeCatalogue;

export function isMistakeId(value: string): value is MistakeId {
  return value in mistakeCatalogue;
}
