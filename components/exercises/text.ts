import type { Localized } from '@/lib/i18n/locales';

// Every sentence of the exercise pages, in both languages.
export const TEXT = {
  answer: { ko: '답', en: 'Answer' },
  submit: { ko: '제출', en: 'Submit' },
  submitting: { ko: '채점 중…', en: 'Grading…' },
  retrying: { ko: '연결이 끊겨 다시 보내는 중…', en: 'Connection lost, sending again…' },
  attemptsLeft: { ko: '남은 시도', en: 'Attempts left' },
  variant: { ko: '변형', en: 'Variant' },
  score: { ko: '점수', en: 'Score' },
  correct: { ko: '정답', en: 'Correct' },
  wrong: { ko: '오답', en: 'Not yet right' },
  cellRight: { ko: '맞음', en: 'right' },
  cellWrong: { ko: '틀림', en: 'wrong' },
  cellEmpty: { ko: '비어 있음', en: 'empty' },
  cellUnreadable: { ko: '숫자가 아님', en: 'not a number' },
  unreadable: {
    ko: '표시한 칸을 숫자로 읽을 수 없습니다. 0.25, 1/4, 2.5e-1처럼 적으세요.',
    en: 'The marked box is not a number: write e.g. 0.25, 1/4 or 2.5e-1.',
  },
  unreadableMany: {
    ko: '표시한 칸 {n}개를 숫자로 읽을 수 없습니다. 0.25, 1/4, 2.5e-1처럼 적으세요.',
    en: 'The {n} marked boxes are not numbers: write e.g. 0.25, 1/4 or 2.5e-1.',
  },
  mistake: { ko: '흔한 실수', en: 'Typical mistake' },
  firstWrong: { ko: '처음 틀린 곳', en: 'First wrong value' },
  hints: { ko: '힌트', en: 'Hints' },
  hintOf: { ko: '힌트 {n}/{total}', en: 'Hint {n} of {total}' },
  hintsAfterWrong: { ko: '틀린 답을 제출하면 힌트가 하나씩 열립니다.', en: 'A hint opens after each wrong attempt.' },
  newVariant: { ko: '새 변형 풀기', en: 'Try a new variant' },
  solvedRoundOver: { ko: '새 숫자로 한 번 더 풀어 보세요.', en: 'Try it again with new numbers.' },
  noAttemptsLeft: {
    ko: '이 변형의 시도 3번을 모두 썼습니다. 새 숫자로 다시 도전하세요 (가장 높은 점수가 기록됩니다).',
    en: 'You have used all 3 attempts on this variant. Try a new one (your best score counts).',
  },
  graphForward: { ko: '간선 위: 순전파 값', en: 'above each edge: forward value' },
  graphBackward: { ko: '아래: 기울기 ∂L/∂(그 값)', en: 'below: gradient ∂L/∂(that value)' },
  scrollSideways: { ko: '그래프는 옆으로 밀어 볼 수 있습니다 →', en: 'swipe sideways to see the whole graph →' },
  solution: { ko: '풀이', en: 'Worked solution' },
  solutionNote: {
    ko: '엔진이 계산한 중간값입니다 (유효숫자 네 자리로 표시).',
    en: 'The intermediate values, computed by the engine (shown to four significant digits).',
  },
  history: { ko: '시도 기록', en: 'Attempt history' },
  noAttempts: { ko: '아직 시도가 없습니다.', en: 'No attempts yet.' },
  attempt: { ko: '시도', en: 'Attempt' },
  result: { ko: '결과', en: 'Result' },
  time: { ko: '시각', en: 'Time' },
  reload: { ko: '새로 고침', en: 'Reload' },
  signInAgain: { ko: '다시 로그인', en: 'Sign in again' },
  preview: {
    ko: '강사 미리보기 (시드 {seed}). 이 화면에서는 제출할 수 없습니다.',
    en: 'Instructor preview (seed {seed}). Nothing can be submitted here.',
  },
  tolerance: { ko: '채점 기준', en: 'Grading' },
  row: { ko: '{r}행', en: 'row {r}' },
  column: { ko: '{c}열', en: 'column {c}' },
  entry: { ko: '{i}번째 값', en: 'entry {i}' },
  shapePlaceholder: { ko: '예: [6, 28, 28]', en: 'e.g. [6, 28, 28]' },
  gridHelp: {
    ko: 'Tab 또는 화살표 키로 칸을 옮길 수 있습니다. 분수(1/4)와 지수(2.5e-1) 표기도 됩니다.',
    en: 'Move between cells with Tab or the arrow keys. Fractions (1/4) and scientific notation (2.5e-1) work too.',
  },
  numberHelp: {
    ko: '분수(1/4)와 지수(2.5e-1) 표기도 됩니다.',
    en: 'Fractions (1/4) and scientific notation (2.5e-1) work too.',
  },
  network: {
    ko: '서버에 연결할 수 없습니다. 입력한 답은 그대로 있습니다. 다시 제출해도 두 번 채점되지 않습니다.',
    en: 'Could not reach the server. Your answer is still here; submitting again will not count twice.',
  },
  replaced: {
    ko: '이 문제는 이미 새 변형으로 바뀌었습니다 (다른 탭에서 제출했을 수 있습니다).',
    en: 'This variant was already replaced (perhaps you submitted in another tab).',
  },
  sessionExpired: {
    ko: '로그인이 만료되었습니다. 입력한 답은 이 브라우저에 저장되어 있으니 다시 로그인한 뒤 제출하세요.',
    en: 'Your session has expired. Your answer is saved in this browser: sign in again, then submit.',
  },
} satisfies Record<string, Localized>;

/** Fills `{name}` placeholders: the shared lib/i18n fill(), under the name the exercise screens use. */
export { fill as format } from '@/lib/i18n/fill';
