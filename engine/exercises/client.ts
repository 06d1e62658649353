/**
 * What the browser may import from the exercises: answer shapes and their schemas, parsing and
 * validating typed numbers, and the type ids. No generator, solver, mistake detector or seed
 * function is reachable from here (tests/integration/client-chunks.test.ts scans the built
 * client chunks for them). Server code imports `@/engine/exercises`.
 */
export type { AnswerSpec, AnswerValue, AnswerFields, FieldSpec, ChoiceOption, Parts, NumberTree } from './answer-spec';
export { describeSpec } from './answer-spec';
export { ZAnswer, ZScalarAnswer, MAX_ANSWER_CELLS, type TAnswer } from './answer-schema';
export { validateAnswer, type ValidationResult } from './validate-answer';
export { parseNumber } from './parse-number';
export { EXERCISE_TYPE_IDS, isExerciseTypeId, type ExerciseTypeId } from './catalogue';
export type { LocalizedText } from './text';
export type { Json } from './definition';
