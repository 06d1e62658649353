'use client';

import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { fill } from '@/lib/i18n/fill';
import type { Locale } from '@/lib/i18n/locales';
import { localizedFieldErrors } from '@/lib/i18n/localized-issues';
import { useApiAction } from '@/components/ui/use-api-action';

export interface SavedFormOptions<TValue, TSchema extends z.ZodType> {
  locale: Locale;
  /** The form's starting value (editing) or `empty` (creating). */
  initial: TValue | undefined;
  empty: TValue;
  /**
   * Checks what is sent; a failure says how many fields to fix, puts each field's sentence in
   * `fieldErrors` (from issues added with addLocalizedIssue) and sends nothing.
   */
  schema: TSchema;
  /** Where a save goes: PUT to the item when editing, POST to the collection when creating. */
  itemUrl: string | undefined;
  collectionUrl: string;
  /** The body to check and send, from the form's value (default: the value itself). */
  toBody?: (value: TValue) => unknown;
}

const INVALID = {
  one: { ko: '입력을 확인하세요: 표시한 항목 하나를 고쳐야 합니다.', en: 'Check the form: one marked field needs fixing.' },
  many: { ko: '입력을 확인하세요: 표시한 항목 {n}개를 고쳐야 합니다.', en: 'Check the form: {n} marked fields need fixing.' },
};

/**
 * The state of an instructor's create-or-edit form (assignments, exams): its value, a patch
 * updater, and a save that checks the value with the schema, PUTs or POSTs it, says "Saved",
 * clears a create form and re-renders the page.
 */
export function useSavedForm<TValue, TSchema extends z.ZodType>(options: SavedFormOptions<TValue, TSchema>) {
  const { locale, initial, empty, schema, itemUrl, collectionUrl, toBody = (value) => value } = options;
  const { run, error, setError, isPending } = useApiAction(locale);
  const [value, setValue] = useState<TValue>(initial ?? empty);
  const [saved, setSaved] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const update = (patch: Partial<TValue>) => setValue((current) => ({ ...current, ...patch }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = schema.safeParse(toBody(value));
    if (!parsed.success) {
      const errors = localizedFieldErrors(parsed.error, locale);
      setFieldErrors(errors);
      // The fields themselves say what is wrong; the summary only counts them (a fixed list of
      // every rule read as if all were broken when one number was out of range).
      const count = Math.max(1, Object.keys(errors).length);
      setError(fill(count === 1 ? INVALID.one[locale] : INVALID.many[locale], { n: count }));
      return;
    }
    setFieldErrors({});
    const result = await run<{ id: string }>(itemUrl ?? collectionUrl, itemUrl ? 'PUT' : 'POST', parsed.data);
    if (!result) return;
    setSaved(true);
    if (!itemUrl) setValue(empty);
  }

  return { value, update, save, saved, error, fieldErrors, isPending };
}
