/**
 * Text of the safeguarding banner on the home page and the site lead's safeguarding contact
 * setting. Loaded with the home page.
 */
export const safeguardingEn = {
  'risk.heading_one': '1 questionnaire raised a safeguarding risk',
  'risk.heading_other': '{count} questionnaires raised a safeguarding risk',
  'risk.whyBefore':
    'Someone answered question 9 of the PHQ-9 (thoughts of being better off dead or of hurting themselves) with more than “not at all”. Follow your',
  'risk.whyTerm': 'safeguarding',
  'risk.whyAfter': 'steps today.',
  'risk.call': 'Call your safeguarding contact, {name}, on',
  'risk.noContact': 'Your site has no safeguarding contact yet. Follow your safeguarding policy.',
  'risk.noContactLead': 'Add your site’s safeguarding contact below.',
  'risk.noContactOther': 'Ask your site lead to add one.',
  'risk.participant': 'PHQ-9 of {code}, {date}',
  'risk.action': 'What was done for {code}?',
  'risk.action.contacted-participant': 'We spoke to the participant',
  'risk.action.referred': 'We referred them for urgent help (GP, crisis team or NHS 111)',
  'risk.action.safeguarding-lead-informed': 'We told the safeguarding contact',
  'risk.record': 'Record what was done',
  'risk.recordFor': 'for {code}',
  'risk.error.action': 'Choose what was done',
  'risk.done': 'Recorded what was done for {code}',
  'risk.loading': 'Checking for safeguarding risks…',

  'contact.heading': 'Safeguarding contact',
  'contact.introBefore': 'Who your staff call when a questionnaire raises a',
  'contact.introTerm': 'safeguarding',
  'contact.introAfter': 'risk. It is shown to them straight away.',
  'contact.none': 'Your site has no safeguarding contact yet. Add one now.',
  'contact.name': 'Name',
  'contact.phone': 'Phone number',
  'contact.change': 'Change the safeguarding contact',
  'contact.save': 'Save the safeguarding contact',
  'contact.cancel': 'Cancel',
  'contact.saved': 'Safeguarding contact saved',
  'contact.error.name': 'Enter the safeguarding contact’s name',
  'contact.error.phone': 'Enter a phone number using digits, spaces and +',
} as const;
