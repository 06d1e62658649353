import { AppError, type AppErrorCode, type AppErrorOptions } from '@/lib/errors';
import type { Localized } from '@/lib/i18n/locales';

/** `new TrainingError(code, text, options)` is `new AppError(code, text, options)`; kept for the training services. */
export class TrainingError extends AppError {
  constructor(code: AppErrorCode, text: Localized, options: AppErrorOptions = {}) {
    super(code, text, options);
  }
}
