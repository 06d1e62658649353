import Link from 'next/link';
import type { Locale, Localized } from '@/lib/i18n/locales';
import type { ModelKind } from '@/engine/playground/config-schema';
import { DateTime } from '@/components/ui/date-time';
import { MODEL_NAMES, T, TASK_NAMES } from './playground-text';

/** What a fork came from: enough to recognise the run without its id. `owner` null = the viewer's own run. */
export type ForkOrigin = { id: string; model: ModelKind; task: string; createdAt: string; owner: Localized | null };

/** "Forked from Student 3's MLP run on Two spirals, started 5 Dec 2026, 10:44" — never a real name, never a raw id. */
export function ForkBanner({ origin, locale, isForking }: { origin: ForkOrigin; locale: Locale; isForking: boolean }) {
  const whose = origin.owner ? (locale === 'ko' ? `${origin.owner.ko}의` : `${origin.owner.en}’s`) : T.yourRun[locale];
  const model = MODEL_NAMES[origin.model][locale];
  const task = TASK_NAMES[origin.task]?.[locale] ?? origin.task;
  return (
    <p className="muted" data-testid="fork-banner">
      {isForking ? T.forkingFrom[locale] : T.forkedFrom[locale]}: {whose} <Link href={`/playground/runs/${origin.id}`}>{model} · {task}</Link>
      {' '}({T.created[locale]} <DateTime value={origin.createdAt} locale={locale} />)
    </p>
  );
}
