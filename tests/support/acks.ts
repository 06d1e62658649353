// Socket acknowledgements in tests: `{ ok: true, ...result }` or `{ ok: false, error }` (lib/errors TAck).

type AnyAck<T extends object> = ({ ok: true } & T) | { ok: false; error: { code: string; reason?: string; message: string } };

/** Unwraps a successful ack, failing the test with the server's code, reason and message otherwise. */
export function expectOk<T extends object>(ack: AnyAck<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}${ack.error.reason ? ` (${ack.error.reason})` : ''}: ${ack.error.message}`);
  return ack;
}
