import type { ReactNode } from 'react';
import { Link, type To } from 'react-router';

export function BackLink({ to, children }: { to: To; children: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}
