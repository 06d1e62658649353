import Link from 'next/link';
import styles from '@/components/ui/forms.module.css';

export interface AccountFormActionsProps {
  isPending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** "No account yet?" / "Have an account?" and where the other form is. */
  otherQuestion: string;
  otherLabel: string;
  otherHref: string;
}

/** The submit button of the sign-in and sign-up forms, with the link to the other one beside it. */
export function AccountFormActions({ isPending, submitLabel, pendingLabel, otherQuestion, otherLabel, otherHref }: AccountFormActionsProps) {
  return (
    <div className={styles.actions}>
      <button className="button" type="submit" disabled={isPending}>
        {isPending ? pendingLabel : submitLabel}
      </button>
      <span className="muted">
        {otherQuestion} <Link href={otherHref}>{otherLabel}</Link>
      </span>
    </div>
  );
}
