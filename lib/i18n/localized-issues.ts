import type { z } from 'zod';
import type { Locale, Localized } from '@/lib/i18n/locales';

// A zod refinement that speaks both languages: the issue's message is the English sentence and
// `params.text` carries ko + en, so one schema can check a form in the browser (in the viewer's
// language) and the same input again on the server. Client-safe.

/** Adds a custom issue at `path` whose sentence is `text`. */
export function addLocalizedIssue(context: z.RefinementCtx, path: (string | number)[], text: Localized): void {
  context.addIssue({ code: 'custom', path, message: text.en, params: { text } });
}

/** A failed parse as sentences in `locale` under each field's dotted path (`items.0.targetValue`, `_` for the root). */
export function localizedFieldErrors(error: z.ZodError, locale: Locale): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const text = issue.code === 'custom' ? (issue.params as { text?: Localized } | undefined)?.text : undefined;
    (fieldErrors[issue.path.map(String).join('.') || '_'] ??= []).push(text ? text[locale] : issue.message);
  }
  return fieldErrors;
}
