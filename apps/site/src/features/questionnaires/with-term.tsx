import { Fragment, type ReactNode } from 'react';

/** A message with a `{term}` placeholder, the term given as a node (a glossary link). */
export function withTerm(message: string, term: ReactNode): ReactNode {
  const parts = message.split('{term}');
  return parts.map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed message
    <Fragment key={index}>
      {index > 0 && term}
      {part}
    </Fragment>
  ));
}
