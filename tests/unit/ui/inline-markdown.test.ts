import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { mistakeCatalogue } from '@/engine/exercises/mistakes';
import { InlineMarkdown, parseInlineMarkdown } from '@/components/ui/inline-markdown';

const render = (text: string) => renderToStaticMarkup(createElement(InlineMarkdown, { text }));

describe('inline Markdown of short texts', () => {
  it('renders the emphasis of a named mistake instead of showing the asterisks', () => {
    const html = render(mistakeCatalogue['swapped-mul-grads'].en);
    expect(html).toContain('times the <em>other</em> input');
    expect(html).not.toContain('*');
  });

  it('reads strong, emphasis and code, and leaves lone markers and plain text as typed', () => {
    expect(parseInlineMarkdown('a **b** *c* `d` 2 * 3')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'text', text: ' 2 * 3' },
    ]);
  });

  it('escapes HTML in the text', () => {
    expect(render('<b>x</b> *y*')).toBe('&lt;b&gt;x&lt;/b&gt; <em>y</em>');
  });

  it('every mistake text in both languages renders without a stray asterisk', () => {
    for (const text of Object.values(mistakeCatalogue).flatMap((entry) => [entry.ko, entry.en])) {
      expect(render(text)).not.toMatch(/\*/);
    }
  });
});
