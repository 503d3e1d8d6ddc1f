import { router } from '../../trpc/init.ts';
import { workflowProcedures } from '../workflow-procedures.ts';
import { approvePaymentRunProcedure } from './approve-payment-run.ts';
import { cancelPaymentRunProcedure } from './cancel-payment-run.ts';
import { createPaymentRunProcedure } from './create-payment-run.ts';
import { downloadBankFileProcedure } from './download-bank-file.ts';
import { getPaymentRunProcedure } from './get-payment-run.ts';
import { listPaymentRunsProcedure } from './list-payment-runs.ts';
import { recordConfirmationProcedure } from './record-confirmation.ts';
import { releasePaymentRunProcedure } from './release-payment-run.ts';
import { remittanceProcedure } from './remittance.ts';
import { paymentRunById } from './target.ts';
import { uploadConfirmationProcedure } from './upload-confirmation.ts';

/**
 * Payment runs. Steps go through their own procedures (approval needs 2FA and a second person,
 * release makes the files), so only the generic history is taken from the workflow procedures.
 */
export const paymentRunRouter = router({
  create: createPaymentRunProcedure,
  list: listPaymentRunsProcedure,
  get: getPaymentRunProcedure,
  approve: approvePaymentRunProcedure,
  release: releasePaymentRunProcedure,
  cancel: cancelPaymentRunProcedure,
  download: downloadBankFileProcedure,
  remittance: remittanceProcedure,
  recordConfirmation: recordConfirmationProcedure,
  uploadConfirmation: uploadConfirmationProcedure,
  history: workflowProcedures('paymentRun', 'runId', paymentRunById, 'payment run').history,
});
