import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { generate, solve, type AnswerSpec, type AnswerValue } from '@/engine/exercises';
import { registry } from '@/engine/exercises/registry';
import { liveSeed } from '@/lib/live/variants/live-variant';

// A player's phone answering a live exercise question in the browser tests: the player's own
// variant (its keyed seed, as the server draws it), the right answer or one named mistake, typed
// into the answer form's cells.

/** The cells of an answer in the order the answer form lays them out (fields in spec order, rows first). */
export function cellsInOrder(spec: AnswerSpec, value: AnswerValue): string[] {
  if (spec.kind === 'fields') {
    const record = value as Record<string, AnswerValue>;
    return Object.entries(spec.fields).flatMap(([name, field]) => cellsInOrder(field, record[name]));
  }
  if (Array.isArray(value)) return value.flatMap((item) => cellsInOrder({ kind: 'scalar' }, item as AnswerValue));
  return [String(value)];
}

/** Types the values into the question's answer cells, in order. */
export async function fillCells(page: Page, values: string[]) {
  const inputs = page.locator('[data-testid="question"] form input[type="text"]');
  await expect.poll(() => inputs.count()).toBe(values.length);
  for (const [i, value] of values.entries()) await inputs.nth(i).fill(value);
}

/** The player's variant of question `index`: its answer grid, the expected answer and the named mistakes it can make. */
export async function liveVariantOf(sessionId: string, index: number, participantId: string, typeId: string) {
  const seed = await liveSeed({ sessionId, questionIndex: index, participantId, typeId });
  return { seed, spec: generate(typeId, seed).answer, expected: solve(typeId, seed), mistakes: registry.find((e) => e.meta.id === typeId)!.variant(seed).mistakes };
}

/** Types the right answer, or the answer with `mistakeId` made, and submits it. */
export async function answerLive(page: Page, where: { sessionId: string; index: number; participantId: string; typeId: string }, mistakeId: string | null, submitLabel: string) {
  const { spec, expected, mistakes } = await liveVariantOf(where.sessionId, where.index, where.participantId, where.typeId);
  const mistake = mistakeId ? mistakes.find((m) => m.id === mistakeId) : undefined;
  const value = mistake ? { ...(expected as Record<string, number>), ...(mistake.answer as Record<string, number>) } : expected;
  await fillCells(page, cellsInOrder(spec, value));
  await page.getByRole('button', { name: submitLabel }).click();
  await page.getByTestId('submitted').waitFor();
}
