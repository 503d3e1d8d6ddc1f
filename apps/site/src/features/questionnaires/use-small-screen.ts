import { useSyncExternalStore } from 'react';

/** GOV.UK's tablet breakpoint is 641 px: at 640 px and below, one question per screen. */
const SMALL_SCREEN = '(max-width: 640px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(SMALL_SCREEN);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useSmallScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(SMALL_SCREEN).matches,
    () => true,
  );
}
