// pino writes one JSON object per line. On a terminal that is hard to read, so the logger
// turns each line into "12:04:05 INFO  message key=value" (pino-pretty would do the same, but
// is one more dependency for ten lines). Pipes and files keep the JSON.

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const OWN_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

/** One pino JSON line as a human-readable line (with the error's stack below it, if any). */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = (LEVELS[Number(entry.level)] ?? String(entry.level ?? '')).padEnd(5);
  const extras = Object.entries(entry)
    .filter(([key]) => !OWN_KEYS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const text = [time, level, typeof entry.msg === 'string' ? entry.msg : '', ...extras].filter((part) => part !== '').join(' ');
  const err = entry.err as { message?: string; stack?: string } | undefined;
  const detail = err ? `\n    ${(err.stack ?? err.message ?? JSON.stringify(err)).split('\n').join('\n    ')}` : '';
  return `${text}${detail}\n`;
}
