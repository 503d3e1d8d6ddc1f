import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { SignInNotice } from './SignInPage.tsx';

/**
 * Ends the server session, forgets everything cached for this person and shows sign-in. A page
 * reached afterwards with the back button asks the server again and is sent to sign-in too.
 */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      const { authClient } = await import('./auth-client.ts');
      await authClient.signOut();
    } finally {
      queryClient.clear();
      const notice: SignInNotice = { notice: 'signed-out' };
      await navigate('/sign-in', { state: notice });
    }
  };
}
