import { twoFactorClient } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';

/**
 * better-auth runs on the same origin at /api/auth. This module is loaded only by the
 * screens that need it (sign-in, two-factor, passwords, sign-out), keeping it off the first
 * screen's bundle for everyone else.
 */
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  basePath: '/api/auth',
  plugins: [twoFactorClient()],
});

export interface AuthError {
  readonly code?: string | undefined;
  readonly message?: string | undefined;
  readonly status: number;
}
