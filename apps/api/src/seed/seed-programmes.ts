import {
  type Database,
  findPersonByEmail,
  getProgramme,
  insertPaidRoleCheck,
  listActiveMembershipsOfPerson,
  listOrganisations,
  signOffFunderShare,
} from '@coproduce/db';
import type { Role } from '@coproduce/domain';
import type { WorkflowKind } from '@coproduce/workflow';
import { createMilestone } from '../services/milestone-service.ts';
import { createPaidRole } from '../services/paid-role-service.ts';
import { createProgramme } from '../services/programme-service.ts';
import { transitionWorkflow } from '../services/workflow/transition.ts';
import { addDays, today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { KINGSMERE } from './demo-network.ts';
import {
  DEMO_PROGRAMMES,
  type DemoPaidRole,
  type DemoProgramme,
  type DemoStep,
} from './demo-programmes.ts';
import { seedBaselineEvidence, seedDeliveryEvidence } from './seed-evidence.ts';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/**
 * Replays the demo programmes' histories through the same services and rules a person uses
 * (roles, separation of duties, guards, effects, audit), each step at its date in the past.
 */
export async function seedDemoProgrammes(db: Database, networkId: string) {
  const organisations = new Map(
    (await listOrganisations(db, { networkId })).map((o) => [o.name, o.id]),
  );
  const keyToId = organisationIdsByKey(organisations);
  const actors = new Map<string, ActingMember>();
  const actor = async (by: { email: string; role: Role }) => {
    const key = `${by.email}/${by.role}`;
    const known = actors.get(key);
    if (known) return known;
    const person = await findPersonByEmail(db, by.email);
    const membership =
      person &&
      (await listActiveMembershipsOfPerson(db, person.id)).find(
        (m) => m.role === by.role && m.network.id === networkId,
      );
    if (!person || !membership)
      throw new Error(`demo seed: ${by.email} has no ${by.role} membership`);
    const acting: ActingMember = {
      personId: person.id,
      membershipId: membership.id,
      role: by.role,
      organisationId: membership.organisation.id,
      networkId,
    };
    actors.set(key, acting);
    return acting;
  };
  const coordinator = await actor({
    email: 'grace.mensah@hub.example.org',
    role: 'hub_coordinator',
  });

  const run = async (
    kind: WorkflowKind,
    id: string,
    step: DemoStep,
    version: number,
    personId?: string,
  ) => {
    if (!step.by) throw new Error('demo seed: every replayed step names who took it');
    return transitionWorkflow(
      db,
      await actor(step.by),
      { kind, id, expectedVersion: version, event: step.event, reason: step.reason, personId },
      daysAgo(step.daysAgo),
    );
  };

  for (const demo of DEMO_PROGRAMMES) {
    const siteId = (key: string) => required(keyToId.get(key), key);
    const { id: programmeId, version: created } = await createProgramme(db, coordinator, {
      name: demo.name,
      need: demo.need,
      population: demo.population,
      budgetPence: demo.budgetPence,
      delegationLimitPence: demo.delegationLimitPence,
      baselineThresholdPercent: 80,
      minimumCohort: demo.minimumCohort,
      reportingPeriodMonths: 3,
      returnDueDays: 30,
      siteIds: demo.sites.map((s) => siteId(s.key)),
      funders: demo.funders.map((f) => ({
        organisationId: siteId(f.key),
        shareBasisPoints: f.shareBasisPoints,
      })),
    });
    let version = created;
    const activeBeforeDelivery = demo.paidRoles.filter((r) =>
      r.steps.some((s) => s.event === 'ACTIVATE'),
    );
    for (const step of demo.steps) {
      if (step.event === 'APPROVE')
        await signOffShares(db, demo, programmeId, keyToId, step.daysAgo + 1);
      if (step.event === 'START_DELIVERY') {
        await seedBaselines(demo, programmeId, step.daysAgo);
        for (const role of activeBeforeDelivery)
          await seedPaidRole(role, programmeId, siteId(role.site));
      }
      ({ version } = await run('programme', programmeId, step, version));
      if (step.event === 'START_DELIVERY' && demo.delivery) {
        for (const site of demo.sites) {
          await seedDeliveryEvidence(db, networkId, programmeId, {
            ...evidencePlan(demo, site, step.daysAgo),
            ...demo.delivery,
          });
        }
      }
    }
    const programme = await getProgramme(db, { networkId, id: programmeId });
    if (programme?.state === 'active.baseline') await seedBaselines(demo, programmeId, 0);
    if (programme?.state.startsWith('proposal.') && programme.state !== 'proposal.draft') {
      await signOffShares(db, demo, programmeId, keyToId, 0);
    }
    for (const role of demo.paidRoles.filter((r) => !activeBeforeDelivery.includes(r))) {
      await seedPaidRole(role, programmeId, siteId(role.site));
    }
    for (const milestone of demo.milestones) {
      const created = await createMilestone(db, coordinator, {
        programmeId,
        title: milestone.title,
        evidenceRequired: milestone.evidenceRequired,
        dueOn: addDays(today(), milestone.dueInDays),
        valuePence: milestone.valuePence,
        siteId: milestone.site ? siteId(milestone.site) : null,
      });
      let milestoneVersion = created.version;
      for (const step of milestone.steps)
        ({ version: milestoneVersion } = await run(
          'milestone',
          created.id,
          step,
          milestoneVersion,
        ));
    }
  }

  function evidencePlan(
    demo: DemoProgramme,
    site: DemoProgramme['sites'][number],
    startsDaysAgo: number,
  ) {
    return {
      programmeName: demo.name,
      siteId: required(keyToId.get(site.key), site.key),
      enrolled: site.enrolled,
      baselineRecorded: site.baselineRecorded,
      deliveryStartsDaysAgo: startsDaysAgo,
    };
  }

  async function seedBaselines(demo: DemoProgramme, programmeId: string, startsDaysAgo: number) {
    for (const site of demo.sites.filter((s) => s.enrolled > 0)) {
      await seedBaselineEvidence(
        db,
        networkId,
        programmeId,
        evidencePlan(demo, site, startsDaysAgo),
      );
    }
  }

  async function seedPaidRole(role: DemoPaidRole, programmeId: string, siteOrganisationId: string) {
    const created = await createPaidRole(db, coordinator, {
      programmeId,
      siteId: siteOrganisationId,
      title: role.title,
    });
    const holder = role.holder ? await findPersonByEmail(db, role.holder) : undefined;
    let version = created.version;
    for (const step of role.steps) {
      if (step.event === 'ACTIVATE') {
        for (const check of role.checks) {
          await insertPaidRoleCheck(db, {
            networkId,
            paidRoleId: created.id,
            kind: check.kind,
            reference: check.reference,
            expiresOn: check.expiresInDays === null ? null : addDays(today(), check.expiresInDays),
            recordedBy: coordinator.personId,
          });
        }
      }
      ({ version } = await run(
        'paidRole',
        created.id,
        step,
        version,
        step.event === 'PROPOSE_CANDIDATE' ? holder?.id : undefined,
      ));
    }
  }
}

async function signOffShares(
  db: Database,
  demo: DemoProgramme,
  programmeId: string,
  keyToId: Map<string, string>,
  defaultDaysAgo: number,
) {
  for (const funder of demo.funders) {
    if (funder.signedOffDaysAgo === null) continue;
    const person = await findPersonByEmail(db, funder.by);
    if (!person) throw new Error(`demo seed: no ${funder.by}`);
    await signOffFunderShare(db, {
      programmeId,
      organisationId: required(keyToId.get(funder.key), funder.key),
      personId: person.id,
      at: daysAgo(Math.max(funder.signedOffDaysAgo, defaultDaysAgo)),
    });
  }
}

function organisationIdsByKey(byName: Map<string, string>) {
  return new Map(KINGSMERE.organisations.map((o) => [o.key, required(byName.get(o.name), o.name)]));
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo seed: unknown ${what}`);
  return value;
}
