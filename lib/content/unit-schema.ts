import { z } from 'zod';
import { FIGURE_NAMES, type FigureName } from '@/lib/content/figure-names';
import type { Locale, Localized } from '@/lib/i18n/locales';

// The shape of content/units/<NN>-<id>/unit.json (content/README.md explains each field).
const ZLocalizedText = z.object({
  ko: z.string().trim().min(1, 'the Korean text is empty'),
  en: z.string().trim().min(1, 'the English text is empty'),
});

export const ZUnitId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens (e.g. "rnn-lstm")');

export const ZUnitMeta = z.strictObject({
  id: ZUnitId,
  order: z.number().int('order must be a whole number').min(1, 'order starts at 1'),
  title: ZLocalizedText,
  summary: ZLocalizedText,
  minutes: z.number().int('minutes must be a whole number').min(1).max(600),
  exercises: z.array(z.string().min(1)),
  figures: z.array(z.enum(FIGURE_NAMES, { error: (issue) => `unknown figure "${String(issue.input)}" (known: ${FIGURE_NAMES.join(', ')})` })),
});

export type TUnitMeta = z.infer<typeof ZUnitMeta>;

/** A unit's text in one language, cut at its figure directives. */
export type UnitSegment = { kind: 'markdown'; markdown: string } | { kind: 'figure'; name: FigureName };

export interface UnitBody {
  /** The text of the file's single `# Title` line. */
  title: string;
  segments: UnitSegment[];
}

/** An author's mistake, as a sentence naming the file (relative to the content folder). */
export interface ContentProblem {
  file: string;
  message: string;
  /** The unit the file belongs to, when the folder name gives one. */
  unitId?: string;
}

export interface Unit {
  id: string;
  order: number;
  /** Folder name, e.g. "04-cnn". */
  folder: string;
  title: Localized;
  summary: Localized;
  minutes: number;
  /** Exercise type ids the exercise engine knows, in the order the unit offers them. */
  exercises: string[];
  figures: FigureName[];
  body: Record<Locale, UnitBody>;
  /** Mistakes that do not stop the unit from rendering (e.g. an unknown exercise id, which is left out). */
  problems: ContentProblem[];
}

export interface CourseContent {
  /** Renderable units, in course order. */
  units: Unit[];
  /** Every problem found, including those of units that could not be loaded at all. */
  problems: ContentProblem[];
}
