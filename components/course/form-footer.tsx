import type { Locale, Localized } from '@/lib/i18n/locales';
import forms from '@/components/ui/forms.module.css';

const TEXT = {
  save: { ko: '저장', en: 'Save' },
  saved: { ko: '저장했습니다.', en: 'Saved.' },
} satisfies Record<string, Localized>;

/** The end of an instructor's course form: Save, "Saved." after a save, and the error if any. */
export function FormFooter({ locale, isPending, saved, error }: { locale: Locale; isPending: boolean; saved: boolean; error: string | null }) {
  return (
    <>
      <div className={forms.actions}>
        <button type="submit" className="button" disabled={isPending}>{TEXT.save[locale]}</button>
        {saved && <span className="success" role="status">{TEXT.saved[locale]}</span>}
      </div>
      {error && <p className={forms.alert} role="alert">{error}</p>}
    </>
  );
}
