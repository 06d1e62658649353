import { describe, expect, it } from 'vitest';
import type { AnswerSpec, AnswerValue, NumberTree } from './answer-spec';
import { flatten } from './compare-answer';
import { registry } from './registry';
import { exerciseTypes, generate, grade, hints, mistakeCatalogue, seedOf, solve } from './index';

const SEEDS = Array.from({ length: 200 }, (_, i) => seedOf('student', `student-${i}`, 'any', 0));

/** Changes the first cell of an answer far beyond any tolerance (or picks another option). */
function perturb(spec: AnswerSpec, value: AnswerValue): AnswerValue {
  switch (spec.kind) {
    case 'fields': {
      const [first] = Object.keys(spec.fields);
      const fields = typeof value === 'object' && !Array.isArray(value) ? value : {};
      return { ...fields, [first]: perturb(spec.fields[first], fields[first]) };
    }
    case 'choice':
      return spec.options.find((option) => option.id !== value)!.id;
    case 'shape':
      return Array.isArray(value) ? [Number(value[0]) + 1, ...value.slice(1)] : value;
    default:
      return typeof value === 'number' || Array.isArray(value) ? perturbFirstNumber(value) : value;
  }
}

function perturbFirstNumber(value: NumberTree): NumberTree {
  if (typeof value === 'number') return value + 0.37 * Math.max(1, Math.abs(value));
  return [perturbFirstNumber(value[0]), ...value.slice(1)];
}

/** Every number moved far from anything a real computation gives (shapes: +97 per dimension). */
function scramble(spec: AnswerSpec, value: AnswerValue): AnswerValue {
  switch (spec.kind) {
    case 'fields': {
      const fields = typeof value === 'object' && !Array.isArray(value) ? value : {};
      return Object.fromEntries(Object.entries(spec.fields).map(([name, field]) => [name, scramble(field, fields[name])]));
    }
    case 'choice':
      return value;
    case 'shape':
      return Array.isArray(value) ? value.map((dim) => Number(dim) + 97) : value;
    default: {
      const move = (v: NumberTree): NumberTree => (typeof v === 'number' ? v * 7.31 + 11.17 : v.map(move));
      return typeof value === 'number' || Array.isArray(value) ? move(value) : value;
    }
  }
}

/** The expected answer with a named mistake's fields written over it. */
function withMistake(expected: AnswerValue, mistake: AnswerValue): AnswerValue {
  if (typeof expected === 'object' && !Array.isArray(expected) && typeof mistake === 'object' && !Array.isArray(mistake)) return { ...expected, ...mistake };
  return mistake;
}

interface NumberToken {
  value: number;
  significantDigits: number;
}

/**
 * Every number in a JSON value, including the ones written inside strings (prompt, labels).
 * Digits glued to a name (`w_2`, `x^2`, `C1`) are part of a symbol, not a value.
 */
