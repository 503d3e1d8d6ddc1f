/**
 * The questionnaire screens. The questions themselves, their answers and the meaning of each
 * score come from the published instruments in @coproduce/domain, word for word.
 */
export const questionnairesEn = {
  'questionnaire.caption': 'Questionnaire for {who}',
  'questionnaire.loading': 'Loading…',
  'questionnaire.back': 'Back',
  'questionnaire.continue': 'Continue',
  'questionnaire.cannotRecord.title': 'You cannot record a questionnaire for {code}',
  'questionnaire.cannotRecord.erased':
    'Their identifying details were erased, so nothing more can be recorded for them.',
  'questionnaire.cannotRecord.consent':
    'They have no consent in force. Record their consent first, then come back.',
  'questionnaire.cannotRecord.back': 'Go back to their record',

  'questionnaire.instrument.title': 'Which questionnaire are you recording?',
  'questionnaire.instrument.hint': 'These are the questionnaires this programme uses.',
  'questionnaire.instrument.licensedDivider': 'or the score from a licensed tool',
  'questionnaire.instrument.error': 'Select the questionnaire you are recording',

  'questionnaire.when.title': 'When is it for?',
  'questionnaire.when.timepoint': 'Which point in their time with us is this for?',
  'questionnaire.when.timepointHint':
    'The programme collects questionnaires at set {term}, such as the baseline before the first session.',
  'questionnaire.when.timepointTerm': 'timepoints',
  'questionnaire.aboutInstrument': 'About the {term} and what its score means',
  'questionnaire.when.timepointError': 'Select which point this questionnaire is for',
  'questionnaire.when.recordedOn': 'Date it was completed',
  'questionnaire.when.recordedOnHint': 'For example, 27 3 2026. You can use the date picker.',
  'questionnaire.when.recordedOnError': 'Enter the date it was completed',
  'questionnaire.when.recordedOnFuture': 'The date it was completed must be today or in the past',

  'questionnaire.question.caption': '{name}: question {number} of {count}',
  'questionnaire.question.notAnswered': 'Did not answer',
  'questionnaire.question.or': 'or',
  'questionnaire.question.error':
    'Select an answer to question {number} ({short}), or “Did not answer”',
  'questionnaire.question.tooManySkipped':
    '{name} cannot be scored with this many questions not answered. You can still save it.',
  'questionnaire.questions.title': '{name}',
  'questionnaire.questions.legend': '{number}. {text}',

  'questionnaire.score.title': 'What score did the {name} tool give?',
  'questionnaire.score.label': 'Score',
  'questionnaire.score.licence':
    '{name} is licensed by {licensor}. Use their tool to ask the questions; record only the score here.',
  'questionnaire.score.missing': 'Enter the score from the {name} tool',
  'questionnaire.score.invalid':
    'Enter the score as {kind} from {min} to {max}, as the {name} tool gives it',
  'questionnaire.score.whole': 'a whole number',
  'questionnaire.score.decimal': 'a number with at most one decimal place',

  'questionnaire.check.title': 'Check the answers',
  'questionnaire.check.details': 'Questionnaire',
  'questionnaire.check.instrument': 'Questionnaire',
  'questionnaire.check.timepoint': 'For',
  'questionnaire.check.recordedOn': 'Completed on',
  'questionnaire.check.answers': 'Answers',
  'questionnaire.check.score': 'Score',
  'questionnaire.check.change': 'Change',
  'questionnaire.check.changeWhat': '{what}',
  'questionnaire.check.changeQuestion': 'the answer to question {number}',
  'questionnaire.check.notScorable':
    'This cannot be scored: too many questions were not answered. It will still be saved.',
  'questionnaire.check.save': 'Save questionnaire',
  'questionnaire.check.saving': 'Saving…',

  'questionnaire.saved.title': 'Questionnaire saved',
  'questionnaire.saved.alreadyRecorded':
    'This questionnaire had already been saved. It is kept once, as it was saved first.',
  'questionnaire.saved.scoreHeading': 'What the score means',
  'questionnaire.saved.kept.title': 'Saved on this phone',
  'questionnaire.saved.kept.heading': 'Waiting to send',
  'questionnaire.saved.kept.body':
    'You are offline, so the questionnaire is kept on this phone. It will be sent once, as soon as you are back online. Keep this browser open until then if you can.',
  'questionnaire.saved.kept.preview':
    'The score below is worked out on this phone. It is checked again when it is sent.',
  'questionnaire.saved.window.early':
    'This is {term}: it was completed earlier than the programme’s window for this point. It is kept, and counted apart in reports.',
  'questionnaire.saved.window.late':
    'This is {term}: it was completed later than the programme’s window for this point. It is kept, and counted apart in reports.',
  'questionnaire.saved.window.term': 'out of window',
  'questionnaire.saved.next': 'What next',
  'questionnaire.saved.another': 'Record another questionnaire for {code}',
  'questionnaire.saved.record': 'Go to their record',

  'score.outOf': '{score} out of {max}',
  'score.band': 'Band: {band}',
  'score.level': 'Level {level}',
  'score.notScored': 'Not scored: too many questions were not answered',
  'score.caseness': 'At or above the {term} threshold',
  'score.casenessTerm': 'caseness',
  'score.missingItems_one': '{count} question not answered',
  'score.missingItems_other': '{count} questions not answered',
  'score.ons4.lifeSatisfaction': 'Life satisfaction',
  'score.ons4.worthwhile': 'Things done are worthwhile',
  'score.ons4.happiness': 'Happiness yesterday',
  'score.ons4.anxiety': 'Anxiety yesterday',
  'score.mos.overall': 'Overall support',
  'score.mos.emotionalInformational': 'Emotional and information support',
  'score.mos.tangible': 'Practical support',
  'score.mos.affectionate': 'Affection',
  'score.mos.positiveSocialInteraction': 'Good times with others',
  'score.ofTen': '{value} out of 10',
  'score.ofHundred': '{value} out of 100',

  'safeguarding.title': 'Safeguarding: act today',
  'safeguarding.heading': 'This answer means {who} may be at risk of harming themselves',
  'safeguarding.body':
    'They answered question 9 (thoughts that they would be better off dead, or of hurting themselves) with more than “Not at all”. Follow your site’s {term} procedure today. Do not wait until the questionnaire is sent.',
  'safeguarding.term': 'safeguarding',
  'safeguarding.contact': 'Call {name} on',
  'safeguarding.noContact':
    'Tell your site’s safeguarding lead today. Your site lead can add their phone number to this app.',
  'safeguarding.contactFor': 'Safeguarding contact at {site}',
  'safeguarding.emergency':
    'If they are in immediate danger, call 999. If they need urgent help but are not in immediate danger, they can call NHS 111 and choose the mental health option.',
} as const;
