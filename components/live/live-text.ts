import type { Localized } from '@/lib/i18n/locales';
import type { TLiveStateName } from '@/lib/live/protocol/live-payloads';

// Every sentence of the live screens, in both languages.
export const LIVE_TEXT = {
  joinTitle: { ko: '라이브 세션 참여', en: 'Join a live session' },
  pin: { ko: 'PIN (6자리 숫자)', en: 'PIN (6 digits)' },
  nickname: { ko: '닉네임', en: 'Nickname' },
  nicknameHelp: { ko: '리더보드에 보이는 이름입니다.', en: 'The name shown on the leaderboard.' },
  signedInAs: { ko: '로그인한 계정으로 참여합니다:', en: 'You join with your account:' },
  guestNote: { ko: '로그인하지 않았다면 진행자가 게스트를 허용한 세션에만 닉네임으로 참여할 수 있습니다.', en: 'Without signing in you can join, with a nickname, sessions that allow guests.' },
  signIn: { ko: '로그인', en: 'Sign in' },
  join: { ko: '참여하기', en: 'Join' },
  joining: { ko: '참여하는 중…', en: 'Joining…' },
  connecting: { ko: '연결하는 중…', en: 'Connecting…' },
  offline: { ko: '연결이 끊겼습니다. 다시 연결하는 중… (답은 저장되어 있습니다)', en: 'Connection lost. Reconnecting… (your answers are saved)' },
  lobbyIn: { ko: '참여했습니다!', en: "You're in!" },
  lobbyWait: { ko: '진행자가 시작하기를 기다리는 중입니다.', en: 'Waiting for the host to start.' },
  question: { ko: '문제', en: 'Question' },
  of: { ko: '/', en: 'of' },
  secondsLeft: { ko: '남은 시간', en: 'Time left' },
  seconds: { ko: '초', en: 's' },
  answer: { ko: '답', en: 'Answer' },
  submit: { ko: '답 제출', en: 'Submit answer' },
  sending: { ko: '보내는 중…', en: 'Sending…' },
  resending: { ko: '연결이 끊겨 다시 보내는 중…', en: 'Connection lost, sending again…' },
  submitted: { ko: '답을 받았습니다. 문제가 끝나기를 기다리는 중…', en: 'Answer received. Waiting for the question to close…' },
  yourAnswer: { ko: '제출한 답', en: 'Your answer' },
  allDone: { ko: '모든 문제를 풀었습니다! 마감되면 최종 순위가 나옵니다.', en: 'You have answered every question! The final ranking comes at the deadline.' },
  deadline: { ko: '마감', en: 'Deadline' },
  finishedPlayers: { ko: '모두 완료', en: 'finished' },
  endAndPodium: { ko: '끝내고 최종 순위 보기', en: 'End and show the podium' },
  timeUp: { ko: '시간이 끝났습니다. 결과를 기다리는 중…', en: "Time's up. Waiting for the results…" },
  correct: { ko: '정답!', en: 'Correct!' },
  partly: { ko: '부분 정답', en: 'Partly right' },
  wrong: { ko: '오답', en: 'Not right' },
  noAnswer: { ko: '답하지 못했습니다', en: 'No answer' },
  points: { ko: '점', en: 'points' },
  streak: { ko: '연속 정답', en: 'Streak' },
  totalScore: { ko: '총점', en: 'Total' },
  rank: { ko: '순위', en: 'Rank' },
  mistake: { ko: '흔한 실수', en: 'Typical mistake' },
  leaderboard: { ko: '리더보드', en: 'Leaderboard' },
  yourRank: { ko: '내 순위', en: 'Your rank' },
  podium: { ko: '최종 순위', en: 'Final podium' },
  newSession: { ko: '새 세션 만들기', en: 'Start a new session' },
  toHome: { ko: 'Backprop Live 처음으로', en: 'Back to Backprop Live' },
  finished: { ko: '세션이 끝났습니다. 수고했습니다!', en: 'The session is over. Well played!' },
  waitingNext: { ko: '다음 문제를 기다리는 중…', en: 'Waiting for the next question…' },
  kicked: { ko: '진행자가 이 세션에서 내보냈습니다.', en: 'The host removed you from this session.' },
  rejoin: { ko: 'PIN으로 다시 참여', en: 'Join again with the PIN' },
  // Host
  exampleNumbers: { ko: '예시 숫자입니다. 학생마다 자기 숫자로 풉니다.', en: 'Example numbers: every student solves their own.' },
  hostTitle: { ko: '라이브 세션 진행', en: 'Host a live session' },
  joinAt: { ko: '참여 주소', en: 'Join at' },
  qrAlt: { ko: '참여 주소와 PIN으로 연결되는 QR 코드', en: 'QR code linking to the join page with the PIN' },
  players: { ko: '참가자', en: 'Players' },
  joined: { ko: '참여', en: 'joined' },
  answered: { ko: '답함', en: 'answered' },
  noPlayers: { ko: '아직 참가자가 없습니다. 학생들에게 PIN을 알려 주세요.', en: 'No players yet. Share the PIN with your students.' },
  start: { ko: '시작', en: 'Start' },
  skip: { ko: '지금 마감 (건너뛰기)', en: 'Close now (skip)' },
  showLeaderboard: { ko: '리더보드 보기', en: 'Show leaderboard' },
  nextQuestion: { ko: '다음 문제', en: 'Next question' },
  showPodium: { ko: '최종 순위 보기', en: 'Show podium' },
  end: { ko: '세션 끝내기', en: 'End session' },
  endConfirm: { ko: '세션을 끝낼까요? 진행 중인 문제는 마감됩니다.', en: 'End the session? An open question is closed first.' },
  lock: { ko: '참여 잠그기', en: 'Lock joining' },
  unlock: { ko: '참여 열기', en: 'Unlock joining' },
  locked: { ko: '잠김: 새 참가자는 들어올 수 없습니다', en: 'Locked: no new players' },
  kick: { ko: '내보내기', en: 'Remove' },
  kickConfirm: { ko: '이 참가자를 내보낼까요?', en: 'Remove this player?' },
  results: { ko: '결과', en: 'Results' },
  shareCorrect: { ko: '정답률', en: 'Correct' },
  histogram: { ko: '점수 분포 (학생마다 숫자가 달라 답 대신 채점 점수로 나눕니다)', en: 'Score distribution (every student has different numbers, so answers are grouped by grade)' },
  topMistakes: { ko: '가장 흔한 실수', en: 'Most frequent mistakes' },
  noMistakes: { ko: '이름 붙은 실수가 없습니다.', en: 'No named mistakes.' },
  correctnessView: { ko: '정답 여부만 보기 (속도 제외)', en: 'Correctness only (no speed)' },
  hideCorrectness: { ko: '정답 여부 보기 닫기', en: 'Hide correctness view' },
  perQuestion: { ko: '문제별 정답률', en: 'Share correct per question' },
  perStudent: { ko: '학생별 점수', en: 'Grade per student' },
  guest: { ko: '게스트', en: 'guest' },
  fullResults: { ko: '전체 결과 (JSON)', en: 'Full results (JSON)' },
  inGradebook: { ko: '수업 성적표에서 결과 보기', en: 'See the results in the class gradebook' },
  stale: { ko: '세션이 이미 다음 단계로 넘어갔습니다.', en: 'The session has already moved on.' },
  selfPacedNote: { ko: '자기 주도 모드: 학생들이 마감 전까지 각자 속도로 풉니다.', en: 'Self-paced: students work at their own pace until the deadline.' },
  // Create
  createTitle: { ko: '새 라이브 세션', en: 'New live session' },
  klass: { ko: '수업', en: 'Class' },
  source: { ko: '문제 고르기', en: 'Questions' },
  fromUnit: { ko: '유닛의 모든 문제', en: 'All exercises of a unit' },
  handPicked: { ko: '직접 고르기', en: 'Hand-picked' },
  unit: { ko: '유닛', en: 'Unit' },
  timeLimit: { ko: '제한 시간 (초, 10–120)', en: 'Time limit (s, 10–120)' },
  mode: { ko: '진행 방식', en: 'Pacing' },
  instructorPaced: { ko: '진행자 주도 (문제마다 함께)', en: 'Instructor-paced (everyone together)' },
  selfPaced: { ko: '자기 주도 (마감까지 각자)', en: 'Self-paced (each at their own pace until a deadline)' },
  deadlineMinutes: { ko: '마감까지 (분)', en: 'Deadline in (minutes)' },
  allowGuests: { ko: '게스트 허용 (로그인 없이 닉네임으로 참여)', en: 'Allow guests (join with a nickname, without an account)' },
  create: { ko: '세션 만들기', en: 'Create session' },
  creating: { ko: '만드는 중…', en: 'Creating…' },
  noClasses: { ko: '강사로 있는 수업이 없습니다. 먼저 수업을 만드세요.', en: 'You are not an instructor of any class yet. Create a class first.' },
  pickAtLeastOne: { ko: '문제를 하나 이상 고르세요.', en: 'Pick at least one exercise.' },
  recent: { ko: '최근 세션', en: 'Recent sessions' },
  open: { ko: '열기', en: 'Open' },
  next: { ko: '다음', en: 'Next' },
} satisfies Record<string, Localized>;

