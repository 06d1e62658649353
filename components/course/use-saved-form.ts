'use client';

import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { localizedFieldErrors } from '@/lib/i18n/localized-issues';
import { useApiAction } from '@/components/ui/use-api-action';

export interface SavedFormOptions<TValue, TSchema extends z.ZodType> {
  locale: Locale;
  /** The form's starting value (editing) or `empty` (creating). */
  initial: TValue | undefined;
  empty: TValue;
  /**
   * Checks what is sent; a failure shows `invalid`, each field's sentence in `fieldErrors` (from
   * issues added with addLocalizedIssue) and sends nothing.
   */
  schema: TSchema;
  invalid: Localized;
  /** Where a save goes: PUT to the item when editing, POST to the collection when creating. */
  itemUrl: string | undefined;
  collectionUrl: string;
  /** The body to check and send, from the form's value (default: the value itself). */
  toBody?: (value: TValue) => unknown;
}

/**
 * The state of an instructor's create-or-edit form (assignments, exams): its value, a patch
 * updater, and a save that checks the value with the schema, PUTs or POSTs it, says "Saved",
 * clears a create form and re-renders the page.
 */
export function useSavedForm<TValue, TSchema extends z.ZodType>(options: SavedFormOptions<TValue, TSchema>) {
  const { locale, initial, empty, schema, invalid, itemUrl, collectionUrl, toBody = (value) => value } = options;
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
      setFieldErrors(localizedFieldErrors(parsed.error, locale));
      setError(invalid[locale]);
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
