import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, pathOf, text, workflowText } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hubEn } from '../src/messages/en.ts';
import { signInAs } from './sign-in-as.ts';

const baseUrl = inject('baseUrl');
const { password, totpSecrets } = inject('demo');

const PHONE = { width: 360, height: 740 };
const PROPOSAL = 'Men’s wellbeing circles at St Brigid’s';
const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';
const Q4 = 'Q4: 25 families completed at least 8 sessions';
const ICB = 'NHS Kingsmere Integrated Care Board';
const COUNCIL = 'Kingsmere Borough Council';
const ST_BRIGIDS = "St Brigid's Community Church";

const homeOf = (role: 'hub_coordinator' | 'hub_approver' | 'commissioner') =>
  fill(hubEn['home.title'], { role: text[`role.${role}`] });

let browser: Browser;
/** Signed in once each and kept: David's TOTP code can be used only once per window. */
let grace: Visit;
let david: Visit;
let priya: Visit;

beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (email: string, role: Parameters<typeof homeOf>[0]) =>
  signInAs(browser, {
    baseUrl,
    app: 'hub',
    email,
    password,
    home: homeOf(role),
    ...(totpSecrets[email] === undefined ? {} : { totpSecret: totpSecrets[email] }),
  });

/** The success banner's heading reads `message`. */
async function confirmed(page: Page, message: string): Promise<void> {
  await page.locator('.govuk-notification-banner--success').getByText(message).waitFor();
}

/** The tags on the page say `words` (stage and state tags). */
async function tagged(page: Page, words: string): Promise<void> {
  await page
    .locator('.govuk-tag', { hasText: new RegExp(`^${words}$`) })
    .first()
    .waitFor();
}

async function openProgramme(visit: Visit, name: string): Promise<void> {
  const { page } = visit;
  await page
    .getByRole('navigation', { name: text['header.menu'] })
    .getByRole('link', { name: hubEn['nav.programmes'] })
    .click();
  await expect.poll(() => heading(page)).toBe(hubEn['programmes.title']);
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect.poll(() => heading(page)).toBe(name);
}

