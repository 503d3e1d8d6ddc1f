import { dayWords, monthWords } from './pay-words.ts';
import type { PayT } from './t.ts';

interface Worked {
  readonly kind: 'session' | 'month';
  readonly workedOn: string;
  readonly month: string | null;
}

/** "Session on Tuesday 3 March 2026", or "Work in March 2026" for a monthly role. */
export function workTitle(t: PayT, log: Worked): string {
  return log.kind === 'month' && log.month !== null
    ? t('pay.sessions.month', { month: monthWords(log.month, t.locale) })
    : t('pay.sessions.session', { date: dayWords(log.workedOn, t.locale) });
}

/** The day or month alone: "Tuesday 3 March 2026", "March 2026". */
export function workWhen(t: PayT, log: Worked): string {
  return log.kind === 'month' && log.month !== null
    ? monthWords(log.month, t.locale)
    : dayWords(log.workedOn, t.locale);
}
