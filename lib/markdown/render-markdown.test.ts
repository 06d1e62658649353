import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown/render-markdown';

describe('renderMarkdown', () => {
  it('typesets inline and display math with KaTeX on the server', () => {
    const html = renderMarkdown('The slope is $\\sigma(s)(1-\\sigma(s))$.\n\n$$\\frac{\\partial L}{\\partial w}$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('katex-display');
    expect(html).toContain('<math');
  });

  it('renders GFM tables and drops raw HTML', () => {
    const html = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>');
    expect(html).toContain('<table>');
    expect(html).not.toContain('<script>');
  });
});
