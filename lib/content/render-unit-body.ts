import type { FigureName } from '@/lib/content/figure-names';
import type { Unit } from '@/lib/content/unit-schema';
import type { Locale } from '@/lib/i18n/locales';
import { renderMarkdown } from '@/lib/markdown/render-markdown';

export type RenderedBlock = { kind: 'html'; html: string } | { kind: 'figure'; name: FigureName };

export interface RenderedUnitBody {
  title: string;
  blocks: RenderedBlock[];
}

// KaTeX typesetting of a whole unit takes tens of milliseconds. The cache is keyed by the unit
// object: in production getCourse() keeps one course per process, so each unit and language is
// rendered once; in development every request loads fresh objects, so an edit shows on reload.
const cache = new WeakMap<Unit, Partial<Record<Locale, RenderedUnitBody>>>();

/** A unit's text in one language as server-rendered HTML (with KaTeX) and figure slots in between. */
export function renderUnitBody(unit: Unit, locale: Locale): RenderedUnitBody {
  const entry = cache.get(unit) ?? {};
  const hit = entry[locale];
  if (hit) return hit;
  const body = unit.body[locale];
  const rendered: RenderedUnitBody = {
    title: body.title,
    blocks: body.segments.map((segment) => (segment.kind === 'figure' ? segment : { kind: 'html', html: renderMarkdown(segment.markdown) })),
  };
  cache.set(unit, { ...entry, [locale]: rendered });
  return rendered;
}
