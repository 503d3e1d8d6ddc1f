import { router } from '../../trpc/init.ts';
import { enrolParticipantProcedure } from './enrol-participant.ts';
import { eraseParticipantProcedure } from './erase-participant.ts';
import { exportSubjectAccessProcedure } from './export-subject-access.ts';
import { getParticipantProcedure } from './get-participant.ts';
import { listParticipantsProcedure } from './list-participants.ts';
import { missingAtTimepointProcedure } from './missing-at-timepoint.ts';
import { recordConsentProcedure } from './record-consent.ts';
import { registerCandidatesProcedure } from './register-candidates.ts';
import { searchParticipantsProcedure } from './search-participants.ts';
import { withdrawConsentProcedure } from './withdraw-consent.ts';

export const participantRouter = router({
  enrol: enrolParticipantProcedure,
  search: searchParticipantsProcedure,
  list: listParticipantsProcedure,
  get: getParticipantProcedure,
  recordConsent: recordConsentProcedure,
  withdrawConsent: withdrawConsentProcedure,
  exportSubjectAccess: exportSubjectAccessProcedure,
  erase: eraseParticipantProcedure,
  missingAtTimepoint: missingAtTimepointProcedure,
  registerCandidates: registerCandidatesProcedure,
});
