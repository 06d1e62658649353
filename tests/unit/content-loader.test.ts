import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exerciseTypeIds } from '@/engine/exercises';
import { FIGURE_NAMES } from '@/lib/content/figure-names';
import { loadCourse } from '@/lib/content/load-course';
import { parseUnitMarkdown } from '@/lib/content/parse-unit-markdown';
import { renderUnitBody } from '@/lib/content/render-unit-body';
import type { CourseContent } from '@/lib/content/unit-schema';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'content');
const FIXTURE_EXERCISES = ['ex-a', 'ex-b'];

function loadFixture(name: string): Promise<CourseContent> {
  return loadCourse({ unitsDir: path.join(FIXTURES, name, 'units'), exerciseIds: FIXTURE_EXERCISES, displayRoot: FIXTURES });
}

function messagesFor(course: CourseContent, file: string): string[] {
  return course.problems.filter((problem) => problem.file === file).map((problem) => problem.message);
}

describe('content loader: the course in content/units', () => {
  let course: CourseContent;
  beforeAll(async () => {
    course = await loadCourse({ unitsDir: path.join(ROOT, 'content', 'units'), exerciseIds: exerciseTypeIds, displayRoot: ROOT });
  });

  it('loads the six units in course order without a single author problem', () => {
    expect(course.problems).toEqual([]);
    expect(course.units.map((unit) => unit.id)).toEqual(['perceptron', 'backprop', 'regularization', 'cnn', 'rnn-lstm', 'attention']);
  });

  it('places every listed figure once in both languages, and together the units use all five figures', () => {
    for (const unit of course.units) {
      for (const locale of ['ko', 'en'] as const) {
        const placed = unit.body[locale].segments.flatMap((segment) => (segment.kind === 'figure' ? [segment.name] : []));
        expect(placed.sort()).toEqual([...unit.figures].sort());
      }
    }
    expect(new Set(course.units.flatMap((unit) => unit.figures))).toEqual(new Set(FIGURE_NAMES));
  });

  it('renders each unit to HTML with KaTeX formulas and no leftover directives', () => {
    for (const unit of course.units) {
      for (const locale of ['ko', 'en'] as const) {
        const body = renderUnitBody(unit, locale);
        const html = body.blocks.flatMap((block) => (block.kind === 'html' ? [block.html] : [])).join('\n');
        expect(body.title).toBe(unit.body[locale].title);
        expect(html).toContain('class="katex"');
        expect(html).not.toContain('katex-error');
        expect(html).not.toContain('::figure');
        expect(html).not.toMatch(/<h1[\s>]/);
      }
    }
  });
});

describe('the Korean units', () => {
  // Words inside a Korean formula are Korean ("s > 0일 때", "그 외"); Latin letters in \text{} are
  // only names that stay as they are in Korean lectures too: subscripts (C_in, d_model), tokens
  // (⟨eos⟩, ⟨start⟩) and function names (attention, MultiHead, softmax).
  const NAMES = new Set(['in', 'out', 'model', 'eos', 'start', 'attention', 'MultiHead', 'softmax']);

  it('write the words inside formulas in Korean (KaTeX renders them: see the rendering test above)', () => {
    const english: string[] = [];
    for (const unit of fs.readdirSync(path.join(ROOT, 'content', 'units'))) {
      const source = fs.readFileSync(path.join(ROOT, 'content', 'units', unit, 'ko.md'), 'utf8');
      for (const [, text] of source.matchAll(/\\text\{([^}]*)\}/g)) {
        const words = (text.match(/[A-Za-z]+/g) ?? []).filter((word) => !NAMES.has(word));
        if (words.length > 0) english.push(`${unit}/ko.md: \\text{${text}}`);
      }
    }
    expect(english).toEqual([]);
  });
});

describe('content loader: a clean fixture course', () => {
  it('reads titles, segments around the figure, exercises in the listed order, and ignores fenced code', async () => {
    const course = await loadFixture('valid');
    expect(course.problems).toEqual([]);
    const [alpha, beta] = course.units;
    expect(alpha.body.en.title).toBe('Alpha');
    expect(alpha.body.ko.title).toBe('알파');
    expect(alpha.body.en.segments.map((segment) => segment.kind)).toEqual(['markdown', 'figure', 'markdown']);
    expect(beta.exercises).toEqual(['ex-b', 'ex-a']);
    expect(beta.body.en.segments).toHaveLength(1);
    expect(beta.body.en.segments[0]).toMatchObject({ kind: 'markdown', markdown: expect.stringContaining('# not a title inside code') });
  });
});

