/**
 * Auto-graded numeric exercises with per-student random numbers. Pure: imports only the engine.
 * generate() is safe to send to a student; solve() and the expected values stay on the server.
 * Server-side only: browser code imports `./client` (answer shapes, number parsing, type ids).
 */

import 'server-only';import { z } from 'zod';
import type { AnswerSpec, AnswerValue } from './answer-spec';
import type { Exercise, ExerciseMeta, Json } from './definition';
import { gradeVariant, type GradeResult } from './grade-answer';
import { EXERCISE_TYPE_IDS } from './catalogue';
import { registry } from './registry';
import { isSeed } from './seeds';
import type { LocalizedText } from './text';
import type { WorkedStep } from './worked-steps';

export type { AnswerSpec, AnswerValue, FieldSpec, ChoiceOption, Parts, NumberTree } from './answer-spec';
export { describeSpec } from './answer-spec';
export { ZAnswer, ZScalarAnswer, MAX_ANSWER_CELLS, type TAnswer } from './answer-schema';
export { validateAnswer, type ValidationResult } from './validate-answer';
export { parseNumber } from './parse-number';
export { EXERCISE_TYPE_IDS, isExerciseTypeId, type ExerciseTypeId } from './catalogue';
export { mistakeCatalogue, isMistakeId, type MistakeId } from './mistakes';
export { seedOf } from './seeds';
export { DEFAULT_TOLERANCE, EXACT_TOLERANCE, isWithinTolerance, type Tolerance } from './tolerance';
export type { GradeResult } from './grade-answer';
export type { LocalizedText } from './text';
export type { Json } from './definition';
export type { WorkedStep } from './worked-steps';

/** A type's catalogue entry: id, topic, unit, bilingual title, difficulty, tolerance (with its doc) and the mistakes it names. */
export type ExerciseType = ExerciseMeta;

/** Catalogue of every type (safe to send to the browser). */
export const exerciseTypes: readonly ExerciseType[] = registry.map(({ meta }) => ({ ...meta }));

export const exerciseTypeIds: readonly string[] = exerciseTypes.map((type) => type.id);

const byId = new Map<string, Exercise>(registry.map((exercise) => [exercise.meta.id, exercise]));

// The browser's list of ids (catalogue.ts) must be the registry's, in the same order.
if (EXERCISE_TYPE_IDS.join() !== exerciseTypeIds.join()) {
  throw new Error(`engine/exercises/catalogue.ts lists ${EXERCISE_TYPE_IDS.join(', ')} but the registry has ${exerciseTypeIds.join(', ')}`);
}

export const ZExerciseTypeId = z.string().refine((id) => byId.has(id), { message: 'unknown exercise type' });
export const ZSeed = z.number().int().min(0).max(0xffffffff);

/** What a student is shown: never the expected answer. */
export interface GeneratedExercise {
  typeId: string;
  seed: number;
  prompt: LocalizedText;
  given: { [key: string]: Json };
  answer: AnswerSpec;
}


export function generate(typeId: string, seed: number): GeneratedExercise {
  const variant = variantOf(typeId, seed);
  return { typeId, seed, prompt: variant.prompt(), given: variant.given, answer: variant.spec };
}

/** The expected answer, computed with the engine. Server-side only. */
export function solve(typeId: string, seed: number): AnswerValue {
  return variantOf(typeId, seed).expected;
}

/**
 * Grades a submitted answer (any JSON). A wrong shape or format comes back `invalid` with
 * score 0, and callers do not count it as an attempt.
 */
export function grade(typeId: string, seed: number, answer: unknown): GradeResult {
  return gradeVariant(variantOf(typeId, seed), exerciseOf(typeId).meta.tolerance, answer);
}

/** One or two progressive hints, shown after a wrong attempt. */
export function hints(typeId: string, seed: number): LocalizedText[] {
  return variantOf(typeId, seed).hints();
}

/**
 * The worked solution, step by step. It holds the expected answer: serve it only once the
 * student's round is over (or the live question has closed).
 */
export function explain(typeId: string, seed: number): WorkedStep[] {
  return variantOf(typeId, seed).explain();
}

function exerciseOf(typeId: string): Exercise {
  const exercise = byId.get(typeId);
  if (!exercise) throw new RangeError(`unknown exercise type '${typeId}'`);
  return exercise;
}

function variantOf(typeId: string, seed: number) {
  if (!isSeed(seed)) throw new RangeError(`seed must be a 32-bit unsigned integer, got ${seed}`);
  return exerciseOf(typeId).variant(seed);
}
