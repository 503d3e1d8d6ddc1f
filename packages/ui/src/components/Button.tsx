import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type To } from 'react-router';

type Variant = 'primary' | 'secondary' | 'warning';

function buttonClass(variant: Variant, extra?: string): string {
  const variantClass = variant === 'primary' ? '' : ` govuk-button--${variant}`;
  return `govuk-button${variantClass}${extra === undefined ? '' : ` ${extra}`}`;
}

/**
 * While `pending`, the button stays focusable (a disabled button drops keyboard focus) but is
 * marked busy and ignores further clicks, so a double click submits once.
 */
export function Button({
  variant = 'primary',
  pending = false,
  className,
  type = 'submit',
  onClick,
  children,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  variant?: Variant;
  pending?: boolean;
  type?: 'submit' | 'button';
  children: ReactNode;
}) {
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, className)}
      aria-disabled={pending ? true : undefined}
      onClick={(event) => {
        if (pending) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {children}
    </button>
  );
}

export function ButtonLink({
  to,
  variant = 'primary',
  children,
}: {
  to: To;
  variant?: Variant;
  children: ReactNode;
}) {
  return (
    <Link to={to} role="button" draggable={false} className={buttonClass(variant)}>
      {children}
    </Link>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
