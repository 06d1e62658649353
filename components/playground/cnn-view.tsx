import type { Locale } from '@/lib/i18n/locales';
import type { CnnSnapshot } from '@/engine/playground/types';
import { PixelGrid } from './pixel-grid';
import { fill, T } from './playground-text';
import styles from './playground.module.css';

/** The first layer's filters (blue positive, orange negative) and what each makes of one validation image. */
export function CnnView({ snapshot, locale }: { snapshot: CnnSnapshot; locale: Locale }) {
  return (
    <div className={styles.cnn}>
      <div>
        <h4>{T.input[locale]}</h4>
        <PixelGrid values={snapshot.image} side={snapshot.imageSide} size={96} palette="ink" label={`${T.input[locale]}: ${fill(T.label[locale], { l: snapshot.label, p: snapshot.predicted })}`} />
        <p className="muted">{fill(T.label[locale], { l: snapshot.label, p: snapshot.predicted })}</p>
      </div>
      <div>
        <h4>{T.filters[locale]}</h4>
        <div className={styles.tiles}>
          {snapshot.filters.map((filter, f) => (
            <PixelGrid key={f} values={filter} side={snapshot.kernel} size={48} palette="diverging" label={`${T.filters[locale]} ${f + 1}`} />
          ))}
        </div>
      </div>
      <div>
        <h4>{T.featureMaps[locale]}</h4>
        <div className={styles.tiles}>
          {snapshot.featureMaps.map((map, f) => (
            <PixelGrid key={f} values={map} side={snapshot.mapSide} size={72} palette="diverging" label={`${T.featureMaps[locale]} ${f + 1}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
