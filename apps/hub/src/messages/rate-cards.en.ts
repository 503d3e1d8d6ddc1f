/**
 * The rate card screens: the card in force, its dated amendments, the editor for a new
 * amendment and the "what would this cost" preview.
 */
export const rateCardsEn = {
  'rateCard.title': 'Rate card',
  'rateCard.back': 'Back to the programme',
  'rateCard.loading': 'Loading the rate card…',
  'rateCard.intro':
    'The rate card prices the outcomes this programme’s funders pay for. An amendment takes effect from its date: achievements before it are priced by the card that was in force then, and past claims never change.',
  'rateCard.none': 'This programme has no rate card yet.',
  'rateCard.amend': 'Amend the rate card',
  'rateCard.create': 'Set up the rate card',
  'rateCard.current': 'In force from {date}',
  'rateCard.currentHeading': 'The card in force',
  'rateCard.otherHeading': 'The card effective from {date}',
  'rateCard.outcomes.caption': 'Outcomes and prices',
  'rateCard.outcomes.code': 'Code',
  'rateCard.outcomes.definition': 'Outcome',
  'rateCard.outcomes.trigger': 'Counted when',
  'rateCard.outcomes.price': 'Price',
  'rateCard.outcomes.times': 'Claims per participant',
  'rateCard.outcomes.once': 'Once',
  'rateCard.outcomes.upTo': 'Up to {count} times',
  'rateCard.caps': 'Caps',
  'rateCard.participantCap': 'Cap per participant',
  'rateCard.contractCap': 'Contract cap',
  'rateCard.noCap': 'No cap',
  'rateCard.funders': 'How funders share each line',
  'rateCard.funderShare': '{percent}% of each line',
  'rateCard.history.caption': 'Amendments',
  'rateCard.history.effectiveFrom': 'Effective from',
  'rateCard.history.reason': 'Reason',
  'rateCard.history.by': 'Made by',
  'rateCard.history.outcomes': 'Outcomes',
  'rateCard.history.firstVersion': 'First rate card',
  'rateCard.history.actions': 'Actions',
  'rateCard.history.view': 'View',
  'rateCard.history.shown': 'Shown above',
  'rateCard.history.viewFor': 'the card effective from {date}',

  'rateCardEditor.title': 'Amend the rate card',
  'rateCardEditor.firstTitle': 'Set up the rate card',
  'rateCardEditor.back': 'Back to the rate card',
  'rateCardEditor.intro':
    'Change what you need: the amendment is saved as a new dated version of the whole card. Achievements from its date are priced by it.',
  'rateCardEditor.when': 'When and why',
  'rateCardEditor.effectiveFrom': 'Effective from',
  'rateCardEditor.effectiveFromHint':
    'Achievements on or after this date are priced by this card. For example, 1 April 2027.',
  'rateCardEditor.effectiveFromAfterClaims':
    'Claims have been computed up to the day before {date}, so the amendment can take effect from {date} at the earliest. Achievements on or after its date are priced by this card.',
  'rateCardEditor.reason': 'Reason for the amendment',
  'rateCardEditor.reasonFirst': 'Notes (optional)',
  'rateCardEditor.reasonHint':
    'Everyone who reads the rate card sees this. For example, prices agreed at the March contract review.',
  'rateCardEditor.outcomes': 'Outcomes',
  'rateCardEditor.outcomesHint':
    'Each outcome is counted from the evidence and priced per participant who achieves it.',
  'rateCardEditor.outcome': 'Outcome {number}',
  'rateCardEditor.code': 'Code',
  'rateCardEditor.codeHint': '2 to 20 capital letters, digits and hyphens, like PHQ9-RI',
  'rateCardEditor.definition': 'What the outcome is, in plain language',
  'rateCardEditor.trigger': 'What counts as achieving it',
  'rateCardEditor.chooseTrigger': 'Choose',
  'rateCardEditor.instrument': 'Questionnaire',
  'rateCardEditor.chooseInstrument': 'Choose a questionnaire',
  'rateCardEditor.timepoint': 'Compared with baseline at',
  'rateCardEditor.chooseTimepoint': 'Choose a timepoint',
  'rateCardEditor.minGain': 'Smallest gain that counts, in points',
  'rateCardEditor.minGainHint': 'For example 3',
  'rateCardEditor.minSessions': 'Sessions attended, at least',
  'rateCardEditor.milestoneTitle': 'Milestone',
  'rateCardEditor.verifier': 'Verified by',
  'rateCardEditor.verifierHint': 'The named role or person who verifies it',
  'rateCardEditor.price': 'Price per participant, in pounds',
  'rateCardEditor.priceHint': 'For example 1,250.00',
  'rateCardEditor.maxClaims': 'How many times it can be claimed per participant',
  'rateCardEditor.maxClaimsHint': '1 means once only',
  'rateCardEditor.removeOutcome': 'Remove outcome {number}',
  'rateCardEditor.addOutcome': 'Add another outcome',
  'rateCardEditor.caps': 'Caps',
  'rateCardEditor.capsHint':
    'Optional. A claim line that would go over a cap is reduced to what remains, and says so.',
  'rateCardEditor.participantCap': 'Cap per participant across all outcomes, in pounds',
  'rateCardEditor.contractCap': 'Cap for the whole contract, in pounds',
  'rateCardEditor.capHint': 'Leave empty for no cap',
  'rateCardEditor.funders': 'How the funders share each line',
  'rateCardEditor.fundersHint':
    'Whole numbers in proportion, like 60 and 40. Each line is split by these shares, to the penny.',
  'rateCardEditor.share': 'Share for {name}',
  'rateCardEditor.sharePercent': '{percent}% of each line',
  'rateCardEditor.noFunders':
    'This programme has no co-funders yet. Add them to the proposal before setting up the rate card.',
  'rateCardEditor.save': 'Save amendment',
  'rateCardEditor.cancel': 'Cancel',
  'rateCardEditor.saved': 'Rate card amended from {date}',

  'rateCardEditor.trigger.reliable-improvement': 'Reliable improvement on a questionnaire',
  'rateCardEditor.trigger.metric-gain': 'A gain in a questionnaire score',
  'rateCardEditor.trigger.attended-sessions': 'Attending a number of sessions',
  'rateCardEditor.trigger.baseline-completed': 'Completing a baseline questionnaire',
  'rateCardEditor.trigger.milestone-approved': 'A milestone approved by a named verifier',

  'rateCardEditor.error.effectiveFromMissing': 'Enter the date the amendment takes effect',
  'rateCardEditor.error.effectiveFromFormat':
    'Enter a real date the amendment takes effect, like 1 April 2027',
  'rateCardEditor.error.reasonMissing': 'Enter the reason for the amendment',
  'rateCardEditor.error.outcomesMissing': 'Add at least one outcome',
  'rateCardEditor.error.codeFormat':
    'Enter a code for outcome {number}: 2 to 20 capital letters, digits and hyphens, like PHQ9-RI',
  'rateCardEditor.error.codeRepeated':
    'Outcome {number}: the code {code} is used by another outcome; each code can appear once',
  'rateCardEditor.error.definitionMissing': 'Enter what outcome {number} is, in plain language',
  'rateCardEditor.error.triggerMissing': 'Choose what counts as achieving outcome {number}',
  'rateCardEditor.error.instrumentMissing': 'Choose the questionnaire for outcome {number}',
  'rateCardEditor.error.timepointMissing': 'Choose the timepoint for outcome {number}',
  'rateCardEditor.error.minGainFormat':
    'Enter the smallest gain for outcome {number} in points, more than 0 and up to 100, like 3',
  'rateCardEditor.error.minSessionsFormat':
    'Enter the sessions for outcome {number} as a whole number from 1 to 1,000',
  'rateCardEditor.error.milestoneTitleMissing': 'Enter the milestone for outcome {number}',
  'rateCardEditor.error.verifierMissing': 'Enter who verifies the milestone for outcome {number}',
  'rateCardEditor.error.priceMissing': 'Enter the price of outcome {number}',
  'rateCardEditor.error.priceFormat':
    'Enter the price of outcome {number} in pounds and pence, like 1,250.00',
  'rateCardEditor.error.maxClaimsFormat':
    'Enter how many times outcome {number} can be claimed, a whole number from 1 to 1,000',
  'rateCardEditor.error.participantCapFormat':
    'Enter the cap per participant in pounds and pence, like 3,000.00, or leave it empty',
  'rateCardEditor.error.contractCapFormat':
    'Enter the contract cap in pounds and pence, like 150,000.00, or leave it empty',
  'rateCardEditor.error.shareFormat': 'Enter the share for {name} as a whole number, like 60',
  'rateCardEditor.error.sharesAllZero': 'At least one funder needs a share more than 0',

  'costPreview.heading': 'What would this cost?',
  'costPreview.intro':
    'Enter how many participants might achieve each outcome to see what a claim would come to with the card above.',
  'costPreview.count': 'Participants achieving {code}',
  'costPreview.participants': 'Participants in total (optional)',
  'costPreview.participantsHint':
    'With a cap per participant, the total is kept within participants × cap.',
  'costPreview.submit': 'Work out the cost',
  'costPreview.fixCard': 'Correct the card above first: the preview uses it.',
  'costPreview.result': 'What it would cost',
  'costPreview.caption': 'Cost by outcome',
  'costPreview.outcome': 'Outcome',
  'costPreview.participantsColumn': 'Participants',
  'costPreview.price': 'Price',
  'costPreview.total': 'Total',
  'costPreview.beforeCaps': 'Total before caps',
  'costPreview.afterCaps': 'Total after caps',
  'costPreview.perFunder': 'Paid by each funder',
  'costPreview.countFormat': 'Enter the participants achieving {code} as a whole number, 0 or more',
  'costPreview.participantsFormat':
    'Enter the participants in total as a whole number, or leave it empty',
} as const;

export type RateCardsMessages = typeof rateCardsEn;
