import type { Locale, Localized } from '@/lib/i18n/locales';
import { divergedEpoch } from '@/engine/playground/training-hooks';
import { fill } from '@/lib/i18n/fill';
import { formatPercent as formatShare } from '@/lib/i18n/format';

// Every word the playground shows, in both languages (the names of models, tasks and options live
// beside the knob labels in engine/playground/knob-messages.ts, since live prediction rounds use them too).

export { MODEL_NAMES, OPTION_NAMES, TASK_NAMES } from '@/engine/playground/knob-messages';

export const STATUS_NAMES: Record<string, Localized> = {
  QUEUED: { ko: '대기 중', en: 'Queued' },
  RUNNING: { ko: '학습 중', en: 'Training' },
  COMPLETED: { ko: '완료', en: 'Completed' },
  STOPPED: { ko: '중지됨', en: 'Stopped' },
  FAILED: { ko: '실패', en: 'Failed' },
};

export const STOP_REASONS: Record<string, Localized> = {
  user: { ko: '직접 중지했습니다.', en: 'You stopped it.' },
  time: { ko: '시간 제한에 도달해 멈췄습니다.', en: 'It reached the wall-time limit.' },
  early: { ko: '검증 손실이 더 나아지지 않아 조기 종료했습니다.', en: 'Early stopping: the validation loss stopped improving.' },
  done: { ko: '모든 에포크를 마쳤습니다.', en: 'All epochs done.' },
};

