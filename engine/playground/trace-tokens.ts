import type { TTransformerConfig } from './config-schema';

// Your own sentence for a trained tiny Transformer. The model knows only the tokens 0 … vocab − 1
// and reads exactly seqLength of them (its position table has seqLength rows), so a sentence is
// mapped to tokens by a rule a student can follow by hand:
//   - digits only ("3 1 4 1 5 2", commas or spaces between): those tokens, as typed;
//   - anything else: its words (runs of letters and digits, lower-cased), each word replaced by
//     its rank among the sentence's different words in code-point order — the alphabetically
//     first word becomes 0, the next different word 1, … (for Hangul, code-point order is
//     가나다 order). Sorting the tokens therefore sorts the words, reversing them reverses the words.
//     Emoji, symbols and punctuation are not words: they are skipped, and a refusal names them
//     (six emoji are "no words", never "you gave 0").
// Client-safe: the form checks as the student types, the server checks again.

/** Longest text accepted, in characters (far above seqLength ≤ 10 words). */
export const TRACE_TEXT_MAX = 200;

export type TraceTokenization = {
  kind: 'tokens' | 'words';
  tokens: number[];
  /** What each token stands for: the word (words) or the token itself ("3"). */
  labels: string[];
  /** token → word, for reading the model's output tokens back as words (words only). */
  vocabulary: Record<number, string>;
};

export type TraceTextProblem =
  | { reason: 'empty' }
  | { reason: 'too-long'; max: number }
  | { reason: 'control-character' }
  | { reason: 'token-out-of-range'; token: string; vocab: number }
  | { reason: 'wrong-length'; count: number; seqLength: number; kind: 'tokens' | 'words'; skipped?: string[] }
  | { reason: 'no-words'; seqLength: number; skipped: string[] }
  | { reason: 'too-many-words'; distinct: number; vocab: number };

export type TraceTextResult = { ok: true; value: TraceTokenization } | { ok: false; problem: TraceTextProblem };

const TOKEN_LIST = /^\d+(?:[\s,]+\d+)*$/u;
const WORD = /[\p{L}\p{N}]+/gu;
/** C0/C1 controls (NUL included), DEL, and invisible format characters (zero-width, direction overrides). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
/** The zero-width joiner inside an emoji (👩‍💻, 👨‍👩‍👧) is part of the emoji, not a hidden character. */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\u{FE0F}?[\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})/gu;
const SYMBOL = /[\p{S}\p{Extended_Pictographic}]/u;
/** At most this many skipped characters are named in a refusal. */
const SKIPPED_SHOWN = 3;

export function tokenizeTraceText(text: string, model: Pick<TTransformerConfig, 'vocab' | 'seqLength'>): TraceTextResult {
  if (INVISIBLE.test(text.replace(EMOJI_JOINER, ''))) return { ok: false, problem: { reason: 'control-character' } };
  if (text.length > TRACE_TEXT_MAX) return { ok: false, problem: { reason: 'too-long', max: TRACE_TEXT_MAX } };
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '') return { ok: false, problem: { reason: 'empty' } };

  if (TOKEN_LIST.test(trimmed)) {
    const typed = trimmed.split(/[\s,]+/u);
    const outside = typed.find((token) => Number(token) >= model.vocab);
    if (outside !== undefined) return { ok: false, problem: { reason: 'token-out-of-range', token: outside, vocab: model.vocab } };
    if (typed.length !== model.seqLength) return { ok: false, problem: { reason: 'wrong-length', count: typed.length, seqLength: model.seqLength, kind: 'tokens' } };
    const tokens = typed.map(Number);
    return { ok: true, value: { kind: 'tokens', tokens, labels: tokens.map(String), vocabulary: {} } };
  }

  const words = (trimmed.toLowerCase().match(WORD) ?? []).map((word) => word.normalize('NFC'));
  if (words.length === 0) return { ok: false, problem: { reason: 'no-words', seqLength: model.seqLength, skipped: skippedCharacters(trimmed, () => true) } };
  if (words.length !== model.seqLength) {
    const skipped = skippedCharacters(trimmed, (character) => SYMBOL.test(character));
    return { ok: false, problem: { reason: 'wrong-length', count: words.length, seqLength: model.seqLength, kind: 'words', ...(skipped.length > 0 ? { skipped } : {}) } };
  }
  const distinct = [...new Set(words)].sort(compareCodePoints);
  if (distinct.length > model.vocab) return { ok: false, problem: { reason: 'too-many-words', distinct: distinct.length, vocab: model.vocab } };
  const rank = new Map(distinct.map((word, i) => [word, i]));
  const vocabulary: Record<number, string> = {};
  distinct.forEach((word, i) => (vocabulary[i] = word));
  return { ok: true, value: { kind: 'words', tokens: words.map((word) => rank.get(word) ?? 0), labels: words, vocabulary } };
}

