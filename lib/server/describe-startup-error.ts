/**
 * One line for a failed start-up, whatever was thrown. Libraries reject with objects that are not
 * Errors, or Errors without a message; "undefined" must never reach the terminal.
 */
export function describeStartupError(error: unknown): string {
  if (error instanceof Error) {
    if (error.message) return error.message;
    const cause = error.cause === undefined ? '' : describeStartupError(error.cause);
    return cause || error.name || 'unknown error';
  }
  if (typeof error === 'string' && error.trim() !== '') return error.trim();
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
    try {
      const json = JSON.stringify(error);
      if (json && json !== '{}') return json;
    } catch {
      // circular: fall through
    }
  }
  return `unknown error (${String(error)}); run with LOG_LEVEL=debug for details`;
}
