import { parseNhsNumber, ZEqualityMonitoring } from '@coproduce/domain';
import { z } from 'zod';
import { ZIsoDate } from '../workflow-schemas.ts';

const name = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(100, `The ${what} must be 100 characters or fewer`);

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => (value ? value : null));

/** Blank means "not given"; anything else must pass the modulus-11 check. */
const ZNhsNumber = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    try {
      return parseNhsNumber(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

export const ZIdentity = z.object({
  givenName: name('first name'),
  familyName: name('last name'),
  dateOfBirth: ZIsoDate.refine((d) => d >= '1900-01-01', 'Enter a real date of birth'),
  email: z
    .union([z.literal(''), z.email('Enter an email address like name@example.com')])
    .nullish()
    .transform((value) => value || null),
  phone: optionalText(30, 'The phone number must be 30 characters or fewer').refine(
    (value) => value === null || /^[0-9+() -]{6,}$/.test(value),
    'Enter a phone number using digits, spaces and +',
  ),
  postcode: optionalText(10, 'Enter a UK postcode like LS1 4AP').refine(
    (value) => value === null || /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i.test(value),
    'Enter a UK postcode like LS1 4AP',
  ),
  nhsNumber: ZNhsNumber,
});

export const ZConsent = z.object({
  noticeVersion: z
    .string({ error: 'Enter the privacy notice version' })
    .trim()
    .min(1, 'Enter the privacy notice version')
    .max(40, 'The privacy notice version must be 40 characters or fewer'),
  serviceDelivery: z.boolean(),
  evaluation: z.boolean(),
  sharingWithCommissioners: z.boolean(),
  givenOn: ZIsoDate,
});

export const ZEnrolment = z
  .object({
    enrolledOn: ZIsoDate,
    identity: ZIdentity,
    consent: ZConsent.refine((c) => c.serviceDelivery, {
      message: 'A participant can only be enrolled with consent to receive the service',
      path: ['serviceDelivery'],
    }),
    equality: ZEqualityMonitoring.default({}),
  })
  .refine((e) => e.identity.dateOfBirth <= e.enrolledOn, {
    message: 'The date of birth must be before the enrolment date',
    path: ['identity', 'dateOfBirth'],
  })
  .refine((e) => e.consent.givenOn <= e.enrolledOn, {
    message: 'Consent must be given on or before the enrolment date',
    path: ['consent', 'givenOn'],
  });

export const ZConsentStatus = z.enum(['in-force', 'withdrawn', 'none']);

/** What anyone outside the site may see of a participant: no identifying field at all. */
export const ZPseudonymousParticipant = z.strictObject({
  participantId: z.uuid(),
  code: z.string(),
  programmeId: z.uuid(),
  enrolledOn: z.string(),
  erased: z.boolean(),
  consent: ZConsentStatus,
});

export const ZIdentityView = z.object({
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  postcode: z.string().nullable(),
  nhsNumber: z.string().nullable(),
});

export const ZConsentView = z.object({
  consentId: z.uuid(),
  noticeVersion: z.string(),
  serviceDelivery: z.boolean(),
  evaluation: z.boolean(),
  sharingWithCommissioners: z.boolean(),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
});

export const ZWindowStatus = z.enum(['in-window', 'early', 'late', 'not-yet-known']);

export const ZScoreView = z.object({
  responseId: z.uuid(),
  instrument: z.string(),
  timepointCode: z.string(),
  recordedOn: z.string(),
  valid: z.boolean(),
  total: z.number().nullable(),
  band: z.string().nullable(),
  caseness: z.boolean().nullable(),
  riskFlag: z.boolean(),
  riskAcknowledged: z.boolean(),
  metric: z.number().nullable(),
  subscales: z.record(z.string(), z.number()),
  missingItems: z.number().int(),
  collectorRole: z.string(),
});

export const ZParticipantRecord = z.object({
  participantId: z.uuid(),
  code: z.string(),
  programme: z.object({ id: z.uuid(), name: z.string() }),
  siteId: z.uuid(),
  enrolledOn: z.string(),
  erasedAt: z.string().nullable(),
  identity: ZIdentityView.nullable(),
  equality: z.object({
    ageBand: z.string().nullable(),
    sex: z.string().nullable(),
    ethnicGroup: z.string().nullable(),
    religion: z.string().nullable(),
    mainLanguage: z.string().nullable(),
    disability: z.string().nullable(),
  }),
  consent: ZConsentStatus,
  consents: z.array(ZConsentView),
  sessions: z.array(
    z.object({
      sessionId: z.uuid(),
      heldOn: z.string(),
      kind: z.string(),
      title: z.string(),
      practitionerName: z.string(),
      attendance: z.string(),
    }),
  ),
  questionnaires: z.array(
    ZScoreView.extend({ collectorName: z.string(), windowStatus: ZWindowStatus }),
  ),
  framework: z.object({
    instruments: z.array(z.string()).readonly(),
    timepoints: z.array(z.object({ code: z.string(), label: z.string(), kind: z.string() })),
  }),
});
