import { isFigureName } from '@/lib/content/figure-names';
import type { UnitBody, UnitSegment } from '@/lib/content/unit-schema';

export interface ParsedUnitMarkdown {
  /** Null when the file has no usable `# Title` line (the unit cannot be shown then). */
  body: UnitBody | null;
  /** Readable mistakes, each naming the line. */
  problems: string[];
}

const FIGURE_LINE = /^::figure\{name="([^"]*)"\}$/;
const FENCE = /^(```|~~~)/;

/**
 * Splits a unit's Markdown into text segments and figure slots. The file must open with one
 * `# Title`; a line starting with `::` is a directive and must be exactly `::figure{name="…"}`
 * with a known name, used at most once. Lines inside fenced code are left alone.
 */
export function parseUnitMarkdown(source: string): ParsedUnitMarkdown {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const problems: string[] = [];
  const segments: UnitSegment[] = [];
  const usedFigures = new Set<string>();
  let title: string | null = null;
  let current: string[] = [];
  let isInFence = false;

  const flush = () => {
    const markdown = current.join('\n').trim();
    if (markdown) segments.push({ kind: 'markdown', markdown });
    current = [];
  };

  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    const trimmed = line.trim();
    if (FENCE.test(trimmed)) isInFence = !isInFence;
    if (isInFence || FENCE.test(trimmed)) {
      current.push(line);
      continue;
    }
    if (/^#\s/.test(trimmed)) {
      if (title !== null) {
        problems.push(`line ${lineNumber}: a second "# " title; use "## " for sections`);
        continue;
      }
      if (current.join('').trim() !== '' || segments.length > 0) problems.push(`line ${lineNumber}: the "# " title must be the first line`);
      title = trimmed.replace(/^#\s+/, '').trim();
      continue;
    }
    if (trimmed.startsWith('::')) {
      const match = FIGURE_LINE.exec(trimmed);
      if (!match) {
        problems.push(`line ${lineNumber}: "${trimmed}" is not a figure directive; write ::figure{name="…"}`);
        continue;
      }
      const name = match[1];
      if (!isFigureName(name)) {
        problems.push(`line ${lineNumber}: unknown figure "${name}"`);
        continue;
      }
      if (usedFigures.has(name)) {
        problems.push(`line ${lineNumber}: figure "${name}" is used a second time`);
        continue;
      }
      usedFigures.add(name);
      flush();
      segments.push({ kind: 'figure', name });
      continue;
    }
    current.push(line);
  }
  flush();

  if (isInFence) problems.push('a ``` code fence is never closed');
  if (title === null) {
    problems.unshift('the file must start with a "# Title" line');
    return { body: null, problems };
  }
  return { body: { title, segments }, problems };
}
