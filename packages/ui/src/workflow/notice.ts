import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

/** A confirmation carried to the next screen in router state (`navigate(to, { state })`). */
export interface RouteNotice {
  readonly notice: string;
}

/**
 * The confirmation to show above the page's heading: one carried here by the previous screen,
 * or one this screen sets after an action. A new navigation starts without one.
 */
export function useNotice(): [string | null, (notice: string | null) => void] {
  const location = useLocation();
  const carried = (location.state as Partial<RouteNotice> | null)?.notice;
  const [notice, setNotice] = useState<string | null>(typeof carried === 'string' ? carried : null);
  useEffect(() => {
    setNotice(typeof carried === 'string' ? carried : null);
  }, [carried]);
  return [notice, setNotice];
}
