import { useTranslateWith } from '../../i18n.ts';
import { sessionsEn } from '../../messages/sessions.en.ts';

/** The app's messages plus the sessions screens' own. */
export const useSessionsT = () => useTranslateWith(sessionsEn);
export type SessionsT = ReturnType<typeof useSessionsT>;

export const SESSION_KINDS = ['assessment', 'treatment', 'group', 'follow-up'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const ATTENDANCE = ['attended', 'did-not-attend', 'cancelled'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export function isAttendance(value: string): value is Attendance {
  return (ATTENDANCE as readonly string[]).includes(value);
}

/** An attendance status in words (a status added later reads "Not known"). */
export function attendanceWords(t: SessionsT, status: string): string {
  return isAttendance(status) ? t(`attendance.${status}`) : t('attendance.other');
}
