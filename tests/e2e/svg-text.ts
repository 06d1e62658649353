import type { Locator } from 'playwright-core';

// Chart text a reader can read: every <text> of the SVGs under `root` lies inside its own SVG
// (not cut off at an edge), and no two of the texts matching `distinct` print over each other.
// Returns what fails, as sentences; [] when all is legible.

export async function illegibleSvgText(root: Locator, { distinct }: { distinct?: string } = {}): Promise<string[]> {
  return root.evaluate((element, distinctSelector) => {
    const problems: string[] = [];
    for (const svg of element.querySelectorAll('svg')) {
      const box = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        const rect = text.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5 || rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5) {
          problems.push(`"${text.textContent}" is cut off by its chart (${Math.round(rect.left - box.left)}–${Math.round(rect.right - box.left)} of ${Math.round(box.width)} px)`);
        }
      }
      if (!distinctSelector) continue;
      const labels = [...svg.querySelectorAll(distinctSelector)].map((text) => ({ text: text.textContent, rect: text.getBoundingClientRect() }));
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          const overlaps = a.rect.left < b.rect.right && b.rect.left < a.rect.right && a.rect.top < b.rect.bottom && b.rect.top < a.rect.bottom;
          if (overlaps) problems.push(`"${a.text}" and "${b.text}" overlap`);
        }
      }
    }
    return problems;
  }, distinct);
}
