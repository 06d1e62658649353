'use client';

import { useMemo } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { knobErrors } from '@/engine/playground/knob-messages';
import { ZTrainingConfig } from '@/engine/playground/training-config';

/**
 * A configuration checked as the server will check it, with one localised message per knob naming
 * its allowed range (knob-messages.ts), for the knob form to show under each knob. The playground and
 * the live session's prediction rounds use it.
 */
export function useKnobErrors(config: TTrainingConfig, locale: Locale) {
  const validation = useMemo(() => ZTrainingConfig.safeParse(config), [config]);
  const errors = useMemo(() => {
    const map: Record<string, string> = {};
    if (!validation.success) for (const [knob, text] of Object.entries(knobErrors(validation.error, config))) map[knob] = text[locale];
    return map;
  }, [validation, locale, config]);
  return { validation, errors };
}
