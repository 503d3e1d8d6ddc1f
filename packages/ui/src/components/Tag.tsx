import type { ReactNode } from 'react';

export type TagColour =
  | 'grey'
  | 'green'
  | 'teal'
  | 'blue'
  | 'light-blue'
  | 'purple'
  | 'pink'
  | 'red'
  | 'orange'
  | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return (
    <strong className={`govuk-tag${colour === undefined ? '' : ` govuk-tag--${colour}`}`}>
      {children}
    </strong>
  );
}
