/**
 * The glossary's text: every term of the trade in plain words. Kept apart from the app's other
 * messages so it loads only with the glossary page. Each term has an id that other screens link
 * to (`<Term id="caseness">`); `body` is one or more short paragraphs.
 */
export interface GlossaryEntry {
  readonly term: string;
  /** Other words people use for it, shown under the term. */
  readonly alsoCalled?: string;
  readonly body: readonly string[];
}

export const glossaryTermsEn = {
  baseline: {
    term: 'Baseline',
    body: [
      'The first questionnaire a participant fills in, before their support starts. It shows where they started, so any change later can be seen.',
      'It must be done within a set time (a window) before their first session, usually the 4 weeks before. A programme cannot start its sessions until enough participants have a baseline: usually 80% of those enrolled.',
    ],
  },
  'follow-up': {
    term: 'Follow-up',
    body: [
      'A questionnaire some time after the support, for example 3 months and 6 months later. It shows whether a change lasted.',
      'Follow-ups are often collected by a community researcher (see co-assessment).',
    ],
  },
  timepoint: {
    term: 'Timepoint',
    body: [
      'A moment when questionnaires are due: the baseline, each session, the end of treatment, and each follow-up. The programme’s outcomes framework says which timepoints it uses.',
    ],
  },
  window: {
    term: 'Window, out of window',
    body: [
      'The dates in which a questionnaire counts for its timepoint. For example, a baseline counts if it is done in the 4 weeks before the first session, and a 3-month follow-up if it is done within 3 weeks either side of 3 months after the last treatment session.',
      'A questionnaire done outside its window is kept, but marked “out of window” and counted apart, because it may not compare fairly with the others.',
    ],
  },
  'collection-round': {
    term: 'Collection round',
    body: [
      'All the questionnaires due at one timepoint, for one programme at one site. For example, “3-month follow-up at St Brigid’s”. Each round shows how many were expected, received and complete.',
    ],
  },
  'expected-received-complete': {
    term: 'Expected, received, complete',
    body: [
      'Expected: how many questionnaires should be collected in a round. Received: how many came back. Complete: how many of those had enough answers to be scored.',
      'The response rate is received divided by expected. The completion rate is complete divided by received. For example: 85 expected, 23 received (27%), 16 complete (70% of those received).',
    ],
  },
  'co-assessment': {
    term: 'Co-assessment',
    body: [
      'People from the community, not only the staff who gave the support, collect the follow-up questionnaires and feedback. It makes the results more trustworthy and gives the community a say in judging the work.',
    ],
  },
  'community-researcher': {
    term: 'Community researcher',
    body: [
      'A trained and paid person from the community who collects follow-up questionnaires and feedback from participants. Their work is what makes co-assessment happen.',
    ],
  },
  'participant-code': {
    term: 'Pseudonymous participant code',
    alsoCalled: 'participant code',
    body: [
      'A code such as SBC-7K2M9Q that stands for one participant. Only the participant’s own site sees their name and contact details. The hub and the commissioners see only the code.',
    ],
  },
  'consent-scope': {
    term: 'Consent scope',
    body: [
      'What a participant has agreed to. There are three separate choices: to receive the service, to have their answers used in the evaluation, and to have them shared with commissioners.',
      'A participant can withdraw consent at any time. From that date, nothing new about them is used.',
    ],
  },
  'privacy-notice': {
    term: 'Privacy notice',
    body: [
      'The document that tells participants what information is kept about them, why, who sees it and what their rights are. We record which version each participant was shown.',
    ],
  },
  'subject-access-request': {
    term: 'Subject access request',
    body: [
      'A person’s legal right to get a copy of everything held about them. The site lead can download it in one step, as a file a computer can read and as a page to print.',
    ],
  },
  erasure: {
    term: 'Erasure',
    alsoCalled: 'right to be forgotten',
    body: [
      'Removing a participant’s name, date of birth and contact details when they ask. Their questionnaire answers stay under their code only, so the totals stay right, but nobody can tell who they were.',
    ],
  },
  safeguarding: {
    term: 'Safeguarding',
    body: [
      'Protecting people from harm, abuse or neglect. Each site names a safeguarding contact to call.',
      'If someone answers more than “not at all” to question 9 of the PHQ-9 (thoughts of being better off dead or of hurting themselves), the app warns you at once. Speak to your safeguarding contact the same day, then record what was done.',
    ],
  },
  caseness: {
    term: 'Caseness',
    alsoCalled: 'at caseness',
    body: [
      'A score high enough to count as a “case” in NHS Talking Therapies: a PHQ-9 score of 10 or more, or a GAD-7 score of 8 or more. It is not a diagnosis.',
    ],
  },
  'finished-treatment': {
    term: 'Finished treatment',
    body: [
      'In NHS Talking Therapies, someone who attended at least two treatment sessions. Only people who finished treatment count in the recovery and improvement rates.',
    ],
  },
  recovery: {
    term: 'Recovery (NHS Talking Therapies)',
    alsoCalled: 'recovered, recovery rate',
    body: [
      'Someone who was at caseness at the start and ends below both cut-offs: PHQ-9 under 10 and GAD-7 under 8.',
      'The recovery rate is: people recovered, divided by people who finished treatment minus those who were not at caseness at the start. For example, 27,884 recovered of 57,060 who finished, 3,200 of whom were not at caseness, is 51.8%.',
    ],
  },
  'reliable-improvement': {
    term: 'Reliable improvement',
    body: [
      'A fall in score bigger than the usual ups and downs of the questionnaire: at least 6 points on the PHQ-9 or at least 4 points on the GAD-7, from the first score to the last, and not reliably worse on the other.',
      'The rate is: people reliably improved, divided by people who finished treatment.',
    ],
  },
  'reliable-deterioration': {
    term: 'Reliable deterioration',
    body: [
      'A rise in score of at least 6 points on the PHQ-9 or at least 4 points on the GAD-7, from the first score to the last. Either one is enough. It means the person got reliably worse.',
    ],
  },
  'reliable-recovery': {
    term: 'Reliable recovery',
    body: ['Someone who both recovered and reliably improved.'],
  },
  'phq-9': {
    term: 'PHQ-9',
    alsoCalled: 'Patient Health Questionnaire',
    body: [
      'Nine questions about low mood (depression) over the last two weeks, each scored 0 to 3. The total is 0 to 27: 0 to 4 minimal, 5 to 9 mild, 10 to 14 moderate, 15 to 19 moderately severe, 20 to 27 severe.',
      'Question 9 asks about thoughts of self-harm. Any answer above 0 raises a safeguarding warning.',
    ],
  },
  'gad-7': {
    term: 'GAD-7',
    alsoCalled: 'Generalised Anxiety Disorder scale',
    body: [
      'Seven questions about anxiety over the last two weeks, each scored 0 to 3. The total is 0 to 21: 0 to 4 minimal, 5 to 9 mild, 10 to 14 moderate, 15 to 21 severe.',
    ],
  },
  wemwbs: {
    term: 'WEMWBS',
    alsoCalled: 'Warwick-Edinburgh Mental Wellbeing Scale',
    body: [
      'Fourteen positive statements about feelings and thoughts over the last two weeks, each scored 1 to 5. The total is 14 to 70. A higher score means better wellbeing.',
    ],
  },
  swemwbs: {
    term: 'SWEMWBS',
    alsoCalled: 'Short Warwick-Edinburgh Mental Wellbeing Scale',
    body: [
      'The short version of WEMWBS: seven statements, a total of 7 to 35, turned into a “metric score” with the published table. A higher score means better wellbeing.',
    ],
  },
  ons4: {
    term: 'ONS4',
    alsoCalled: 'ONS personal wellbeing questions',
    body: [
      'The Office for National Statistics’ four questions about life satisfaction, feeling that life is worthwhile, happiness yesterday and anxiety yesterday. Each is answered from 0 to 10. For anxiety, a lower score is better.',
    ],
  },
  'mos-sss': {
    term: 'MOS-SSS',
    alsoCalled: 'MOS Social Support Survey',
    body: [
      'Questions about how much support a person feels they have: someone to talk to and get advice from, practical help, affection, and people to have a good time with. Each part is scored from 0 to 100.',
    ],
  },
  pam: {
    term: 'PAM',
    alsoCalled: 'Patient Activation Measure',
    body: [
      'Measures how much knowledge, skill and confidence a person has to look after their own health. It is licensed: use the licensed tool, then enter only its score here.',
    ],
  },
  'outcomes-star': {
    term: 'Outcomes Star',
    body: [
      'A set of tools where a person and a worker agree where the person is on a “journey of change” in several areas of life. It is licensed: use the licensed tool, then enter only its score here.',
    ],
  },
  commissioner: {
    term: 'Commissioner',
    body: [
      'A public body that pays for services and wants to see what they achieve: for example the ICB, the council, public health or an NHS mental health trust. Several commissioners can share the cost of one programme.',
    ],
  },
  icb: {
    term: 'ICB',
    alsoCalled: 'Integrated Care Board',
    body: [
      'The NHS body that plans and pays for health services in an area. It is often one of a programme’s commissioners.',
    ],
  },
  hub: {
    term: 'Hub',
    body: [
      'The charity that links the community sites (churches, mosques, temples and groups) with the commissioners. It shapes the programmes with the sites, checks the evidence and pays the sites.',
    ],
  },
  'paid-role': {
    term: 'Paid role',
    body: [
      'A job at a site that the programme pays for, such as a family practitioner or a community researcher. It is paid only while all its checks are in date: enhanced DBS, right to work, qualification, a named clinical supervisor and safeguarding training.',
    ],
  },
  dbs: {
    term: 'DBS',
    alsoCalled: 'Disclosure and Barring Service check',
    body: [
      'A criminal record check. An enhanced DBS check is needed to work with people who may be vulnerable. It is one of the checks every paid role must keep in date.',
    ],
  },
  milestone: {
    term: 'Milestone',
    body: [
      'Something a site must show the hub, for example “baseline complete” or “30 participants reliably improved”. When the hub accepts it, the site can be paid for it.',
    ],
  },
  'small-numbers': {
    term: '“<5” (fewer than 5)',
    alsoCalled: 'small-number suppression',
    body: [
      'When fewer than 5 people are counted, people outside the site see “<5” instead of the number, so that nobody can be recognised. Rates and averages from fewer than 5 people are not shown.',
      'Your own site sees the real numbers.',
    ],
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryTermId = keyof typeof glossaryTermsEn;

/** The glossary's sections, in reading order. */
export const glossarySectionsEn: ReadonlyArray<{
  readonly id: string;
  readonly title: string;
  readonly terms: readonly GlossaryTermId[];
}> = [
  {
    id: 'collecting-evidence',
    title: 'Collecting evidence',
    terms: [
      'baseline',
      'follow-up',
      'timepoint',
      'window',
      'collection-round',
      'expected-received-complete',
      'co-assessment',
      'community-researcher',
    ],
  },
  {
    id: 'personal-data',
    title: 'Personal data and safety',
    terms: [
      'participant-code',
      'consent-scope',
      'privacy-notice',
      'subject-access-request',
      'erasure',
      'safeguarding',
      'small-numbers',
    ],
  },
  {
    id: 'talking-therapies',
    title: 'NHS Talking Therapies measures',
    terms: [
      'caseness',
      'finished-treatment',
      'recovery',
      'reliable-improvement',
      'reliable-deterioration',
      'reliable-recovery',
    ],
  },
  {
    id: 'questionnaires',
    title: 'Questionnaires',
    terms: ['phq-9', 'gad-7', 'wemwbs', 'swemwbs', 'ons4', 'mos-sss', 'pam', 'outcomes-star'],
  },
  {
    id: 'people-and-money',
    title: 'People, organisations and money',
    terms: ['commissioner', 'icb', 'hub', 'paid-role', 'dbs', 'milestone'],
  },
];
