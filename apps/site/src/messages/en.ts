/**
 * The site app's own text. Written for phones and for people who may read English as a second
 * language: short sentences, everyday words, one idea at a time.
 */
export const siteEn = {
  appName: 'Site',
  'nav.home': 'Home',
  'nav.people': 'People',
  'footer.hubApp': 'Coproduce hub',

  'home.siteLead.title': 'Your site',
  'home.siteLead.intro': 'You are the site lead at {organisation}.',
  'home.siteLead.peopleTitle': 'People at your site',
  'home.siteLead.peopleBody': 'See who works here. Invite new people and change their roles.',
  'home.siteLead.later':
    'Soon you will also enrol participants, record baseline questionnaires and send evidence to the hub from here.',
  'home.practitioner.title': 'Welcome, {name}',
  'home.practitioner.intro': 'You are a practitioner at {organisation}.',
  'home.practitioner.later':
    'Your sessions, attendance registers and questionnaires will appear here. You will also see what you have been paid.',
  'home.community_researcher.title': 'Welcome, {name}',
  'home.community_researcher.intro': 'You are a community researcher at {organisation}.',
  'home.community_researcher.later':
    'The follow-up questionnaires you need to collect will appear here, with who to contact and when.',
  'home.nothingYet': 'Nothing to do yet',
  'home.other.title': 'Welcome, {name}',
  'home.other.intro': 'You are signed in as {role} at {organisation}.',
  'home.other.hub': 'This app is for people who work at a site. Your work is in the Coproduce hub.',
  'home.other.hubLink': 'Go to the Coproduce hub',

  'notFound.title': 'Page not found',
  'notFound.body': 'Check the web address is right.',
  'notFound.home': 'Go to your home page',
  'routeError.title': 'Sorry, something went wrong',
  'routeError.body': 'Try again later. If it keeps happening, tell your site lead.',
} as const;
