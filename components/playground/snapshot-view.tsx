import type { Locale } from '@/lib/i18n/locales';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import type { TrainingSnapshot } from '@/engine/playground/types';
import { AttentionView } from './attention-view';
import { BoundaryView } from './boundary-view';
import { CnnView } from './cnn-view';
import { GradientStepsView } from './gradient-steps-view';
import { fill, MODEL_NAMES, T } from './playground-text';

/** The picture that belongs to the model: decision boundary, filters, gradients per step, or attention. */
export function SnapshotView({ config, snapshot, locale }: { config: TTrainingConfig; snapshot: TrainingSnapshot | null | undefined; locale: Locale }) {
  if (config.model === 'mlp' || config.model === 'perceptron' || config.model === 'delta-rule') {
    const epoch = snapshot?.epoch ?? 0;
    return (
      <figure>
        <figcaption><strong>{T.boundary[locale]}</strong></figcaption>
        <BoundaryView config={config} snapshot={snapshot?.kind === 'boundary' ? snapshot : null} label={fill(T.boundaryAlt[locale], { e: epoch })} />
      </figure>
    );
  }
  if (!snapshot) return null;
  if (snapshot.kind === 'cnn') return <CnnView snapshot={snapshot} locale={locale} />;
  if (snapshot.kind === 'sequence') return <GradientStepsView series={[{ label: MODEL_NAMES[config.model][locale], color: config.model === 'lstm' ? '#7c3aed' : '#0891b2', snapshot }]} locale={locale} />;
  if (snapshot.kind === 'attention') return <AttentionView snapshot={snapshot} locale={locale} />;
  return null;
}
