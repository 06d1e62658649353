import forms from '@/components/ui/forms.module.css';

/**
 * The markup of a course form's field errors (`fieldErrors` from useSavedForm, keyed by path such
 * as "items.0.targetValue"): `invalidProps(field)` marks an input invalid and points it at its
 * sentence, `fieldError(field)` is that sentence under the field, `fieldsUnder(list)` the failing
 * fields of a list's rows. `formKey` keeps the ids apart when several forms share a page.
 */
export function fieldErrorMarkup(fieldErrors: Record<string, string[]>, formKey: string) {
  const errorId = (field: string) => `${field.replaceAll('.', '-')}-error-${formKey}`;
  return {
    invalidProps: (field: string) => (fieldErrors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {}),
    fieldError: (field: string) =>
      fieldErrors[field] && (
        <p key={field} id={errorId(field)} className={forms.fieldError} data-field-error={field}>
          {fieldErrors[field].join(' ')}
        </p>
      ),
    fieldsUnder: (list: string) => Object.keys(fieldErrors).filter((field) => field.startsWith(`${list}.`)),
  };
}
