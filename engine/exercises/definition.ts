import 'server-only';
import { rng } from '../index';
import type { AnswerFields, AnswerSpec, AnswerValue } from './answer-spec';
import { flatten, isAnswerDistinguishable } from './compare-answer';
import type { MistakeId } from './mistakes';
import { Random } from './random';
import { variantSeed } from './seeds';
import type { LocalizedText } from './text';
import type { Tolerance } from './tolerance';
import type { WorkedStep } from './worked-steps';

/** JSON data: what `given` may hold, so it travels to the browser unchanged. */
export type Json = number | string | boolean | null | Json[] | { [key: string]: Json };

export interface ExerciseMeta {
  id: string;
  /** Course topic, e.g. 'backprop'; the lecture unit id it belongs to. */
  topic: string;
  unit: string;
  title: LocalizedText;
  /** 1 = one formula, 2 = a few steps, 3 = a multi-step computation. */
  difficulty: 1 | 2 | 3;
  tolerance: Tolerance;
  /** Every typical mistake this type can name (see mistakeCatalogue). */
  mistakeIds: readonly MistakeId[];
}

/**
 * The answer a typical mistake produces. For a `fields` answer it may name only the fields the
 * mistake touches (a forgotten transpose in dW leaves dX right).
 */
export interface MistakeCandidate<E extends AnswerValue = AnswerValue> {
  id: MistakeId;
  answer: E extends AnswerFields ? Partial<E> : E;
}

/** A candidate as the grader holds it: the partial record with its absent fields dropped. */
export interface NamedMistake {
  id: MistakeId;
  answer: AnswerValue;
}

/**
 * One exercise type. `G` is the data shown (`given`), `E` the expected answer. Everything is
 * computed from `given` with the engine, so generate, solve and grade agree by construction.
 */
export interface ExerciseDefinition<G extends { [key: string]: Json }, E extends AnswerValue> {
  meta: ExerciseMeta;
  /** Draws the numbers shown, already rounded. */
  draw(random: Random): G;
  spec(given: G): AnswerSpec;
  solve(given: G): E;
  /** The answers of this type's typical mistakes, each computed by running the mistaken computation. */
  mistakes(given: G, expected: E): MistakeCandidate<E>[];
  /** Type-specific self-check (no saturated sigmoid, no near one-hot softmax, …). */
  isAcceptable?(given: G, expected: E): boolean;
  /**
   * Error carried forward: the values to expect given the student's own upstream answers, so
   * one slip is not punished again downstream. `answer` has already been validated against the spec.
   */
  expectedFor?(given: G, answer: AnswerValue, expected: E): E;
  prompt(given: G): LocalizedText;
  hints(given: G): LocalizedText[];
  /**
   * The worked solution: every intermediate value, step by step, computed with the engine
   * independently of solve() (the tests hold each answer step to solve's value).
   */
  explain(given: G): WorkedStep[];
}

/** A type with its data type erased, as the registry holds it. */
export interface Exercise {
  meta: ExerciseMeta;
  variant(seed: number): Variant;
}

export interface Variant {
  given: { [key: string]: Json };
  spec: AnswerSpec;
  expected: AnswerValue;
  mistakes: NamedMistake[];
  prompt(): LocalizedText;
  hints(): LocalizedText[];
  expectedFor(answer: AnswerValue): AnswerValue;
  explain(): WorkedStep[];
}

/** Rejected draws before we give up; real types accept well within a handful. */
const MAX_DRAWS = 500;

export function defineExercise<G extends { [key: string]: Json }, E extends AnswerValue>(definition: ExerciseDefinition<G, E>): Exercise {
  const { meta } = definition;
  return {
    meta,
    variant(seed: number): Variant {
      for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
        const given = definition.draw(new Random(rng(variantSeed(seed, attempt))));
        const spec = definition.spec(given);
        const expected = definition.solve(given);
        if (definition.isAcceptable && !definition.isAcceptable(given, expected)) continue;
        const candidates = definition.mistakes(given, expected).map(({ id, answer }) => {
          if (!meta.mistakeIds.includes(id)) throw new Error(`exercise ${meta.id}: mistake '${id}' is missing from meta.mistakeIds`);
          return { id, answer: compactAnswer(answer) };
        });
        const mistakes = usableMistakes(spec, expected, candidates, meta.tolerance);
        if (mistakes === null) continue;
        return {
          given,
          spec,
          expected,
          mistakes,
          prompt: () => definition.prompt(given),
          hints: () => definition.hints(given),
          explain: () => definition.explain(given),
          expectedFor: (answer) => (definition.expectedFor ? definition.expectedFor(given, answer, expected) : expected),
        };
      }
      throw new Error(`exercise ${meta.id}: no acceptable variant for seed ${seed} in ${MAX_DRAWS} draws`);
    },
  };
}

/**
 * A named mistake is only useful when no answer can match both it and the right answer; such a
 * draw is rejected. When two mistakes over the same fields give the same answer, the first
 * (the more typical one, by listing order) is kept and the other dropped.
 */
function usableMistakes(spec: AnswerSpec, expected: AnswerValue, mistakes: readonly NamedMistake[], tolerance: Tolerance): NamedMistake[] | null {
  if (!flatten(expected).every(Number.isFinite)) return null;
  const kept: NamedMistake[] = [];
  for (const mistake of mistakes) {
    if (!flatten(mistake.answer).every(Number.isFinite)) return null;
    if (!isAnswerDistinguishable(spec, mistake.answer, expected, tolerance)) return null;
    const isDuplicate = kept.some((other) => sameFields(mistake.answer, other.answer) && !isAnswerDistinguishable(spec, mistake.answer, other.answer, tolerance));
    if (!isDuplicate) kept.push(mistake);
  }
  return kept;
}

function sameFields(a: AnswerValue, b: AnswerValue): boolean {
  const isRecord = (v: AnswerValue) => typeof v === 'object' && !Array.isArray(v);
  if (!isRecord(a) || !isRecord(b)) return true;
  const keysA = Object.keys(a).sort().join(',');
  return keysA === Object.keys(b).sort().join(',');
}

function compactAnswer(answer: AnswerValue | Partial<AnswerFields>): AnswerValue {
  if (typeof answer !== 'object' || Array.isArray(answer)) return answer;
  const fields: AnswerFields = {};
  for (const [name, value] of Object.entries(answer)) if (value !== undefined) fields[name] = value;
  return fields;
}
