/**
 * A fresh idempotency key. crypto.randomUUID exists only in secure contexts (HTTPS, localhost);
 * a classroom server reached over plain HTTP on the LAN still has getRandomValues.
 */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