function numbersIn(value: unknown): NumberToken[] {
  if (typeof value === 'number') return [{ value, significantDigits: 17 }];
  if (typeof value === 'string') {
    return [...value.matchAll(/(?<![A-Za-z_^\d.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)].map(([text]) => ({
      value: Number(text),
      significantDigits: text.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').length,
    }));
  }
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

const isSame = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** A shown number reveals `expected` if it equals it, or is it rounded to ≥ 3 significant digits. */
function reveals(token: NumberToken, expected: number): boolean {
  if (isSame(token.value, expected)) return true;
  return token.significantDigits >= 3 && token.significantDigits < 17 && isSame(Number(expected.toPrecision(token.significantDigits)), token.value);
}

describe.each(exerciseTypes.map((type) => [type.id]))('exercise type %s', (typeId) => {
  const exercise = registry.find((e) => e.meta.id === typeId)!;

  it('gives the engine-computed answer a score of 1 on 200 seeds', () => {
    for (const seed of SEEDS) {
      const result = grade(typeId, seed, solve(typeId, seed));
      expect(result, `seed ${seed}`).toMatchObject({ score: 1, correct: true });
      expect(result.invalid).toBeUndefined();
    }
  });

  it('scores an answer with one cell changed below 1, as a counted (valid) attempt', () => {
    for (const seed of SEEDS) {
      const { answer: spec } = generate(typeId, seed);
      const result = grade(typeId, seed, perturb(spec, solve(typeId, seed)));
      expect(result.invalid, `seed ${seed}`).toBeUndefined();
      expect(result.score, `seed ${seed}`).toBeLessThan(1);
      expect(result.correct).toBe(false);
    }
  });

  it('accepts the answer written as strings in scientific notation with spaces around', () => {
    const seed = SEEDS[0];
    const asStrings = (value: AnswerValue): unknown =>
      typeof value === 'number' ? ` ${value.toExponential(8)} ` : Array.isArray(value) ? value.map(asStrings) : typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asStrings(v)])) : value;
    expect(grade(typeId, seed, asStrings(solve(typeId, seed))).score).toBe(1);
  });

  it('never shows an expected value in the exercise, its answer spec or its hints', () => {
    for (const seed of SEEDS) {
      const shown = { ...generate(typeId, seed), hints: hints(typeId, seed) };
      // The inputs and the answer grid's own sizes are shown on purpose.
      const givenNumbers = numbersIn([shown.given, shown.answer]).map((t) => t.value);
      const tokens = numbersIn(shown);
      const secret = flatten(solve(typeId, seed)).filter(
        // Trivially small integers (0, ±1, ±2) and echoes of shown inputs or grid sizes are not secrets.
        (v) => !(isSame(v, Math.round(v)) && Math.abs(Math.round(v)) <= 2) && !givenNumbers.some((g) => isSame(g, v)),
      );
      for (const value of secret) {
        const leak = tokens.find((token) => reveals(token, value));
        expect(leak, `seed ${seed}: expected value ${value} appears as ${leak?.value}`).toBeUndefined();
      }
    }
  });

  it('names each of its typical mistakes when the answer is built from that mistaken computation', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const variant = exercise.variant(seed);
      for (const mistake of variant.mistakes) {
        const result = grade(typeId, seed, withMistake(variant.expected, mistake.answer));
        expect(result.mistake, `seed ${seed}, mistake ${mistake.id}`).toBe(mistake.id);
        expect(result.score).toBeLessThan(1);
        expect(result.feedback).toEqual(mistakeCatalogue[mistake.id]);
        seen.add(mistake.id);
      }
    }
    expect([...seen].sort()).toEqual([...exercise.meta.mistakeIds].sort());
  });

  it('does not name a mistake for a correct answer or an unrelated wrong one', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      expect(grade(typeId, seed, solve(typeId, seed)).mistake).toBeUndefined();
      const { answer: spec } = generate(typeId, seed);
      expect(grade(typeId, seed, scramble(spec, solve(typeId, seed))).mistake, `seed ${seed}`).toBeUndefined();
    }
  });

  it('accepts every value written as a fraction', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      // n / 10⁹ is exact to far better than the tolerance.
      const asFractions = (value: AnswerValue): unknown =>
        typeof value === 'number'
          ? `${Math.round(value * 1e9)}/1000000000`
          : Array.isArray(value)
            ? value.map(asFractions)
            : typeof value === 'object'
              ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asFractions(v)]))
              : value;
      expect(grade(typeId, seed, asFractions(solve(typeId, seed))).score, `seed ${seed}`).toBe(1);
    }
  });

  it('treats an answer of the wrong shape as invalid, with a message naming the expected format', () => {
    const seed = SEEDS[1];
    const result = grade(typeId, seed, [[1, 2, 3, 4, 5, 6, 7]]);
    expect(result.invalid).toBeDefined();
    expect(result.score).toBe(0);
    expect(result.parts).toBeUndefined();
    expect(result.invalid!.en).toMatch(/^Expected /);
    expect(result.invalid!.ko.length).toBeGreaterThan(0);
  });

  it('gives the same exercise for the same seed and different ones to neighbouring students', () => {
    expect(generate(typeId, 12345)).toEqual(generate(typeId, 12345));
    expect(solve(typeId, 12345)).toEqual(solve(typeId, 12345));
    let same = 0;
    for (let i = 0; i < 50; i++) {
      const a = generate(typeId, seedOf('live', 'session-1', 0, `p${i}`)).given;
      const b = generate(typeId, seedOf('live', 'session-1', 0, `p${i + 1}`)).given;
      if (JSON.stringify(a) === JSON.stringify(b)) same++;
    }
    expect(same).toBeLessThanOrEqual(2);
  });

  it('has bilingual prompts and one or two hints', () => {
    const shown = generate(typeId, SEEDS[2]);
    expect(shown.prompt.ko.length).toBeGreaterThan(20);
    expect(shown.prompt.en.length).toBeGreaterThan(20);
    const h = hints(typeId, SEEDS[2]);
    expect(h.length).toBeGreaterThanOrEqual(1);
    expect(h.length).toBeLessThanOrEqual(2);
  });
});
