import { toCsv } from '@/lib/http/csv';
import type { Locale } from '@/lib/i18n/locales';
import type { QuestionStatsReport } from '@/lib/course/stats/get-question-stats';

const HEADERS = {
  type: { ko: '연습문제', en: 'Exercise' },
  attempts: { ko: '시도', en: 'Attempts' },
  students: { ko: '학생', en: 'Students' },
  variants: { ko: '변형', en: 'Variants' },
  mean: { ko: '평균 점수 %', en: 'Mean score %' },
  first: { ko: '첫 시도 정답률 %', en: 'First-try success %' },
  toSolve: { ko: '해결까지 평균 시도', en: 'Mean attempts to solve' },
  discrimination: { ko: '변별도 (r)', en: 'Discrimination (r)' },
  mistakes: { ko: '주요 실수', en: 'Top mistakes' },
  hardest: { ko: '어려운 변형 조건', en: 'Hardest variant conditions' },
} as const;

const num = (value: number | null, digits: number) => (value === null ? '' : String(Math.round(value * 10 ** digits) / 10 ** digits));

export function buildStatsCsv(report: QuestionStatsReport, titles: Map<string, string>, locale: Locale): string {
  const header = Object.values(HEADERS).map((text) => text[locale]);
  const lines = report.items.map((item) => [
    titles.get(item.typeId) ?? item.typeId,
    String(item.attempts),
    String(item.students),
    String(item.variants),
    num(item.meanScore === null ? null : item.meanScore * 100, 1),
    num(item.firstTrySuccess === null ? null : item.firstTrySuccess * 100, 1),
    num(item.meanAttemptsToSolve, 2),
    num(item.discrimination, 3),
    item.topMistakes.map((m) => `${m.mistakeId} (${m.attempts})`).join('; '),
    item.hardestConditions.map((c) => `${c.condition}: ${Math.round(c.failureRate * 100)}% (×${c.ratio.toFixed(1)}, n=${c.variants})`).join('; '),
  ]);
  return toCsv([header, ...lines]);
}
