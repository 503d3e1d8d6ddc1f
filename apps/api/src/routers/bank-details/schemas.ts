import { z } from 'zod';

const ZMaskedAccount = z.object({
  bankDetailsId: z.uuid(),
  status: z.enum(['pending', 'confirmed', 'superseded', 'rejected']),
  /** The last three digits of the account number: all that is ever shown. */
  accountEnding: z.string().regex(/^\d{3}$/),
  sortCodeMasked: z.literal('**-**-**'),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});

export const ZPayeeBankDetails = z.object({
  payeeId: z.uuid().nullable(),
  payeeName: z.string(),
  confirmed: ZMaskedAccount.nullable(),
  pending: ZMaskedAccount.nullable(),
});

export const ZSortCode = z
  .string({ error: 'Enter the sort code' })
  .trim()
  .regex(/^\d{2}[\s-]?\d{2}[\s-]?\d{2}$/, 'Enter a sort code like 30-99-50');

export const ZAccountNumber = z
  .string({ error: 'Enter the account number' })
  .trim()
  .regex(/^\d{8}$/, 'Enter an account number of 8 digits');

export const ZAccountName = z
  .string({ error: 'Enter the name on the account' })
  .trim()
  .min(2, 'Enter the name on the account')
  .max(70, 'The name on the account must be 70 characters or fewer');
