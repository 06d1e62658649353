import { Fragment, type ReactNode } from 'react';

// Short texts (a named mistake, a label) carry a little Markdown: *emphasis*, **strong** and
// `code`. Rendering them needs no Markdown library and no HTML string: they become elements.
// Full Markdown with math goes through lib/markdown/render-markdown instead.

export type InlineToken = { kind: 'text' | 'em' | 'strong' | 'code'; text: string };

const PATTERN = /\*\*([^*]+)\*\*|\*([^*\s][^*]*?)\*|`([^`]+)`/g;

/** Splits a text into plain runs and marked-up runs; unmatched markers stay as typed. */
export function parseInlineMarkdown(text: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    if (match.index > last) tokens.push({ kind: 'text', text: text.slice(last, match.index) });
    if (match[1] !== undefined) tokens.push({ kind: 'strong', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'em', text: match[2] });
    else tokens.push({ kind: 'code', text: match[3] });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}

/** A short text with inline Markdown, as React elements (safe: no HTML is injected). */
export function InlineMarkdown({ text }: { text: string }): ReactNode {
  return parseInlineMarkdown(text).map((token, index) => {
    switch (token.kind) {
      case 'em':
        return <em key={index}>{token.text}</em>;
      case 'strong':
        return <strong key={index}>{token.text}</strong>;
      case 'code':
        return <code key={index}>{token.text}</code>;
      default:
        return <Fragment key={index}>{token.text}</Fragment>;
    }
  });
}
