import type { OrganisationKind, Role } from '@coproduce/domain';

/**
 * The demo network, modelled on the evaluation report's case studies. Every name is fictional;
 * addresses use the reserved example.org domain.
 */
export const DEMO_PASSWORD = 'coproduce-demo-2026';

export interface DemoOrganisation {
  readonly key: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly category: string;
  /** Sites: who staff call when a questionnaire raises a safeguarding risk. */
  readonly safeguardingContactName?: string;
  readonly safeguardingContactPhone?: string;
}

export interface DemoPerson {
  readonly name: string;
  readonly email: string;
  readonly roles: ReadonlyArray<{ organisation: string; role: Role }>;
  /** Base32 TOTP secret for people whose roles need two-factor authentication. */
  readonly totpSecret?: string;
}

export interface DemoNetwork {
  readonly slug: string;
  readonly name: string;
  readonly organisations: readonly DemoOrganisation[];
  readonly people: readonly DemoPerson[];
}

export const KINGSMERE: DemoNetwork = {
  slug: 'kingsmere',
  name: 'Kingsmere Faith and Community Health Network',
  organisations: [
    { key: 'hub', kind: 'hub', name: 'Kingsmere Community Health Hub', category: 'Hub charity' },
    {
      key: 'st-brigids',
      kind: 'site',
      name: "St Brigid's Community Church",
      category: 'Church',
      safeguardingContactName: 'Joan Okoro (designated safeguarding lead)',
      safeguardingContactPhone: '020 7946 0101',
    },
    {
      key: 'al-noor',
      kind: 'site',
      name: 'Al-Noor Community Mosque',
      category: 'Mosque',
      safeguardingContactName: 'Bilal Ahmed (safeguarding officer)',
      safeguardingContactPhone: '020 7946 0102',
    },
    {
      key: 'mandir',
      kind: 'site',
      name: 'Shree Ram Mandir Kingsmere',
      category: 'Temple',
      safeguardingContactName: 'Meera Patel (welfare lead)',
      safeguardingContactPhone: '020 7946 0103',
    },
    {
      key: 'greenway',
      kind: 'site',
      name: 'Greenway Community Centre',
      category: 'Community group',
    },
    {
      key: 'elders',
      kind: 'site',
      name: 'Riverside African Caribbean Elders Group',
      category: 'Community group',
    },
    {
      key: 'icb',
      kind: 'commissioner',
      name: 'NHS Kingsmere Integrated Care Board',
      category: 'Integrated care board',
    },
    {
      key: 'council',
      kind: 'commissioner',
      name: 'Kingsmere Borough Council',
      category: 'Local authority',
    },
    {
      key: 'public-health',
      kind: 'commissioner',
      name: 'Kingsmere Public Health',
      category: 'Public health',
    },
    {
      key: 'mh-trust',
      kind: 'commissioner',
      name: 'Kingsmere and District Mental Health NHS Trust',
      category: 'Mental health trust',
    },
  ],
  people: [
    {
      name: 'Grace Mensah',
      email: 'grace.mensah@hub.example.org',
      roles: [{ organisation: 'hub', role: 'hub_coordinator' }],
    },
    {
      name: 'David Levi',
      email: 'david.levi@hub.example.org',
      roles: [{ organisation: 'hub', role: 'hub_approver' }],
      totpSecret: 'JBSWY3DPEHPK3PXPDAVIDLEVIDEMO234',
    },
    {
      name: 'Fatima Begum',
      email: 'fatima.begum@hub.example.org',
      roles: [{ organisation: 'hub', role: 'finance_officer' }],
      totpSecret: 'JBSWY3DPEHPK3PXPFATIMABEGUMDEMO2',
    },
    {
      name: 'Owen Price',
      email: 'owen.price@hub.example.org',
      roles: [{ organisation: 'hub', role: 'finance_officer' }],
      totpSecret: 'JBSWY3DPEHPK3PXPOWENPRICEDEMO234',
    },
    {
      name: 'Helen Carter',
      email: 'helen.carter@hub.example.org',
      roles: [{ organisation: 'hub', role: 'auditor' }],
    },
    {
      name: 'Priya Raman',
      email: 'priya.raman@icb.example.org',
      roles: [{ organisation: 'icb', role: 'commissioner' }],
    },
    {
      name: 'Tom Okafor',
      email: 'tom.okafor@council.example.org',
      roles: [{ organisation: 'council', role: 'commissioner' }],
    },
    {
      name: 'Kwame Boateng',
      email: 'kwame.boateng@publichealth.example.org',
      roles: [{ organisation: 'public-health', role: 'commissioner' }],
    },
    {
      name: 'Sarah Whitfield',
      email: 'sarah.whitfield@mhtrust.example.org',
      roles: [{ organisation: 'mh-trust', role: 'commissioner' }],
    },
    {
      name: 'Samuel Adeyemi',
      email: 'samuel.adeyemi@stbrigids.example.org',
      roles: [{ organisation: 'st-brigids', role: 'site_lead' }],
    },
    {
      name: 'Ruth Campbell',
      email: 'ruth.campbell@stbrigids.example.org',
      roles: [{ organisation: 'st-brigids', role: 'practitioner' }],
    },
    {
      name: 'Imran Hussain',
      email: 'imran.hussain@alnoor.example.org',
      roles: [{ organisation: 'al-noor', role: 'community_researcher' }],
    },
    {
      name: 'Yusuf Karim',
      email: 'yusuf.karim@alnoor.example.org',
      roles: [{ organisation: 'al-noor', role: 'site_lead' }],
    },
    {
      name: 'Zainab Ali',
      email: 'zainab.ali@alnoor.example.org',
      roles: [{ organisation: 'al-noor', role: 'practitioner' }],
    },
    {
      name: 'Anita Sharma',
      email: 'anita.sharma@mandir.example.org',
      roles: [
        { organisation: 'mandir', role: 'site_lead' },
        { organisation: 'hub', role: 'community_researcher' },
      ],
    },
  ],
};

/** A second, small network: proves that nothing crosses between tenants. */
export const MILLBROOK: DemoNetwork = {
  slug: 'millbrook',
  name: 'Millbrook Community Wellbeing Network',
  organisations: [
    { key: 'hub', kind: 'hub', name: 'Millbrook Wellbeing Hub', category: 'Hub charity' },
    { key: 'gurdwara', kind: 'site', name: 'Millbrook Gurdwara', category: 'Gurdwara' },
    {
      key: 'council',
      kind: 'commissioner',
      name: 'Millbrook District Council',
      category: 'Local authority',
    },
  ],
  people: [
    {
      name: 'Nadia Rahman',
      email: 'nadia.rahman@millbrook-hub.example.org',
      roles: [{ organisation: 'hub', role: 'hub_coordinator' }],
    },
    {
      name: 'Harjit Gill',
      email: 'harjit.gill@millbrook-gurdwara.example.org',
      roles: [{ organisation: 'gurdwara', role: 'site_lead' }],
    },
  ],
};

export const DEMO_NETWORKS = [KINGSMERE, MILLBROOK] as const;

export function demoTotpSecrets(): Record<string, string> {
  return Object.fromEntries(
    DEMO_NETWORKS.flatMap((n) => n.people).flatMap((p) =>
      p.totpSecret ? [[p.email, p.totpSecret]] : [],
    ),
  );
}
