import { AppError, type AppErrorCode, type AppErrorOptions } from '@/lib/errors';
import type { Localized } from '@/lib/i18n/locales';

/** An AppError whose sentence exists in both languages; the English one is its message. */
export class TrainingError extends AppError {
  readonly text: Localized;

  constructor(code: AppErrorCode, text: Localized, options: AppErrorOptions = {}) {
    super(code, text.en, options);
    this.text = text;
  }
}

export function isTrainingError(error: unknown): error is TrainingError {
  return error instanceof TrainingError;
}
