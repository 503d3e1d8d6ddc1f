import { useTranslateWith } from '../../i18n.ts';
import { participantsEn } from '../../messages/participants.en.ts';
import type { Problem } from './enrol/enrol-steps.ts';

export const useParticipantsT = () => useTranslateWith(participantsEn);
export type ParticipantsT = ReturnType<typeof useParticipantsT>;

/** A field's problem in words. */
export function problemText(t: ParticipantsT, problem: Problem): string {
  return 'text' in problem
    ? problem.text
    : (t.optional(problem.key, problem.params) ?? problem.key);
}
