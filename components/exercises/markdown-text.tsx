'use client';

import { useEffect, useState } from 'react';

// Hints and feedback arrive with a graded attempt, as Markdown with KaTeX math. The page renders
// what it already knows on the server; text that arrives later is rendered here with the same
// renderer, loaded on first use so the exercise page itself stays small.

type Render = (markdown: string) => string;

const rendered = new Map<string, string>();
let renderer: Promise<Render> | undefined;

function loadRenderer(): Promise<Render> {
  renderer ??= import('@/lib/markdown/render-markdown').then((module) => module.renderMarkdown);
  return renderer;
}

export interface MarkdownTextProps {
  markdown: string;
  /** HTML the server rendered from the same Markdown, when it had it. */
  html?: string;
  className?: string;
}

/** Use with `key={markdown}`: the text of one instance never changes. */
export function MarkdownText({ markdown, html, className }: MarkdownTextProps) {
  const [ready, setReady] = useState<string | null>(html ?? rendered.get(markdown) ?? null);

  useEffect(() => {
    if (ready !== null) return;
    let isCurrent = true;
    loadRenderer()
      .then((render) => {
        const output = render(markdown);
        rendered.set(markdown, output);
        if (isCurrent) setReady(output);
      })
      // The plain text stays readable if the renderer cannot be loaded.
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [markdown, ready]);

  if (ready === null) return <div className={className}>{markdown}</div>;
  return <div className={className} dangerouslySetInnerHTML={{ __html: ready }} />;
}
