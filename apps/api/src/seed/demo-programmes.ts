import type { PaidRoleCheckKind, Role } from '@coproduce/domain';

/**
 * The demo network's programmes, modelled on the report's case studies, each with a history of
 * who did what and when (days before today). Every name is fictional.
 */
export interface DemoStep {
  readonly event: string;
  /** Who took the step, and as which role; omitted for steps the system takes. */
  readonly by?: { email: string; role: Role };
  readonly daysAgo: number;
  readonly reason?: string;
}

export interface DemoMilestone {
  readonly title: string;
  readonly evidenceRequired: string;
  readonly site: string | null;
  readonly valuePence: number;
  readonly dueInDays: number;
  readonly steps: readonly DemoStep[];
}

export interface DemoPaidRole {
  readonly title: string;
  readonly site: string;
  readonly holder: string | null;
  /** Checks on record: kind and days until expiry (null: does not expire). */
  readonly checks: ReadonlyArray<{
    kind: PaidRoleCheckKind;
    reference: string;
    expiresInDays: number | null;
  }>;
  readonly steps: readonly DemoStep[];
}

export interface DemoProgramme {
  readonly name: string;
  readonly need: string;
  readonly population: string;
  readonly budgetPence: number;
  readonly delegationLimitPence: number;
  readonly minimumCohort: number;
  /** Fictional participants enrolled at each site, and how many have a baseline questionnaire. */
  readonly sites: ReadonlyArray<{ key: string; enrolled: number; baselineRecorded: number }>;
  /** Weekly sessions seeded once delivery starts, with end-of-treatment and follow-up answers. */
  readonly delivery?: { readonly sessionKind: 'group' | 'treatment'; readonly sessions: number };
  readonly funders: ReadonlyArray<{
    key: string;
    shareBasisPoints: number;
    signedOffDaysAgo: number | null;
    by: string;
  }>;
  readonly createdDaysAgo: number;
  readonly steps: readonly DemoStep[];
  readonly milestones: readonly DemoMilestone[];
  readonly paidRoles: readonly DemoPaidRole[];
}

const grace = { email: 'grace.mensah@hub.example.org', role: 'hub_coordinator' } as const;
const david = { email: 'david.levi@hub.example.org', role: 'hub_approver' } as const;
const priya = { email: 'priya.raman@icb.example.org', role: 'commissioner' } as const;
const tom = { email: 'tom.okafor@council.example.org', role: 'commissioner' } as const;
const samuel = { email: 'samuel.adeyemi@stbrigids.example.org', role: 'site_lead' } as const;

const allChecks = (reference: string, dbsExpiresInDays: number) =>
  [
    { kind: 'enhanced_dbs', reference: `DBS ${reference}`, expiresInDays: dbsExpiresInDays },
    { kind: 'right_to_work', reference: 'Passport seen by the hub', expiresInDays: null },
    { kind: 'qualification', reference: 'PG Cert Systemic Family Therapy', expiresInDays: null },
    {
      kind: 'clinical_supervisor',
      reference: 'Dr Eleanor Finch, family therapist',
      expiresInDays: 300,
    },
    {
      kind: 'safeguarding_training',
      reference: 'Level 3 safeguarding, Kingsmere SCP',
      expiresInDays: 240,
    },
  ] as const;

const roleSetUp = (startDaysAgo: number): DemoStep[] => [
  { event: 'FUND', by: grace, daysAgo: startDaysAgo },
  { event: 'OPEN_RECRUITMENT', by: grace, daysAgo: startDaysAgo - 1 },
  { event: 'PROPOSE_CANDIDATE', by: samuel, daysAgo: startDaysAgo - 6 },
  { event: 'START_CHECKS', by: grace, daysAgo: startDaysAgo - 7 },
  { event: 'ACTIVATE', by: grace, daysAgo: startDaysAgo - 20 },
];

const proposalToDelivery = (start: number): DemoStep[] => [
  { event: 'SUBMIT', by: grace, daysAgo: start },
  { event: 'START_REVIEW', by: david, daysAgo: start - 2 },
  {
    event: 'REQUEST_CHANGES',
    by: priya,
    daysAgo: start - 5,
    reason: 'Add GAD-7 at 6 months so the ICB can compare with Talking Therapies',
  },
  { event: 'RESUBMIT', by: grace, daysAgo: start - 9 },
  { event: 'APPROVE', by: priya, daysAgo: start - 14 },
  { event: 'START_DELIVERY', by: grace, daysAgo: start - 60 },
];

