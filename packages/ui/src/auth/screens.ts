import { lazy } from 'react';

/** Each auth screen is its own chunk: only the screen in view is downloaded. */
export const SignInPage = lazy(() =>
  import('./SignInPage.tsx').then((m) => ({ default: m.SignInPage })),
);
export const TwoFactorPage = lazy(() =>
  import('./TwoFactorPage.tsx').then((m) => ({ default: m.TwoFactorPage })),
);
export const TwoFactorSetUpPage = lazy(() =>
  import('./TwoFactorSetUpPage.tsx').then((m) => ({ default: m.TwoFactorSetUpPage })),
);
export const ChooseOrganisationPage = lazy(() =>
  import('./ChooseOrganisationPage.tsx').then((m) => ({ default: m.ChooseOrganisationPage })),
);
export const ForgotPasswordPage = lazy(() =>
  import('./ForgotPasswordPage.tsx').then((m) => ({ default: m.ForgotPasswordPage })),
);
export const ResetPasswordPage = lazy(() =>
  import('./ResetPasswordPage.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
export const AcceptInvitationPage = lazy(() =>
  import('./AcceptInvitationPage.tsx').then((m) => ({ default: m.AcceptInvitationPage })),
);
