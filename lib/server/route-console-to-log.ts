import { format } from 'node:util';
import type pino from 'pino';

// Next prints lines of its own through `console` — "✓ Running next.config.js took 340ms" when the
// server loads its config, request errors through console.error. When stdout is not a terminal the
// server's output is JSON lines for a log collector, so those lines go through the logger too
// (a terminal keeps them as Next prints them).

const ANSI = /\u001b\[[0-9;]*m/g;
/** Next's status glyphs at the start of a line ("✓", "⚠", "⨯", "▲", "○"): the level says it. */
const GLYPHS = /^[\s✓⚠⨯▲○●]+/u;

/** The text of a console call, as console would print it, without colours and Next's glyphs. */
export function consoleText(args: readonly unknown[]): string {
  return format(...args)
    .replace(ANSI, '')
    .replace(GLYPHS, '')
    .trimEnd();
}

export function routeConsoleToLog(log: pino.Logger): void {
  const to = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const text = consoleText(args);
    if (!text) return;
    const err = args.find((arg) => arg instanceof Error);
    if (err) log[level]({ err }, text);
    else log[level](text);
  };
  console.debug = to('debug');
  console.log = to('info');
  console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
}
