import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Markdown (GFM) with $…$ / $$…$$ math, rendered to HTML on the server with KaTeX, so formulas
// arrive typeset (no client-side flash). Sources are our own files and generated prompts; raw HTML
// in them is dropped, not passed through.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex, { strict: 'ignore', output: 'htmlAndMathml' })
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(splitOneLineDisplayMath(markdown)));
}

// remark-math reads `$$x$$` on one line as inline math; authors mean a display formula.
function splitOneLineDisplayMath(markdown: string): string {
  return markdown.replace(/^([ \t]*)\$\$(.+?)\$\$[ \t]*$/gm, (_, indent: string, body: string) => `${indent}$$\n${indent}${body}\n${indent}$$`);
}
