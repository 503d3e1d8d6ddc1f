/**
 * Interface text shared by every app: the frame, the components, signing in and out, and the
 * people admin. British English, plain words, GOV.UK style (sentence case, no full stops in
 * headings, buttons say what they do). `{name}` is a placeholder; `_one`/`_other` are plural forms.
 */
export const uiEn = {
  serviceName: 'Coproduce',
  skipLink: 'Skip to main content',
  'page.documentTitle': '{title} – {service}',
  'page.errorPrefix': 'Error: {title}',

  'header.serviceInformation': 'Service information',
  'header.menu': 'Menu',
  'header.signedInAs': 'Signed in as {name}, {role} at {organisation}',
  'header.signedInAsPerson': 'Signed in as {name}',
  'header.switchOrganisation': 'Switch organisation',
  'header.signOut': 'Sign out',

  'footer.heading': 'Support links',
  'footer.about':
    'Coproduce helps commissioners and community organisations commission, deliver, evidence and pay for community health programmes by outcomes. All names in the demonstration network are fictional.',
  'phase.tag': 'Demo',
  'phase.text': 'This is a new service. Everything you see here is fictional demonstration data.',

  'common.back': 'Back',
  'common.cancel': 'Cancel',
  'common.continue': 'Continue',
  'common.goHome': 'Go to your home page',
  'common.yes': 'Yes',
  'common.no': 'No',

  'error.prefix': 'Error:',
  'warning.prefix': 'Warning',
  'errorSummary.title': 'There is a problem',
  'banner.success': 'Success',
  'banner.important': 'Important',
  'pagination.label': 'Pagination',
  'pagination.previous': 'Previous page',
  'pagination.next': 'Next page',
  /** Loads the next page of a list below the rows already shown. */
  'pagination.more': 'Show more',

  'state.loading': 'Loading…',
  'state.tryAgain': 'Try again',
  'state.errorTitle': 'Sorry, there is a problem',
  'state.unreachable':
    'We could not reach Coproduce. Check your internet connection, then try again.',

  'role.commissioner': 'Commissioner',
  'role.hub_coordinator': 'Hub coordinator',
  'role.hub_approver': 'Hub approver',
  'role.finance_officer': 'Finance officer',
  'role.site_lead': 'Site lead',
  'role.practitioner': 'Practitioner',
  'role.community_researcher': 'Community researcher',
  'role.auditor': 'Auditor',

  'roleHint.commissioner': 'Funds programmes, approves its share and reads outcome reports',
  'roleHint.hub_coordinator': 'Shapes programmes with sites, runs them and reviews evidence',
  'roleHint.hub_approver': 'Approves milestones and claims – needs two-factor authentication',
  'roleHint.finance_officer': 'Builds and releases payment runs – needs two-factor authentication',
  'roleHint.site_lead': 'Runs a site: enrols participants and submits evidence',
  'roleHint.practitioner': 'Delivers sessions and records attendance and questionnaires',
  'roleHint.community_researcher': 'Collects follow-up questionnaires',
  'roleHint.auditor': 'Reads records and the audit trail, and changes nothing',

  'invitationStatus.pending': 'Pending',
  'invitationStatus.accepted': 'Accepted',
  'invitationStatus.revoked': 'Revoked',
  'invitationStatus.expired': 'Expired',

  'session.noMembership.title': 'You do not have a role in any organisation',
  'session.noMembership.body':
    'Your account is not linked to an organisation at the moment. Ask your hub coordinator or site lead to invite you again.',
  'session.notAllowed.title': 'You cannot use this page',
  'session.notAllowed.body':
    'This page is not available to you as {role}. If you have another role, switch organisation.',

  'signIn.title': 'Sign in',
  'signIn.email': 'Email address',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.forgotPassword': 'I have forgotten my password',
  'signIn.error.emailMissing': 'Enter your email address',
  'signIn.error.passwordMissing': 'Enter your password',
  'signIn.notice.signedOut': 'You have signed out',
  'signIn.notice.passwordReset': 'Your password has been changed. Sign in with your new password.',
  'signIn.notice.invitationAccepted': 'Invitation accepted',
  'signIn.notice.invitationAcceptedBody': 'Sign in with {email} to start.',

  'auth.error.invalidCredentials':
    'The email address or password is not right. Check them and try again.',
  'auth.error.wrongPassword': 'The password is not right',
  'auth.error.invalidCode':
    'The code is not right or has run out. Enter the code your authenticator app shows now.',
  'auth.error.invalidBackupCode': 'The backup code is not right or has been used already',
  'auth.error.twoFactorExpired': 'Your sign-in has timed out. Sign in again.',
  'auth.error.invalidResetLink':
    'The link to reset your password has run out or has been used. Ask for a new link.',

  'twoFactor.title': 'Enter your security code',
  'twoFactor.intro':
    'Open the authenticator app on your phone. It shows a 6-digit code for Coproduce that changes every 30 seconds.',
  'twoFactor.code': 'Security code',
  'twoFactor.codeHint': 'The 6-digit code from your authenticator app',
  'twoFactor.submit': 'Continue',
  'twoFactor.error.codeMissing': 'Enter the 6-digit code from your authenticator app',
  'twoFactor.error.codeFormat': 'The code must be 6 numbers, like 123456',
  'twoFactor.error.backupCodeMissing': 'Enter one of your backup codes',
  'twoFactor.backup.summary': 'I cannot use my authenticator app',
  'twoFactor.backup.body':
    'Enter one of the backup codes you saved when you set up two-factor authentication. Each code works once.',
  'twoFactor.backup.label': 'Backup code',
  'twoFactor.backup.submit': 'Use backup code',
  'twoFactor.backup.noCodes':
    'If you have no backup codes left, ask your hub coordinator to reset your two-factor authentication.',
  'twoFactor.startAgain': 'Sign in again',

  'twoFactorSetUp.title': 'Set up two-factor authentication',
  'twoFactorSetUp.why':
    'Your role approves or pays money, so you need a second check when you sign in: a code from an app on your phone.',
  'twoFactorSetUp.needApp':
    'You need an authenticator app, such as Microsoft Authenticator or Google Authenticator. To start, confirm your password.',
  'twoFactorSetUp.password': 'Your password',
  'twoFactorSetUp.error.passwordMissing': 'Enter your password',
  'twoFactorSetUp.scanTitle': 'Add Coproduce to your authenticator app',
  'twoFactorSetUp.step1': '1. Add the account',
  'twoFactorSetUp.scan': 'Scan this QR code with your authenticator app.',
  'twoFactorSetUp.qrLabel': 'QR code to add Coproduce to your authenticator app',
  'twoFactorSetUp.orType': 'If you cannot scan it, type this key into the app instead:',
  'twoFactorSetUp.step2': '2. Save your backup codes',
  'twoFactorSetUp.backupWarning':
    'Keep these codes somewhere safe. Each one lets you sign in once if you lose your phone.',
  'twoFactorSetUp.step3': '3. Check it works',
  'twoFactorSetUp.finish': 'Turn on two-factor authentication',
  'twoFactorSetUp.alreadyTitle': 'Two-factor authentication is on',
  'twoFactorSetUp.alreadyBody': 'You already sign in with a code from your authenticator app.',

  'chooseOrganisation.title': 'Which organisation are you working for?',
  'chooseOrganisation.intro':
    'You have a role in more than one organisation. You can switch at any time from the top of the page.',
  'chooseOrganisation.legend': 'Organisation',
  'chooseOrganisation.itemHintWithNetwork': '{role}, {network}',
  'chooseOrganisation.error.missing': 'Select the organisation you are working for',

  'forgotPassword.title': 'Reset your password',
  'forgotPassword.intro':
    'Enter the email address you sign in with. We will send you a link to choose a new password.',
  'forgotPassword.submit': 'Send the link',
  'forgotPassword.error.emailMissing': 'Enter your email address',
  'forgotPassword.error.emailFormat':
    'Enter an email address in the correct format, like name@example.org',
  'forgotPassword.sentTitle': 'Check your email',
  'forgotPassword.sentBody':
    'If an account exists for {email}, we have sent a link to reset its password.',
  'forgotPassword.sentExpiry':
    'The link works once and runs out after one hour. If nothing arrives, check your spam folder or ask again.',
  'forgotPassword.backToSignIn': 'Back to sign in',

  'resetPassword.title': 'Choose a new password',
  'resetPassword.newPassword': 'New password',
  'resetPassword.confirmPassword': 'Confirm new password',
  'resetPassword.submit': 'Change password',
  'resetPassword.error.missing': 'Enter a new password',
  'resetPassword.error.mismatch': 'The passwords do not match',
  'resetPassword.badLinkTitle': 'This link does not work',
  'resetPassword.badLinkBody':
    'The link to reset your password has run out, has been used, or is incomplete.',
  'resetPassword.askAgain': 'Ask for a new link',

  'password.hint':
    'At least {min} characters. A few unrelated words together make a strong password.',
  'password.error.tooShort': 'Password must be at least {min} characters',

  'invitation.title': 'Accept your invitation',
  'invitation.intro': 'You have been invited to join {organisation} in the {network} network.',
  'invitation.email': 'Email address',
  'invitation.organisation': 'Organisation',
  'invitation.role': 'Role',
  'invitation.name': 'Full name',
  'invitation.newPassword': 'Create a password',
  'invitation.existingPassword': 'Your password',
  'invitation.existingPasswordHint':
    'You already have a Coproduce account. Enter its password to add this role to it.',
  'invitation.submit': 'Accept invitation',
  'invitation.error.nameMissing': 'Enter your full name',
  'invitation.error.newPasswordMissing': 'Create a password',
  'invitation.error.passwordMissing': 'Enter your password',
  'invitation.badLinkTitle': 'This invitation link does not work',
  'invitation.badLinkBody':
    'The link is incomplete. Open it again from your email, or ask the person who invited you to send a new one.',
  'invitation.status.pending.title': 'Accept your invitation',
  'invitation.status.pending.body': '',
  'invitation.status.accepted.title': 'This invitation has already been accepted',
  'invitation.status.accepted.body': 'You can sign in with the email address it was sent to.',
  'invitation.status.revoked.title': 'This invitation has been cancelled',
  'invitation.status.revoked.body':
    'Ask the person who invited you to send a new invitation if you still need one.',
  'invitation.status.expired.title': 'This invitation has run out',
  'invitation.status.expired.body': 'Ask the person who invited you to send a new invitation.',

  'people.title': 'People',
  'people.caption': 'People',
  'people.loading': 'Loading members…',
  'people.readOnly': 'You can see who is here. You cannot change anything.',
  'people.forName': 'for {name}',
  'people.gone': 'This has changed since the link was made: it may have been removed already.',
  'people.backToList': 'Back to the list of people',
  'people.members.caption': 'Members',
  'people.members.empty': 'Nobody has a role here yet.',
  'people.members.name': 'Name',
  'people.members.role': 'Role',
  'people.members.since': 'Since',
  'people.members.twoFactor': 'Two-factor',
  'people.members.actions': 'Actions',
  'people.members.you': '{name} (you)',
  'people.invitations.caption': 'Invitations',
  'people.invitations.loading': 'Loading invitations…',
  'people.invitations.empty': 'No invitations have been sent from here.',
  'people.invitations.email': 'Email',
  'people.invitations.role': 'Role',
  'people.invitations.invitedBy': 'Invited by',
  'people.invitations.sent': 'Sent',
  'people.invitations.expires': 'Expires',
  'people.invitations.status': 'Status',
  'people.invite.button': 'Invite someone',
  'people.invite.title': 'Invite someone to {organisation}',
  'people.invite.intro':
    'We will email them a link. They choose a password when they accept, and the link runs out after 7 days.',
  'people.invite.email': 'Their email address',
  'people.invite.role': 'What will they do?',
  'people.invite.submit': 'Send invitation',
  'people.invite.done': 'Invitation sent to {email}',
  'people.invite.error.emailMissing': 'Enter their email address',
  'people.invite.error.emailFormat':
    'Enter an email address in the correct format, like name@example.org',
  'people.invite.error.roleMissing': 'Select what they will do',
  'people.grant.link': 'Add a role',
  'people.grant.title': 'Give {name} another role',
  'people.grant.titleUnknown': 'Give someone another role',
  'people.grant.current': '{name} is already: {roles}.',
  'people.grant.legend': 'Which role?',
  'people.grant.submit': 'Give role',
  'people.grant.none': '{name} already has every role you can give here.',
  'people.grant.done': '{name} is now also {role}',
  'people.grant.error.roleMissing': 'Select a role',
  'people.revoke.link': 'Remove',
  'people.revoke.linkHidden': '{name} as {role}',
  'people.revoke.title': 'Remove {name} as {role}?',
  'people.revoke.titleUnknown': 'Remove a role',
  'people.revoke.warning':
    '{name} will lose this role at {organisation} straight away. The audit trail keeps a record.',
  'people.revoke.submit': 'Remove role',
  'people.revoke.done': '{name} is no longer {role}',
  'people.revokeInvitation.link': 'Cancel invitation',
  'people.revokeInvitation.title': 'Cancel the invitation to {email}?',
  'people.revokeInvitation.titleUnknown': 'Cancel an invitation',
  'people.revokeInvitation.body': 'The link we emailed will stop working.',
  'people.revokeInvitation.submit': 'Cancel invitation',
  'people.revokeInvitation.done': 'Invitation to {email} cancelled',
} as const;