export const DEMO_PROGRAMMES: readonly DemoProgramme[] = [
  {
    name: 'Family therapy clinics led by trained faith leaders',
    need: 'Families wait over a year for CAMHS family therapy; faith leaders already support many of them informally.',
    population:
      'Families with children aged 8–17 in the north of the borough, referred by GPs, schools or self-referral.',
    budgetPence: 18_000_000,
    delegationLimitPence: 1_000_000,
    minimumCohort: 20,
    sites: [
      { key: 'st-brigids', enrolled: 96, baselineRecorded: 88 },
      { key: 'al-noor', enrolled: 64, baselineRecorded: 57 },
    ],
    delivery: { sessionKind: 'treatment', sessions: 10 },
    funders: [
      {
        key: 'icb',
        shareBasisPoints: 6000,
        signedOffDaysAgo: 268,
        by: 'priya.raman@icb.example.org',
      },
      {
        key: 'council',
        shareBasisPoints: 4000,
        signedOffDaysAgo: 267,
        by: 'tom.okafor@council.example.org',
      },
    ],
    createdDaysAgo: 300,
    steps: [
      ...proposalToDelivery(280),
      { event: 'SUBMIT_RETURN', by: samuel, daysAgo: 112 },
      { event: 'ACCEPT_RETURN', by: david, daysAgo: 105 },
      { event: 'START_NEXT_PERIOD', by: grace, daysAgo: 104 },
      { event: 'SUBMIT_RETURN', by: samuel, daysAgo: 20 },
    ],
    milestones: [
      {
        title: 'Clinic rooms ready and safeguarding policy adopted',
        evidenceRequired: 'Photographs of the rooms; signed safeguarding policy',
        site: null,
        valuePence: 400_000,
        dueInDays: -200,
        steps: [
          { event: 'SUBMIT', by: grace, daysAgo: 205 },
          { event: 'APPROVE', by: david, daysAgo: 203 },
        ],
      },
      {
        title: 'Q1: 30 families completed at least 6 sessions',
        evidenceRequired: 'Attendance registers and session notes summary',
        site: 'st-brigids',
        valuePence: 1_250_000,
        dueInDays: -30,
        steps: [
          { event: 'SUBMIT', by: samuel, daysAgo: 40 },
          { event: 'APPROVE', by: david, daysAgo: 12 },
        ],
      },
      {
        title: 'Q2: baseline and 3-month follow-up questionnaires complete',
        evidenceRequired: 'Collection round report: expected, received and complete',
        site: 'st-brigids',
        valuePence: 600_000,
        dueInDays: 5,
        steps: [{ event: 'SUBMIT', by: samuel, daysAgo: 2 }],
      },
      {
        title: 'Q3: 20 families reliably improved',
        evidenceRequired: 'Outcome report with reliable change on the family measures',
        site: 'al-noor',
        valuePence: 900_000,
        dueInDays: 70,
        steps: [],
      },
    ],
    paidRoles: [
      {
        title: 'Family practitioner (systemic family therapy)',
        site: 'st-brigids',
        holder: 'ruth.campbell@stbrigids.example.org',
        checks: allChecks('001994305722', 18),
        steps: roleSetUp(250),
      },
      {
        title: 'Family practitioner (systemic family therapy)',
        site: 'al-noor',
        holder: null,
        checks: [],
        steps: [
          { event: 'FUND', by: grace, daysAgo: 250 },
          { event: 'OPEN_RECRUITMENT', by: grace, daysAgo: 249 },
        ],
      },
    ],
  },
  {
    name: 'Talking-therapy workshops at the temple',
    need: 'South Asian older adults are under-represented in NHS Talking Therapies referrals.',
    population: 'Adults aged 50+ attending Shree Ram Mandir and its lunch club.',
    budgetPence: 6_500_000,
    delegationLimitPence: 500_000,
    minimumCohort: 15,
    sites: [{ key: 'mandir', enrolled: 48, baselineRecorded: 44 }],
    delivery: { sessionKind: 'group', sessions: 8 },
    funders: [
      {
        key: 'mh-trust',
        shareBasisPoints: 10_000,
        signedOffDaysAgo: 190,
        by: 'sarah.whitfield@mhtrust.example.org',
      },
    ],
    createdDaysAgo: 220,
    steps: [
      { event: 'SUBMIT', by: grace, daysAgo: 200 },
      { event: 'START_REVIEW', by: david, daysAgo: 196 },
      { event: 'APPROVE', by: david, daysAgo: 188 },
      { event: 'START_DELIVERY', by: grace, daysAgo: 150 },
      {
        event: 'SUSPEND',
        by: david,
        daysAgo: 9,
        reason: 'Workshop facilitator’s supervision lapsed; paused until a new supervisor is named',
      },
    ],
    milestones: [
      {
        title: 'Eight workshops delivered with 15+ participants each',
        evidenceRequired: 'Registers',
        site: 'mandir',
        valuePence: 300_000,
        dueInDays: -20,
        steps: [
          {
            event: 'SUBMIT',
            by: { email: 'anita.sharma@mandir.example.org', role: 'site_lead' },
            daysAgo: 30,
          },
          {
            event: 'REQUEST_CHANGES',
            by: david,
            daysAgo: 25,
            reason: 'Two registers are unsigned',
          },
        ],
      },
    ],
    paidRoles: [],
  },
  {
    name: 'Healthy hearts: CVD lifestyle groups',
    need: 'High rates of undiagnosed hypertension among Black Caribbean and African residents over 40.',
    population: 'Adults 40+ in the Riverside and Greenway neighbourhoods.',
    budgetPence: 9_000_000,
    delegationLimitPence: 750_000,
    minimumCohort: 30,
    sites: [
      { key: 'greenway', enrolled: 0, baselineRecorded: 0 },
      { key: 'elders', enrolled: 0, baselineRecorded: 0 },
    ],
    funders: [
      {
        key: 'icb',
        shareBasisPoints: 5000,
        signedOffDaysAgo: 3,
        by: 'priya.raman@icb.example.org',
      },
      {
        key: 'public-health',
        shareBasisPoints: 5000,
        signedOffDaysAgo: null,
        by: 'kwame.boateng@publichealth.example.org',
      },
    ],
    createdDaysAgo: 40,
    steps: [
      { event: 'SUBMIT', by: grace, daysAgo: 10 },
      { event: 'START_REVIEW', by: david, daysAgo: 7 },
    ],
    milestones: [],
    paidRoles: [],
  },
  {
    name: 'Living well with long-term conditions',
    need: 'People with diabetes and COPD in the east of the borough miss self-management education.',
    population: 'Adults with type 2 diabetes or COPD registered with the four east-side practices.',
    budgetPence: 7_200_000,
    delegationLimitPence: 500_000,
    minimumCohort: 40,
    sites: [
      { key: 'st-brigids', enrolled: 28, baselineRecorded: 19 },
      { key: 'al-noor', enrolled: 17, baselineRecorded: 12 },
    ],
    funders: [
      {
        key: 'council',
        shareBasisPoints: 7000,
        signedOffDaysAgo: 60,
        by: 'tom.okafor@council.example.org',
      },
      {
        key: 'public-health',
        shareBasisPoints: 3000,
        signedOffDaysAgo: 58,
        by: 'kwame.boateng@publichealth.example.org',
      },
    ],
    createdDaysAgo: 120,
    steps: [
      { event: 'SUBMIT', by: grace, daysAgo: 75 },
      { event: 'START_REVIEW', by: tom, daysAgo: 70 },
      { event: 'APPROVE', by: tom, daysAgo: 55 },
    ],
    milestones: [],
    paidRoles: [],
  },
  {
    name: 'Young carers peer support',
    need: 'Young carers in the borough report isolation; schools ask for a community offer.',
    population: '',
    budgetPence: 0,
    delegationLimitPence: 250_000,
    minimumCohort: 10,
    sites: [{ key: 'elders', enrolled: 0, baselineRecorded: 0 }],
    funders: [],
    createdDaysAgo: 4,
    steps: [],
    milestones: [],
    paidRoles: [],
  },
];
