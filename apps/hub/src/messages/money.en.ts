/** Money on the programme page: budget, committed and paid, per funder, and where to go next. */
export const moneyEn = {
  'money.heading': 'Money',
  'money.loading': 'Loading the money…',
  'money.intro':
    'From the ledger: what each funder committed of the budget, what has been committed to payments, and what has been paid.',
  'money.caption': 'Budget, committed and paid, by funder',
  'money.funder': 'Funder',
  'money.budget': 'Budget',
  'money.committed': 'Committed',
  'money.paid': 'Paid',
  'money.remaining': 'Not yet committed',
  'money.total': 'Total',
  'money.barLabel': '{funder}: {paid} paid and {committed} committed of {budget}',
  'money.legend.paid': 'Paid',
  'money.legend.committed': 'Committed, not yet paid',
  'money.legend.remaining': 'Not yet committed',
  'money.claimsCaption': 'Outcome claims, by funder',
  'money.claimed': 'Claimed',
  'money.received': 'Received',
  'money.owed': 'Still to receive',
  'money.rateCard': 'Rate card',
  'money.claims': 'Claims',
} as const;

export type MoneyMessages = typeof moneyEn;
