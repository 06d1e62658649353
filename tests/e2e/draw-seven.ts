import type { Page } from 'playwright-core';

/** A "7" drawn with the mouse on the draw-a-digit square: across the top, then down to the lower left, in small steps as a hand moves. */
export async function drawSeven(page: Page): Promise<void> {
  const canvas = page.getByTestId('draw-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = (fx: number, fy: number): [number, number] => [box.x + box.width * fx, box.y + box.height * fy];
  await page.mouse.move(...at(0.22, 0.2));
  await page.mouse.down();
  await page.mouse.move(...at(0.78, 0.2), { steps: 10 });
  await page.mouse.move(...at(0.45, 0.85), { steps: 14 });
  await page.mouse.up();
}