export const T = {
  title: { ko: '모델 플레이그라운드', en: 'Model playground' },
  lead: {
    ko: '강의의 모델을 서버에서 직접 학습시키고, 배우는 모습을 실시간으로 지켜보세요. 같은 설정과 시드는 언제나 같은 곡선을 만듭니다.',
    en: "Train the lecture's models on the server and watch them learn live. The same configuration and seed always draw the same curve.",
  },
  tabs: { ko: '모델 선택', en: 'Choose a model' },
  tabClassic: { ko: '퍼셉트론·델타 규칙', en: 'Perceptron & delta rule' },
  tabMlp: { ko: 'MLP', en: 'MLP' },
  tabCnn: { ko: 'CNN', en: 'CNN' },
  tabSequence: { ko: 'RNN 대 LSTM', en: 'RNN vs LSTM' },
  tabTransformer: { ko: '트랜스포머', en: 'Transformer' },
  knobs: { ko: '설정', en: 'Settings' },
  rule: { ko: '학습 규칙', en: 'Learning rule' },
  cell: { ko: '순환 셀', en: 'Recurrent cell' },
  params: { ko: '파라미터', en: 'Parameters' },
  overLimit: { ko: '파라미터가 한도를 넘습니다. 층이나 유닛을 줄이세요.', en: 'Over the parameter limit: use fewer layers or units.' },
  fixKnobs: { ko: '빨간색으로 표시된 설정을 고치세요: {knobs}', en: 'Fix the settings marked in red: {knobs}' },
  train: { ko: '학습 시작', en: 'Train' },
  trainBoth: { ko: 'RNN과 LSTM 둘 다 학습', en: 'Train RNN and LSTM' },
  stop: { ko: '중지', en: 'Stop' },
  starting: { ko: '시작하는 중…', en: 'Starting…' },
  queued: { ko: '대기열 {n}번째', en: 'Queued: position {n}' },
  epochOf: { ko: '에포크 {e} / {t}', en: 'Epoch {e} of {t}' },
  loss: { ko: '손실', en: 'Loss' },
  valLoss: { ko: '검증 손실', en: 'Validation loss' },
  acc: { ko: '정확도', en: 'Accuracy' },
  valAcc: { ko: '검증 정확도', en: 'Validation accuracy' },
  finalValAcc: { ko: '최종 검증 정확도', en: 'Final validation accuracy' },
  chartEmpty: { ko: '학습을 시작하면 곡선이 그려집니다.', en: 'The curve appears when training starts.' },
  epoch: { ko: '에포크', en: 'Epoch' },
  boundary: { ko: '결정 경계', en: 'Decision boundary' },
  boundaryAlt: { ko: '{e} 에포크의 결정 경계: 파란색은 클래스 1, 주황색은 클래스 0으로 예측한 영역', en: 'Decision boundary at epoch {e}: blue regions are predicted class 1, orange class 0' },
  filters: { ko: '1층 필터', en: 'First-layer filters' },
  featureMaps: { ko: '특징 맵', en: 'Feature maps' },
  input: { ko: '입력 이미지', en: 'Input image' },
  label: { ko: '정답 {l}, 예측 {p}', en: 'label {l}, predicted {p}' },
  gradients: { ko: '시점별 기울기 크기 ‖∂손실/∂xₜ‖ (로그 눈금)', en: 'Gradient size per step ‖∂loss/∂xₜ‖ (log scale)' },
  gradientsHint: {
    ko: '첫 기호(t = 1)에 닿는 기울기가 작을수록 모델은 그것을 배우기 어렵습니다. 기울기 소실이 바로 이것입니다.',
    en: 'The smaller the gradient that reaches the first symbol (t = 1), the harder it is to learn from it: that is the vanishing gradient.',
  },
  attention: { ko: '어텐션 가중치 (층·헤드별)', en: 'Attention weights per layer and head' },
  layerHead: { ko: '{l}층 헤드 {h}', en: 'Layer {l}, head {h}' },
  query: { ko: '출력 위치(쿼리)', en: 'Output position (query)' },
  key: { ko: '입력 위치(키)', en: 'Input position (key)' },
  tokens: { ko: '입력 {i} → 정답 {t} / 예측 {p}', en: 'input {i} → target {t} / predicted {p}' },
  myRuns: { ko: '내 실행 기록', en: 'My runs' },
  noRuns: { ko: '아직 실행이 없습니다.', en: 'No runs yet.' },
  compare: { ko: '선택한 두 실행 비교', en: 'Compare the two selected' },
  compareHint: { ko: '두 개를 골라 나란히 비교하세요.', en: 'Pick two to compare side by side.' },
  open: { ko: '열기', en: 'Open' },
  fork: { ko: '복제해서 수정', en: 'Fork' },
  exportPyTorch: { ko: 'PyTorch 스크립트로 내보내기', en: 'Export to PyTorch' },
  exportPyTorchHint: { ko: '이 실행의 모델, 초기 가중치, 데이터, 학습 루프가 담긴 .py 파일 — 첫 단계 기울기가 엔진과 같은지 먼저 확인합니다.', en: "A .py file with this run's model, initial weights, data and training loop — it first checks its first-step gradients match the engine's." },
  forkedFrom: { ko: '복제 원본', en: 'Forked from' },
  forChallenge: {
    ko: '챌린지 「{title}」용 학습: 파라미터 {p}개 이하, 표준 데이터, {s}초가 지나면 멈춥니다. 끝나면 실행을 열어 제출하세요.',
    en: 'Training for the challenge “{title}”: at most {p} parameters, standard data, stops after {s} s. When it ends, open the run to enter it.',
  },
  trainForChallenge: { ko: '이 챌린지용으로 학습하기', en: 'Train for this challenge' },
  forkingFrom: { ko: '이 설정의 복제 원본', en: 'These settings are forked from' },
  yourRun: { ko: '내', en: 'your' },
  status: { ko: '상태', en: 'Status' },
  model: { ko: '모델', en: 'Model' },
  created: { ko: '시작', en: 'Started' },
  challenges: { ko: '챌린지', en: 'Challenges' },
  limits: {
    ko: '한도: 파라미터 {p}개, 에포크 {e}, 실행당 {s}초, 동시에 1개 학습(최대 {q}개 대기).',
    en: 'Limits: {p} parameters, {e} epochs, {s} s per run, one run training at a time ({q} more may wait).',
  },
  disconnected: { ko: '서버와 연결이 끊겼습니다. 다시 연결하는 중…', en: 'Disconnected from the server. Reconnecting…' },
  failed: { ko: '학습 실패: ', en: 'Training failed: ' },
  reopenLive: { ko: '실시간 보기', en: 'Watch live' },
  config: { ko: '설정', en: 'Configuration' },
  runTitle: { ko: '실행 {id}', en: 'Run {id}' },
  owner: { ko: '만든 사람', en: 'By' },
  trainTime: { ko: '학습 시간', en: 'Training time' },
  compareTitle: { ko: '두 실행 비교', en: 'Two runs side by side' },
  different: { ko: '다른 설정', en: 'Differs' },
  back: { ko: '플레이그라운드로', en: 'Back to the playground' },
  timeline: { ko: '학습 타임라인', en: 'Training timeline' },
  play: { ko: '재생', en: 'Play' },
  pause: { ko: '일시 정지', en: 'Pause' },
  stepBack: { ko: '이전 스냅숏', en: 'Previous snapshot' },
  stepForward: { ko: '다음 스냅숏', en: 'Next snapshot' },
  speed: { ko: '속도', en: 'Speed' },
  scrub: { ko: '스냅숏 고르기', en: 'Choose a snapshot' },
  frameOf: { ko: '스냅숏 {k} / {n} · 에포크 {e}', en: 'Snapshot {k} of {n} · epoch {e}' },
  pairEpoch: { ko: '{name}: 에포크 {e}', en: '{name}: epoch {e}' },
  pairWaiting: { ko: '{name}: 아직 스냅숏 없음', en: '{name}: no snapshot yet' },
  pairTimeline: { ko: '두 실행을 함께 보는 학습 타임라인', en: 'Training timeline of both runs together' },
  network: { ko: '{e} 에포크의 네트워크: 뉴런마다 평면 위의 출력, 선은 가중치(파랑 +, 주황 −, 굵기 = 크기)', en: 'The network at epoch {e}: each neuron shows its output over the plane; edges are weights (blue +, orange −, width = size)' },
  networkHint: { ko: '선이나 뉴런에 마우스를 올리거나 뉴런을 누르면 가중치와 식이 보입니다.', en: 'Hover an edge or a neuron (or tap a neuron) to see its weight or formula.' },
  edgeWeight: { ko: '{from} → {to} 가중치: {w}', en: 'Weight {from} → {to}: {w}' },
  networkTooWide: { ko: '네트워크 그림은 층마다 유닛이 16개 이하일 때 그립니다.', en: 'The network is drawn when no layer has more than 16 units.' },
  weightsSummary: { ko: '가중치 요약 (이 스냅숏)', en: 'Weights at this snapshot' },
  tensor: { ko: '텐서', en: 'Tensor' },
  mean: { ko: '평균', en: 'Mean' },
  std: { ko: '표준편차', en: 'Std' },
  lrShort: { ko: '학습률', en: 'lr' },
  lrNow: { ko: '학습 중 학습률 바꾸기', en: 'Change the learning rate now' },
  lrApply: { ko: '적용', en: 'Apply' },
  lrRange: { ko: '{min} – {max} 사이의 값을 입력하세요.', en: 'Enter a number from {min} to {max}.' },
  lrChanged: { ko: '다음 에포크(약 에포크 {e})부터 학습률 {lr}로 학습합니다. 바뀐 에포크는 곡선에 표시되고 실행 기록에 저장됩니다.', en: 'From the next epoch (about epoch {e}) on, the learning rate is {lr}. The epoch it took effect is marked on the curves and stored with the run.' },
  weightDecayShort: { ko: '감쇠', en: 'wd' },
  weightDecayNow: { ko: '학습 중 가중치 감쇠(L2) 바꾸기', en: 'Change the weight decay (L2) now' },
  weightDecayChanged: { ko: '다음 에포크(약 에포크 {e})부터 가중치 감쇠 {lr}로 학습합니다. 바뀐 에포크는 곡선에 표시되고 실행 기록에 저장됩니다.', en: 'From the next epoch (about epoch {e}) on, the weight decay is {lr}. The epoch it took effect is marked on the curves and stored with the run.' },
  diverged: { ko: '손실이 에포크 {e}에서 NaN 또는 무한대가 되어 학습을 멈췄습니다. 학습률을 낮춰 보세요.', en: 'Training stopped: the loss became NaN or infinite in epoch {e}. Try a lower learning rate.' },
  divergedMarker: { ko: '발산 (에포크 {e})', en: 'diverged (epoch {e})' },
  drawDigit: { ko: '숫자를 그려 보세요', en: 'Draw a digit' },
  drawHint: {
    ko: '네모 안에 0–9 중 하나를 그리면 학습된 모델이 읽습니다. 그림은 생성된 숫자처럼 가운데로 옮기고 크기를 맞춰 12×12로 줄입니다.',
    en: 'Draw one digit 0–9 in the square and the trained model reads it. Your drawing is centred, scaled and shrunk to 12×12 the way the generated digits are made.',
  },
  drawCanvas: { ko: '숫자를 그리는 칸', en: 'Drawing square' },
  drawClear: { ko: '지우기', en: 'Clear' },
  drawModelSees: { ko: '모델이 보는 12×12 입력', en: 'What the model sees (12×12)' },
  drawPrediction: { ko: '예측: {d} ({p})', en: 'Prediction: {d} ({p})' },
  drawSoftmax: { ko: '소프트맥스 (클래스별 확률)', en: 'Softmax (probability per class)' },
  drawLayerMaps: { ko: '{l}층 특징 맵 ({s}×{s})', en: 'Feature maps, layer {l} ({s}×{s})' },
  drawFailed: { ko: '이 실행에 저장된 가중치가 모델과 맞지 않아 예측할 수 없습니다.', en: 'The weights stored with this run do not fit its model, so it cannot predict.' },
} satisfies Record<string, Localized>;

// The shared template filler and percent formatter (lib/i18n), re-exported for the playground's imports.
export { fill };
export const formatPercent = (value: number | null | undefined): string => formatShare(value, 1);

/** A stored failure as the student reads it: a divergence in their language with its epoch, anything else as stored. */
export function describeFailure(error: string | null | undefined, locale: Locale): string {
  const epoch = divergedEpoch(error);
  return epoch ? fill(T.diverged[locale], { e: epoch }) : `${T.failed[locale]}${error ?? ''}`;
}
