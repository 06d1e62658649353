import { Fragment, type ReactNode } from 'react';
import { splitTemplate } from '@/lib/i18n/fill';

/** fill() for elements: `<Filled template="Read on {date}." values={{ date: <DateTime … /> }} />`. */
export function Filled({ template, values }: { template: string; values: Record<string, ReactNode> }) {
  return (
    <>
      {splitTemplate(template).map((part, index) => (
        <Fragment key={index}>{typeof part === 'string' ? part : Object.hasOwn(values, part.key) ? values[part.key] : `{${part.key}}`}</Fragment>
      ))}
    </>
  );
}