/** The first few different characters (whole emoji, as the reader sees them) that no word took and `isNamed` accepts. */
function skippedCharacters(text: string, isNamed: (character: string) => boolean): string[] {
  const found = new Set<string>();
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text.replace(WORD, ' '))) {
    if (found.size === SKIPPED_SHOWN) break;
    if (segment.trim() !== '' && isNamed(segment)) found.add(segment);
  }
  return [...found];
}

/** Code-point order (not UTF-16 units, not the locale's collation): the same on every machine. */
function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = (left[i].codePointAt(0) ?? 0) - (right[i].codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** A token as a word of the sentence (words), else the token itself. */
export function tokenLabel(token: number, tokenization: Pick<TraceTokenization, 'vocabulary'>): string {
  return tokenization.vocabulary[token] ?? String(token);
}

/** What the student reads when a sentence cannot be traced, in both languages. */
export function describeTraceTextProblem(problem: TraceTextProblem): { ko: string; en: string } {
  switch (problem.reason) {
    case 'empty':
      return { ko: '문장이나 토큰을 입력하세요.', en: 'Type a sentence or a token sequence.' };
    case 'too-long':
      return { ko: `${problem.max}자 이하로 입력하세요.`, en: `Keep it to ${problem.max} characters or fewer.` };
    case 'control-character':
      return { ko: '보이지 않는 제어 문자가 들어 있습니다. 글자, 숫자, 공백만 쓰세요.', en: 'It contains invisible control characters. Use letters, digits and spaces only.' };
    case 'token-out-of-range':
      return { ko: `토큰 ${problem.token}은(는) 이 모델에 없습니다: 토큰은 0–${problem.vocab - 1}입니다.`, en: `Token ${problem.token} is not in this model: its tokens are 0–${problem.vocab - 1}.` };
    case 'wrong-length': {
      if (problem.kind === 'tokens') return { ko: `이 모델은 토큰을 정확히 ${problem.seqLength}개 읽습니다 (입력: ${problem.count}개).`, en: `This model reads exactly ${problem.seqLength} tokens (you gave ${problem.count}).` };
      const skipped = problem.skipped?.join(' ');
      return {
        ko: `이 모델은 정확히 ${problem.seqLength}단어를 읽습니다 (입력: ${problem.count}단어).${skipped ? ` 이모지와 기호(${skipped})는 단어로 세지 않습니다.` : ''}`,
        en: `This model reads exactly ${problem.seqLength} words (you gave ${problem.count}).${skipped ? ` Emoji and symbols (${skipped}) are not words.` : ''}`,
      };
    }
    case 'no-words': {
      const skipped = problem.skipped.join(' ');
      return {
        ko: `읽을 단어가 없습니다: 단어는 글자나 숫자가 이어진 것이라 이모지와 기호(${skipped})는 건너뜁니다. ${problem.seqLength}단어나 토큰 ${problem.seqLength}개를 입력하세요.`,
        en: `There are no words to read: a word is a run of letters or digits, so emoji and symbols (${skipped}) are skipped. Type ${problem.seqLength} words or ${problem.seqLength} tokens.`,
      };
    }
    case 'too-many-words':
      return { ko: `서로 다른 단어가 ${problem.distinct}개인데 이 모델의 토큰은 ${problem.vocab}개뿐입니다. 같은 단어를 반복해 보세요.`, en: `Your sentence has ${problem.distinct} different words, but this model has only ${problem.vocab} tokens. Repeat some words.` };
  }
}