describe('content loader: an author’s mistakes are readable errors naming the file', () => {
  let course: CourseContent;
  beforeAll(async () => {
    course = await loadFixture('broken');
  });

  it('still serves the good units and the units with only small mistakes, in order', () => {
    expect(course.units.map((unit) => unit.id)).toEqual(['good', 'order-mismatch', 'missing-figure', 'unknown-exercise', 'bad-directive', 'unlisted-figure']);
  });

  it('reports invalid JSON with the parser’s reason and leaves the unit out', () => {
    const [message] = messagesFor(course, 'broken/units/02-bad-json/unit.json');
    expect(message).toMatch(/^not valid JSON \(.+\)$/);
    expect(course.problems.find((problem) => problem.file === 'broken/units/02-bad-json/unit.json')?.unitId).toBe('bad-json');
  });

  it('names an unknown figure in unit.json and lists the known ones', () => {
    expect(messagesFor(course, 'broken/units/03-unknown-figure/unit.json')).toEqual([
      `"figures.0": unknown figure "histogram" (known: ${FIGURE_NAMES.join(', ')})`,
    ]);
  });

  it('points at the language file where a listed figure is missing, and keeps the unit', () => {
    expect(messagesFor(course, 'broken/units/04-missing-figure/ko.md')).toEqual([
      'figure "comp-graph" is listed in unit.json but not placed in this file (add ::figure{name="comp-graph"})',
    ]);
    expect(messagesFor(course, 'broken/units/04-missing-figure/en.md')).toEqual([]);
    expect(course.units.find((unit) => unit.id === 'missing-figure')?.problems).toHaveLength(1);
  });

  it('leaves out an exercise id the exercise engine does not know and says so', () => {
    expect(messagesFor(course, 'broken/units/05-unknown-exercise/unit.json')).toEqual(['exercise "no-such-exercise" is not a known exercise type; it is left out']);
    expect(course.units.find((unit) => unit.id === 'unknown-exercise')?.exercises).toEqual(['ex-a']);
  });

  it('requires a "# Title" line', () => {
    expect(messagesFor(course, 'broken/units/06-no-title/en.md')).toEqual(['the file must start with a "# Title" line']);
  });

  it('requires the id to match the folder name', () => {
    expect(messagesFor(course, 'broken/units/07-wrong-id/unit.json')).toEqual(['id "something-else" does not match the folder name "07-wrong-id" (expected "wrong-id")']);
  });

  it('gives the line number of a malformed or unknown figure directive', () => {
    const messages = messagesFor(course, 'broken/units/08-bad-directive/ko.md');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^line \d+: "::figure\{name=comp-graph\}" is not a figure directive; write ::figure\{name="…"\}$/);
    expect(messages[1]).toMatch(/^line \d+: unknown figure "nonexistent"$/);
  });

  it('reports a missing language file', () => {
    expect(messagesFor(course, 'broken/units/09-missing-ko/ko.md')).toEqual(['the Korean text is missing (every unit needs ko.md and en.md)']);
  });

  it('warns when the order does not match the folder prefix', () => {
    expect(messagesFor(course, 'broken/units/10-order-mismatch/unit.json')).toEqual(['order 3 does not match the folder prefix "10"']);
  });

  it('lists every schema problem with its field path', () => {
    const messages = messagesFor(course, 'broken/units/11-schema/unit.json');
    expect(messages).toContain('"title.ko": the Korean text is empty');
    expect(messages.some((message) => message.startsWith('"minutes": '))).toBe(true);
  });

  it('rejects a folder name that is not <NN>-<id>', () => {
    expect(messagesFor(course, 'broken/units/Bad_Folder')).toEqual(['the folder name must be <NN>-<unit id>, for example "07-gan"']);
  });

  it('reports a figure placed in the text but not listed in unit.json, in each language', () => {
    expect(messagesFor(course, 'broken/units/12-unlisted-figure/ko.md')).toEqual(['figure "lstm-gates" is placed here but not listed under "figures" in unit.json']);
    expect(messagesFor(course, 'broken/units/12-unlisted-figure/en.md')).toHaveLength(1);
  });

  it('keeps the first of two folders with the same id', () => {
    expect(messagesFor(course, 'broken/units/13-good/unit.json')).toEqual(['id "good" is already used by 01-good']);
    expect(course.units.filter((unit) => unit.id === 'good').map((unit) => unit.folder)).toEqual(['01-good']);
  });

  it('answers a missing units folder with one problem instead of throwing', async () => {
    const missing = await loadCourse({ unitsDir: path.join(FIXTURES, 'no-such-folder', 'units'), exerciseIds: [], displayRoot: FIXTURES });
    expect(missing).toEqual({ units: [], problems: [{ file: 'no-such-folder/units', message: 'the units folder cannot be read' }] });
  });
});

describe('parseUnitMarkdown', () => {
  it('rejects a second # title and a figure used twice, with line numbers', () => {
    const parsed = parseUnitMarkdown('# One\n\ntext\n\n# Two\n\n::figure{name="comp-graph"}\n\n::figure{name="comp-graph"}\n');
    expect(parsed.body?.title).toBe('One');
    expect(parsed.problems).toEqual(['line 5: a second "# " title; use "## " for sections', 'line 9: figure "comp-graph" is used a second time']);
  });

  it('reports an unclosed code fence', () => {
    expect(parseUnitMarkdown('# T\n\n```\ncode\n').problems).toEqual(['a ``` code fence is never closed']);
  });
});
