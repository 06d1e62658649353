import type { Localized } from '@/lib/i18n/locales';

// Every word the "your own sentence" trace shows, in both languages.

export const TRACE_T = {
  heading: { ko: '내 문장 따라가기', en: 'Your own sentence' },
  intro: {
    ko: '학습된 모델에 문장이나 토큰을 넣고 순전파를 한 단계씩, 그리고 고른 목표에 대한 역전파 ∂손실/∂점수를 봅니다. 행렬의 칸을 누르면 그 칸을 계산하는 문제가 됩니다.',
    en: 'Feed the trained model a sentence or a token sequence and step through its forward pass, then the backward pass ∂loss/∂scores for a target you choose. Tap a cell of a matrix to turn it into a question.',
  },
  inputLabel: { ko: '문장 또는 토큰', en: 'Sentence or tokens' },
  inputHint: {
    ko: '정확히 {n}단어, 또는 0–{max} 사이 토큰 {n}개 (예: {example}). 단어는 서로 다른 단어들 사이의 가나다·알파벳 순위가 토큰이 됩니다 (처음 단어 = 0). 최대 {chars}자.',
    en: 'Exactly {n} words, or {n} tokens from 0 to {max} (e.g. {example}). Each word becomes its rank among the different words in alphabetical order (the first = 0). At most {chars} characters.',
  },
  useExample: { ko: '예시 넣기', en: 'Use an example' },
  exampleSentence: { ko: '나는 오늘 학교에서 친구와 밥을 먹었다', en: 'the cat sat on the mat' },
  trace: { ko: '추적하기', en: 'Trace' },
  tracing: { ko: '계산 중…', en: 'Computing…' },
  mapped: { ko: '토큰으로: {tokens}', en: 'As tokens: {tokens}' },
  layer: { ko: '층', en: 'Layer' },
  head: { ko: '헤드', en: 'Head' },
  targetPosition: { ko: '목표 출력 위치', en: 'Target output position' },
  targetToken: { ko: '목표 토큰', en: 'Target token' },
  steps: { ko: '단계', en: 'Steps' },
  stepOf: { ko: '{total}단계 중 {i}단계', en: 'Step {i} of {total}' },
  prev: { ko: '← 이전', en: '← Previous' },
  next: { ko: '다음 →', en: 'Next →' },
  position: { ko: '위치', en: 'Position' },
  word: { ko: '단어', en: 'Word' },
  token: { ko: '토큰', en: 'Token' },
  query: { ko: '쿼리', en: 'query' },
  key: { ko: '키', en: 'key' },
  predicted: { ko: '모델의 출력: {out}', en: 'The model’s output: {out}' },
  wanted: { ko: '과제의 정답 ({task}): {out}', en: 'What the task wants ({task}): {out}' },
  loss: { ko: '손실 L = −log p(토큰 {token} | 위치 {position}) = {loss}', en: 'Loss L = −log p(token {token} at position {position}) = {loss}' },
  pickHint: { ko: '밑줄 친 칸을 누르면 문제로 만들 수 있습니다.', en: 'Tap an underlined cell to make it a question.' },
  selected: { ko: '고른 칸: {cell}', en: 'Selected: {cell}' },
  makeExercise: { ko: '이 칸을 문제로 만들기', en: 'Make this an exercise' },
  question: { ko: '문제', en: 'Question' },
  givens: { ko: '주어진 값', en: 'Given' },
  answer: { ko: '답', en: 'Your answer' },
  notANumber: { ko: '숫자를 입력하세요. 예: 0.25, -1/2, 1e-3 (소수점은 마침표로)', en: 'Enter a number, such as 0.25, -1/2 or 1e-3 (with a decimal point, not a comma).' },
  submit: { ko: '채점하기', en: 'Check' },
  checking: { ko: '채점 중…', en: 'Checking…' },
  backToTrace: { ko: '← 추적으로 돌아가기', en: '← Back to the trace' },
  correct: { ko: '정답', en: 'Correct' },
  notStored: { ko: '연습 문제라 성적에는 기록되지 않습니다.', en: 'Practice: not recorded in the gradebook.' },
} satisfies Record<string, Localized>;

export type TraceStepId = 'tokens' | 'embedding' | 'qkv' | 'scores' | 'mask' | 'softmax' | 'weighted' | 'norm1' | 'feedForward' | 'output' | 'backward';