/** What a session's state means, as the recent-sessions list shows it. */
export const LIVE_STATE_TEXT = {
  LOBBY: { ko: '대기실 (시작 전)', en: 'Lobby (not started)' },
  QUESTION: { ko: '문제 진행 중', en: 'Question open' },
  RESULTS: { ko: '결과 보는 중', en: 'Showing results' },
  LEADERBOARD: { ko: '리더보드 보는 중', en: 'Showing the leaderboard' },
  FINISHED: { ko: '끝남', en: 'Ended' },
} satisfies Record<TLiveStateName, Localized>;

const COUNT_NOUNS = {
  players: { ko: (count: number) => `참가자 ${count}명`, en: ['player', 'players'] },
  questions: { ko: (count: number) => `문제 ${count}개`, en: ['question', 'questions'] },
} as const;

/** "1 player", "2 players"; "참가자 2명", "문제 2개". */
export function formatCount(count: number, noun: keyof typeof COUNT_NOUNS, locale: 'ko' | 'en'): string {
  if (locale === 'ko') return COUNT_NOUNS[noun].ko(count);
  const [one, other] = COUNT_NOUNS[noun].en;
  return `${count} ${new Intl.PluralRules('en').select(count) === 'one' ? one : other}`;
}

export function formatRank(rank: number, count: number, locale: 'ko' | 'en'): string {
  return locale === 'ko' ? `${count}명 중 ${rank}위` : `#${rank} of ${count}`;
}
