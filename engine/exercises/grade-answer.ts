import type { AnswerSpec, AnswerValue, Parts } from './answer-spec';
import { compareAnswer, countCells, matchesAnswer } from './compare-answer';
import type { Variant } from './definition';
import { mistakeCatalogue, type MistakeId } from './mistakes';
import type { LocalizedText } from './text';
import type { Tolerance } from './tolerance';
import { validateAnswer } from './validate-answer';

/** What a student (and the class statistics) may see: never the expected value. */
export interface GradeResult {
  /** 0…1: share of right cells; a `fields` answer averages its fields. */
  score: number;
  correct: boolean;
  /** Per field / per cell correctness, shaped like the answer; absent for an invalid answer. */
  parts?: Parts;
  feedback: LocalizedText;
  /** The typical mistake the answer matches, from `mistakeCatalogue`. */
  mistake?: MistakeId;
  /** Set when the answer has the wrong shape or format: not an attempt, score 0. */
  invalid?: LocalizedText;
  /** For a `fields` answer: the first field, in spec order, that is not fully right. */
  firstWrong?: string;
}

export function gradeVariant(variant: Variant, tolerance: Tolerance, answer: unknown): GradeResult {
  const checked = validateAnswer(variant.spec, answer);
  if (!checked.ok) return { score: 0, correct: false, feedback: checked.message, invalid: checked.message };

  const expected = variant.expectedFor(checked.value);
  const comparison = compareAnswer(variant.spec, checked.value, expected, tolerance);
  if (comparison.score === 1) {
    return { score: 1, correct: true, parts: comparison.parts, feedback: { ko: '정답입니다!', en: 'Correct!' } };
  }
  const firstWrong = findFirstWrong(variant.spec, comparison.parts);
  const mistake = findMistake(variant, tolerance, checked.value);
  return {
    score: comparison.score,
    correct: false,
    parts: comparison.parts,
    feedback: mistake ? mistakeCatalogue[mistake] : partialFeedback(variant.spec, comparison.correctCells, comparison.totalCells, firstWrong),
    ...(mistake ? { mistake } : {}),
    ...(firstWrong ? { firstWrong } : {}),
  };
}

/**
 * The named mistake the answer matches, if any. When several match (one mistake's fields
 * contain another's), the most specific one — the one covering most cells — wins.
 */
function findMistake(variant: Variant, tolerance: Tolerance, answer: AnswerValue): MistakeId | undefined {
  let best: { id: MistakeId; cells: number } | undefined;
  for (const candidate of variant.mistakes) {
    if (!matchesAnswer(variant.spec, answer, candidate.answer, tolerance)) continue;
    const cells = countCells(candidate.answer);
    if (!best || cells > best.cells) best = { id: candidate.id, cells };
  }
  return best?.id;
}

function findFirstWrong(spec: AnswerSpec, parts: Parts): string | undefined {
  if (spec.kind !== 'fields' || typeof parts !== 'object' || Array.isArray(parts)) return undefined;
  return Object.keys(spec.fields).find((name) => !isAllTrue(parts[name]));
}

function isAllTrue(parts: Parts | undefined): boolean {
  if (parts === undefined) return false;
  if (typeof parts === 'boolean') return parts;
  if (Array.isArray(parts)) return parts.length > 0 && parts.every(isAllTrue);
  return Object.values(parts).every(isAllTrue);
}

function partialFeedback(spec: AnswerSpec, correctCells: number, totalCells: number, firstWrong: string | undefined): LocalizedText {
  const label = firstWrong && spec.kind === 'fields' ? spec.fields[firstWrong].label : undefined;
  const where = firstWrong ? { ko: ` 먼저 ${label?.ko ?? firstWrong}부터 확인해 보세요.`, en: ` Start by checking ${label?.en ?? firstWrong}.` } : { ko: '', en: '' };
  if (totalCells === 1 || correctCells === 0) {
    return { ko: `아직 정답이 아닙니다.${where.ko}`, en: `Not yet right.${where.en}` };
  }
  return {
    ko: `${totalCells}개 값 중 ${correctCells}개가 맞았습니다.${where.ko}`,
    en: `${correctCells} of ${totalCells} values are right.${where.en}`,
  };
}