export const TRACE_STEPS: { id: TraceStepId; title: Localized; explain: Localized }[] = [
  { id: 'tokens', title: { ko: '토큰', en: 'Tokens' }, explain: { ko: '문장을 모델의 토큰 번호로 바꿉니다.', en: 'The sentence as the model’s token numbers.' } },
  {
    id: 'embedding',
    title: { ko: '임베딩 + 위치', en: 'Embedding + position' },
    explain: { ko: 'X = E[토큰] + P[위치]: 토큰 표와 위치 표의 행을 더합니다.', en: 'X = E[token] + P[position]: a row of the token table plus a row of the position table.' },
  },
  {
    id: 'qkv',
    title: { ko: 'Q, K, V', en: 'Q, K, V' },
    explain: { ko: 'Q = X·Wq + bq, K = X·Wk + bk, V = X·Wv + bv 중 이 헤드의 d_k개 열.', en: 'Q = X·Wq + bq, K = X·Wk + bk, V = X·Wv + bv, this head’s d_k columns.' },
  },
  { id: 'scores', title: { ko: '점수 / √d_k', en: 'Scores / √d_k' }, explain: { ko: 'S = Q·Kᵀ / √d_k: 행은 쿼리 위치, 열은 키 위치.', en: 'S = Q·Kᵀ / √d_k: rows are query positions, columns key positions.' } },
  {
    id: 'mask',
    title: { ko: '마스크', en: 'Mask' },
    explain: { ko: '인코더에는 마스크가 없습니다: 모든 위치가 모든 위치를 봅니다 (마스크 = 전부 1, 점수 그대로).', en: 'An encoder has no mask: every position may attend to every position (mask = all ones, scores unchanged).' },
  },
  { id: 'softmax', title: { ko: '소프트맥스', en: 'Softmax' }, explain: { ko: 'A = softmax(S) 행마다: 각 행의 합은 1.', en: 'A = softmax(S) row by row: each row sums to 1.' } },
  { id: 'weighted', title: { ko: '가중합 A·V', en: 'Weighted values A·V' }, explain: { ko: '각 쿼리 위치의 출력 = 값(V) 행들의 가중 평균.', en: 'Each query position’s output is the weighted average of the rows of V.' } },
  {
    id: 'norm1',
    title: { ko: '잔차 + 층 정규화', en: 'Residual + layer norm' },
    explain: { ko: '헤드들을 이어 붙여 ·Wo + bo, 입력 X를 더하고(잔차) 행마다 정규화: LayerNorm(X + 어텐션).', en: 'The heads side by side ·Wo + bo, plus the input X (residual), normalised per row: LayerNorm(X + attention).' },
  },
  {
    id: 'feedForward',
    title: { ko: '피드포워드', en: 'Feed-forward' },
    explain: { ko: 'ReLU(H·W1 + b1)·W2 + b2, 다시 잔차 + 층 정규화: 이 층의 출력.', en: 'ReLU(H·W1 + b1)·W2 + b2, then residual + layer norm again: the layer’s output.' },
  },
  { id: 'output', title: { ko: '출력', en: 'Output' }, explain: { ko: '로짓 = 마지막 층 출력·W + b, 위치마다 소프트맥스, 가장 큰 토큰이 예측.', en: 'Logits = last layer’s output·W + b, a softmax per position; the largest is the prediction.' } },
  {
    id: 'backward',
    title: { ko: '역전파 ∂L/∂S', en: 'Backward ∂L/∂S' },
    explain: { ko: '목표 위치의 교차 엔트로피 L에서 거꾸로: ∂L/∂A, 그리고 소프트맥스 역전파로 ∂L/∂S.', en: 'From the cross-entropy L at the target position backwards: ∂L/∂A, then through the softmax to ∂L/∂S.' },
  },
];

export const MATRIX_NAMES = {
  tokenEmbedding: { ko: 'E[토큰]', en: 'E[token]' },
  positionEmbedding: { ko: 'P[위치]', en: 'P[position]' },
  embedded: { ko: 'X = E + P', en: 'X = E + P' },
  q: { ko: 'Q (이 헤드)', en: 'Q (this head)' },
  k: { ko: 'K (이 헤드)', en: 'K (this head)' },
  v: { ko: 'V (이 헤드)', en: 'V (this head)' },
  wq: { ko: 'Wq (이 헤드의 열)', en: 'Wq (this head’s columns)' },
  scores: { ko: 'S = Q·Kᵀ / √d_k', en: 'S = Q·Kᵀ / √d_k' },
  mask: { ko: '마스크 (1 = 볼 수 있음)', en: 'Mask (1 = may attend)' },
  maskedScores: { ko: '마스크 후 점수', en: 'Scores after the mask' },
  weights: { ko: 'A = softmax(S)', en: 'A = softmax(S)' },
  attended: { ko: 'A·V', en: 'A·V' },
  attention: { ko: '어텐션 출력 = [헤드들]·Wo + bo', en: 'Attention output = [heads]·Wo + bo' },
  residual1: { ko: 'X + 어텐션', en: 'X + attention' },
  norm1: { ko: 'H = LayerNorm(X + 어텐션)', en: 'H = LayerNorm(X + attention)' },
  hidden: { ko: 'ReLU(H·W1 + b1)', en: 'ReLU(H·W1 + b1)' },
  feedForward: { ko: '피드포워드 출력', en: 'Feed-forward output' },
  output: { ko: '층 출력 = LayerNorm(H + 피드포워드)', en: 'Layer output = LayerNorm(H + feed-forward)' },
  logits: { ko: '로짓', en: 'Logits' },
  probabilities: { ko: '확률 (소프트맥스)', en: 'Probabilities (softmax)' },
  dWeights: { ko: '∂L/∂A', en: '∂L/∂A' },
  dScores: { ko: '∂L/∂S', en: '∂L/∂S' },
} satisfies Record<string, Localized>;