describe('commissioning in the hub', () => {
  let proposalPath = '';

  it('a coordinator drafts a proposal co-funded by two commissioners, and submits it', async () => {
    grace = await signIn('grace.mensah@hub.example.org', 'hub_coordinator');
    const { page } = grace;
    await page.getByRole('heading', { name: hubEn['home.needsMe.heading'] }).waitFor();
    await page
      .getByRole('link', { name: /^Finish the draft “Young carers peer support”/ })
      .waitFor();
    await checkPage(grace, 'hub-home-needs-me');

    await openProgrammes(page);
    await checkPage(grace, 'hub-programmes-board');
    await page.getByRole('link', { name: hubEn['programmes.view.table'] }).click();
    await page.getByRole('table', { name: hubEn['programmes.table.caption'] }).waitFor();
    await page
      .getByRole('columnheader', { name: new RegExp(`^${hubEn['programmes.table.name']}`) })
      .getByRole('link')
      .click();
    await expect.poll(() => pathOf(page)).toBe('/hub/programmes?view=table&sort=name');
    await expect.poll(() => page.getByRole('rowheader').first().textContent()).toBe(FAMILY_THERAPY);
    await checkPage(grace, 'hub-programmes-table');

    await page.getByRole('button', { name: hubEn['programmes.new'] }).click();
    await expect.poll(() => heading(page)).toBe(hubEn['editor.newTitle']);
    await page.getByLabel(hubEn['editor.name'], { exact: true }).fill(PROPOSAL);
    await page
      .getByLabel(hubEn['editor.need'], { exact: true })
      .fill('Men in the parish rarely seek help for low mood until they reach crisis.');
    await page
      .getByLabel(hubEn['editor.population'], { exact: true })
      .fill('Men aged 25–64 in the parish, referred by GPs or self-referral.');
    await page.getByLabel(ST_BRIGIDS, { exact: true }).check();
    await page.getByLabel(ICB, { exact: true }).check();
    await page.getByLabel(fill(hubEn['editor.share'], { name: ICB })).fill('60');
    await page.getByLabel(COUNCIL, { exact: true }).check();
    await page.getByLabel(fill(hubEn['editor.share'], { name: COUNCIL })).fill('30');
    await page.getByText(fill(hubEn['editor.shareTotal'], { total: '90%' })).waitFor();
    await page.getByLabel(fill(hubEn['editor.share'], { name: COUNCIL })).fill('40');
    await page.getByText(hubEn['editor.shareTotalComplete']).waitFor();
    await page.getByLabel(hubEn['editor.budget']).fill('48,000 pounds');
    await page.getByRole('button', { name: hubEn['editor.save'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: hubEn['editor.error.budgetFormat'] })
      .waitFor();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: hubEn['editor.error.delegationLimitMissing'] })
      .waitFor();
    await checkPage(grace, 'hub-proposal-editor-errors');

    await page.getByLabel(hubEn['editor.budget']).fill('48,000.00');
    await page.getByLabel(hubEn['editor.delegationLimit']).fill('5,000');
    await page.getByRole('button', { name: hubEn['editor.save'] }).click();
    await expect
      .poll(() => heading(page))
      .toBe(fill(hubEn['editor.editTitle'], { name: PROPOSAL }));
    await confirmed(page, hubEn['editor.created']);
    // What was saved comes back exactly: pence and basis points, shown as typed.
    expect(await page.getByLabel(hubEn['editor.delegationLimit']).inputValue()).toBe('5,000.00');
    expect(await page.getByLabel(fill(hubEn['editor.share'], { name: ICB })).inputValue()).toBe(
      '60',
    );

    await page.getByLabel(hubEn['editor.paidRoles.title']).fill('Peer support facilitator');
    await page.getByLabel(hubEn['editor.paidRoles.site']).selectOption({ label: ST_BRIGIDS });
    await page.getByRole('button', { name: hubEn['editor.paidRoles.submit'] }).click();
    await confirmed(
      page,
      fill(hubEn['editor.paidRoles.added'], { title: 'Peer support facilitator' }),
    );
    await page.getByText(hubEn['editor.submit.ready']).waitFor();
    await checkPage(grace, 'hub-proposal-editor');

    await page.getByRole('button', { name: workflowText['event.programme.SUBMIT'] }).click();
    await expect.poll(() => heading(page)).toBe(PROPOSAL);
    await confirmed(page, workflowText['eventDone.programme.SUBMIT']);
    await tagged(page, workflowText['programmeState.proposal.submitted']);
    // The coordinator who submitted it may withdraw it, but never review it.
    await page.getByRole('button', { name: workflowText['event.programme.WITHDRAW'] }).waitFor();
    expect(
      await page
        .getByRole('button', { name: workflowText['event.programme.START_REVIEW'] })
        .count(),
    ).toBe(0);
    proposalPath = new URL(page.url()).pathname;
    await checkPage(grace, 'hub-programme-submitted');
  });

  it('the hub approver starts the review, each co-funder signs off its share, and approval moves it to baseline', async () => {
    david = await signIn('david.levi@hub.example.org', 'hub_approver');
    await david.page.goto(`${baseUrl}${proposalPath}`);
    await expect.poll(() => heading(david.page)).toBe(PROPOSAL);
    await david.page
      .getByRole('button', { name: workflowText['event.programme.START_REVIEW'] })
      .click();
    await confirmed(david.page, workflowText['eventDone.programme.START_REVIEW']);
    // Approval waits for both co-funders, and the page says so.
    await david.page
      .getByText(
        fill(workflowText['workflow.actions.blocked'], {
          action: workflowText['event.programme.APPROVE'],
        }),
      )
      .waitFor();
    await david.page.getByText(`${ICB} has not signed off its share yet`).waitFor();
    await checkPage(david, 'hub-programme-in-review');

    priya = await signIn('priya.raman@icb.example.org', 'commissioner');
    await priya.page
      .getByRole('navigation', { name: text['header.menu'] })
      .getByRole('link', { name: hubEn['nav.approvals'] })
      .click();
    await expect.poll(() => heading(priya.page)).toBe(hubEn['approvals.title']);
    const signOffItem = priya.page.getByRole('region', {
      name: `Sign off your share of “${PROPOSAL}”`,
    });
    await signOffItem.waitFor();
    await checkPage(priya, 'hub-approvals-commissioner');
    await signOffItem.getByRole('button', { name: workflowText['signOff.button'] }).click();
    await confirmed(priya.page, fill(workflowText['signOff.done'], { organisation: ICB }));

    const tom = await signIn('tom.okafor@council.example.org', 'commissioner');
    await tom.page.goto(`${baseUrl}${proposalPath}`);
    await expect.poll(() => heading(tom.page)).toBe(PROPOSAL);
    await tom.page.getByRole('button', { name: workflowText['signOff.button'] }).click();
    await confirmed(tom.page, fill(workflowText['signOff.done'], { organisation: COUNCIL }));
    await tom.context.close();

    await david.page.reload();
    await david.page.getByRole('button', { name: workflowText['event.programme.APPROVE'] }).click();
    await confirmed(david.page, workflowText['eventDone.programme.APPROVE']);
    await tagged(david.page, workflowText['stage.baseline']);
    const timeline = david.page.locator('.app-timeline');
    await timeline.getByText(workflowText['eventDone.programme.APPROVE']).waitFor();
    await timeline
      .getByText(
        fill(workflowText['timeline.by'], { name: 'David Levi', role: text['role.hub_approver'] }),
      )
      .first()
      .waitFor();
    await expect
      .poll(() =>
        david.page
          .getByRole('table', { name: hubEn['programme.funders.caption'] })
          .getByText(hubEn['programme.funders.signed'])
          .count(),
      )
      .toBe(2);
    await checkPage(david, 'hub-programme-approved');
  });

  it('a milestone above the delegation limit is submitted by the site, approved by the hub and countersigned by a commissioner', async () => {
    await openProgramme(grace, FAMILY_THERAPY);
    await grace.page.getByRole('link', { name: hubEn['programme.milestones.add'] }).click();
    await expect.poll(() => heading(grace.page)).toBe(hubEn['milestoneForm.addTitle']);
    await grace.page.getByLabel(hubEn['milestoneForm.title'], { exact: true }).fill(Q4);
    await grace.page
      .getByLabel(hubEn['milestoneForm.evidence'])
      .fill('Attendance registers for the quarter');
    await grace.page.getByLabel(hubEn['milestoneForm.dueOn']).fill('2027-03-31');
    await grace.page.getByLabel(hubEn['milestoneForm.value']).fill('15,000');
    await grace.page.getByText(hubEn['milestoneForm.aboveLimit']).waitFor();
    await grace.page.getByLabel(hubEn['milestoneForm.site']).selectOption({ label: ST_BRIGIDS });
    await checkPage(grace, 'hub-milestone-form');
    await grace.page.getByRole('button', { name: hubEn['milestoneForm.add'] }).click();
    await expect.poll(() => heading(grace.page)).toBe(FAMILY_THERAPY);
    await confirmed(grace.page, fill(hubEn['milestoneForm.added'], { title: Q4 }));

    // The site lead sends it from the site app, on a phone.
    const samuel = await signInAs(browser, {
      baseUrl,
      app: 'site',
      email: 'samuel.adeyemi@stbrigids.example.org',
      password,
      home: 'Your site',
      viewport: PHONE,
    });
    await samuel.page.goto(`${baseUrl}/site/milestones`);
    await samuel.page.getByRole('link', { name: Q4 }).click();
    await expect.poll(() => heading(samuel.page)).toBe(Q4);
    await samuel.page.getByRole('button', { name: workflowText['event.milestone.SUBMIT'] }).click();
    await tagged(samuel.page, workflowText['milestoneState.submitted']);
    await samuel.context.close();

    // The hub approver approves it from the approvals queue: above the limit, it is not payable yet.
    await david.page
      .getByRole('navigation', { name: text['header.menu'] })
      .getByRole('link', { name: hubEn['nav.approvals'] })
      .click();
    await expect.poll(() => heading(david.page)).toBe(hubEn['approvals.title']);
    const approveItem = david.page.getByRole('region', { name: `Approve “${Q4}”` });
    await approveItem.waitFor();
    await checkPage(david, 'hub-approvals-hub_approver');
    await approveItem
      .getByRole('button', { name: `${workflowText['event.milestone.APPROVE']} for ${Q4}` })
      .click();
    await confirmed(
      david.page,
      fill(hubEn['approvals.done'], {
        action: workflowText['eventDone.milestone.APPROVE'],
        name: Q4,
      }),
    );
    await expect.poll(() => approveItem.count()).toBe(0);

    // A co-funding commissioner countersigns it, and the system makes it payable.
    await priya.page.reload();
    const countersignItem = priya.page.getByRole('region', { name: `Countersign “${Q4}”` });
    await countersignItem
      .getByRole('button', { name: `${workflowText['event.milestone.COUNTERSIGN']} for ${Q4}` })
      .click();
    await confirmed(
      priya.page,
      fill(hubEn['approvals.done'], {
        action: workflowText['eventDone.milestone.COUNTERSIGN'],
        name: Q4,
      }),
    );
    await priya.page.goto(`${baseUrl}/hub/programmes`);
    await priya.page.getByRole('link', { name: FAMILY_THERAPY }).first().click();
    await priya.page.getByRole('link', { name: Q4 }).click();
    await expect.poll(() => heading(priya.page)).toBe(Q4);
    await tagged(priya.page, workflowText['milestoneState.payable']);
    const timeline = priya.page.locator('.app-timeline');
    await timeline.getByText(workflowText['eventDone.milestone.MARK_PAYABLE']).waitFor();
    await timeline.getByText(workflowText['timeline.system']).waitFor();
    await timeline.getByText('countersigned above the delegation limit').waitFor();
    await checkPage(priya, 'hub-milestone-payable');
  });

  it('a programme is suspended with a reason, and resumes where it was', async () => {
    const { page } = david;
    await openProgramme(david, FAMILY_THERAPY);
    await tagged(page, workflowText['stage.monitoring']);
    await page.getByRole('button', { name: workflowText['event.programme.SUSPEND'] }).click();
    const reason = page.getByLabel(workflowText['reason.SUSPEND']);
    await expect
      .poll(() => reason.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await page.getByRole('button', { name: workflowText['event.programme.SUSPEND'] }).click();
    await page.getByText(workflowText['workflow.actions.reasonMissing']).waitFor();
    await checkPage(david, 'hub-programme-suspend-reason');
    const why = 'Clinical supervisor on leave; paused until cover is named';
    await reason.fill(why);
    await page.getByRole('button', { name: workflowText['event.programme.SUSPEND'] }).click();
    await confirmed(page, workflowText['eventDone.programme.SUSPEND']);
    await tagged(page, workflowText['stage.suspended']);
    await page.locator('.app-timeline').getByText(why).waitFor();
    await checkPage(david, 'hub-programme-suspended');

    await page.getByRole('button', { name: workflowText['event.programme.RESUME'] }).click();
    await confirmed(page, workflowText['eventDone.programme.RESUME']);
    await tagged(page, workflowText['stage.monitoring']);
    await page
      .locator('.app-timeline')
      .getByText(
        fill(workflowText['timeline.fromTo'], {
          from: workflowText['programmeState.suspended'],
          to: workflowText['programmeState.active.monitoring'],
        }),
      )
      .waitFor();
  });

  it('shows where the network depends on one person', async () => {
    const { page } = grace;
    await page
      .getByRole('navigation', { name: text['header.menu'] })
      .getByRole('link', { name: hubEn['nav.risks'] })
      .click();
    await expect.poll(() => heading(page)).toBe(hubEn['risks.title']);
    await page.getByRole('heading', { name: hubEn['risks.scope.site'] }).waitFor();
    await page
      .getByText('A single hub approver: every milestone and claim waits on one person.')
      .waitFor();
    await checkPage(grace, 'hub-risks');
  });

  it('keeps delivery closed while too few participants have a baseline, naming the shortfall', async () => {
    const { page } = grace;
    await openProgramme(grace, 'Living well with long-term conditions');
    // The gate counts participants with a valid baseline questionnaire: 31 of 45 (69%).
    const blocked = page.locator('.app-actions__blocked', {
      hasText: fill(workflowText['workflow.actions.blocked'], {
        action: workflowText['event.programme.START_DELIVERY'],
      }),
    });
    await blocked
      .getByText('baseline recorded for 31 of 45 enrolled participants (69%); 80% required')
      .waitFor();
    await blocked
      .getByRole('button', { name: workflowText['event.programme.START_DELIVERY'] })
      .and(page.locator('[disabled]'))
      .waitFor();
    // Each site's counts come from its participants: enrolled, with a baseline, coverage.
    const sites = page.getByRole('table', { name: hubEn['programme.sites.caption'] });
    await sites.getByRole('columnheader', { name: hubEn['programme.sites.baseline'] }).waitFor();
    const stBrigids = sites.getByRole('row').filter({ hasText: "St Brigid's Community Church" });
    expect(await stBrigids.getByRole('cell').allTextContents()).toEqual(['28', '19', '67%']);
    const alNoor = sites.getByRole('row').filter({ hasText: 'Al-Noor Community Mosque' });
    expect(await alNoor.getByRole('cell').allTextContents()).toEqual(['17', '12', '70%']);
    await checkPage(grace, 'hub-programme-baseline');
    for (const visit of [grace, david, priya]) await visit.context.close();
  });
});

async function openProgrammes(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: text['header.menu'] })
    .getByRole('link', { name: hubEn['nav.programmes'] })
    .click();
  await expect.poll(() => heading(page)).toBe(hubEn['programmes.title']);
  await page.getByRole('heading', { name: /^Proposal/, level: 2 }).waitFor();
}
