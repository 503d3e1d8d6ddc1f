import { randomUUID } from 'node:crypto';
import {
  createDatabase,
  type DatabaseHandle,
  listChainNetworkIds,
  verifyAuditChain,
} from '@coproduce/db';
import { sql } from 'drizzle-orm';
import { DATABASE_UNAVAILABLE } from '../src/http/database-unavailable.ts';
import { DEMO_PASSWORD } from '../src/seed/demo-network.ts';
import { type ApiProcess, startApiProcess } from '../src/test-support/api-process.ts';
import { TestBrowser } from '../src/test-support/http-client.ts';
import { type LocalPostgres, startLocalPostgres } from '../src/test-support/local-postgres.ts';
import { today } from '../src/time.ts';

/**
 * Issue 6, "Faults": PostgreSQL stops in the middle of a load of concurrent writes and reads on
 * the real API (child process), stays down for a few seconds, and comes back. Shared by the
 * pressure suite (which asserts) and the bench (which reports the figures). Runs on a cluster of
 * its own, since it stops the server.
 */

/** Site staff who record questionnaires and sessions (no 2FA needed for their roles). */
const STAFF = [
  'ruth.campbell@stbrigids.example.org',
  'samuel.adeyemi@stbrigids.example.org',
  'zainab.ali@alnoor.example.org',
  'yusuf.karim@alnoor.example.org',
];
/** A request not answered within this is a hang. */
export const ANSWER_BOUND_MS = 10_000;
const WORKERS = 12;

export type Operation = 'questionnaire' | 'session' | 'read';
export type Phase = 'before' | 'outage' | 'after';

export interface Outcome {
  readonly op: Operation;
  readonly phase: Phase;
  /** Idempotency key of a write. */
  readonly key?: string;
  /** HTTP status, or 0 when no answer came within the bound (or the socket failed). */
  readonly status: number;
  readonly retryAfter: string | null;
  readonly message: string | null;
  /** The raw body when it is not the expected JSON, or shows a stack trace. */
  readonly oddBody: string | null;
  readonly startedAt: number;
  readonly ms: number;
}

export interface ScenarioResult {
  readonly outcomes: Outcome[];
  readonly stoppedAt: number;
  /** When `pg_ctl stop` returned (the server has shut down). */
  readonly stopReturnedAt: number;
  readonly startedAgainAt: number;
  /** When PostgreSQL's start command returned (ready for connections). */
  readonly readyAt: number;
  /** First 503 answered after the stop, ms after the stop began. */
  readonly firstUnavailableMs: number | null;
  /** First 200 started after the restart began, ms after the restart began (answer time). */
  readonly firstOkAfterMs: number | null;
  /** Writes answered 200 missing from the database, or present without their audit entry. */
  readonly lostWrites: string[];
  /** Rows this run wrote (whatever the answer) that have no audit entry. */
  readonly partialWrites: string[];
  /** Networks whose audit chain does not verify. */
  readonly brokenChains: string[];
  /** API log lines (JSON) written while it ran. */
  readonly logLines: string[];
}

interface Staff {
  readonly browser: TestBrowser;
  readonly personId: string;
  readonly siteId: string;
  readonly programmeId: string;
  readonly practitionerId: string;
  readonly participantIds: string[];
}

export interface ScenarioOptions {
  /** Load before the stop, during the outage, and at most after the restart. */
  readonly beforeMs?: number;
  /** …and until this many requests have been answered (a busy machine answers fewer). */
  readonly minBeforeAnswers?: number;
  readonly outageMs?: number;
  readonly recoveryBoundMs?: number;
  /** Keep the load running this long once the API answers 200 again. */
  readonly afterOkMs?: number;
}

/** Starts its own PostgreSQL and API; `run` performs the outage; `dispose` removes both. */
export async function startFaultRig() {
  const pg: LocalPostgres = await startLocalPostgres();
  const logLines: string[] = [];
  let api: ApiProcess | undefined;
  let handle: DatabaseHandle | undefined;
  try {
    api = await startApiProcess({
      databaseUrl: pg.url,
      env: { LOG_LEVEL: 'warn' },
      onStdout: (chunk) => logLines.push(...chunk.split('\n').filter(Boolean)),
    });
    handle = createDatabase({ url: pg.url, maxConnections: 2 });
  } catch (error) {
    await api?.dispose();
    await pg.remove();
    throw error;
  }
  const started = { pg, api, handle, logLines };
  return {
    ...started,
    run: (options: ScenarioOptions = {}) => runOutage(started, options),
    async dispose() {
      await started.handle.close().catch(() => {});
      await started.api.dispose();
      await started.pg.remove();
    },
  };
}

async function signInStaff(api: ApiProcess, handle: DatabaseHandle): Promise<Staff[]> {
  const staff: Staff[] = [];
  for (const email of STAFF) {
    const browser = new TestBrowser(api.url);
    const signed = await browser.signIn(email, DEMO_PASSWORD);
    if (signed.status !== 200) throw new Error(`sign-in of ${email} answered ${signed.status}`);
    const me = (await handle.db.execute(sql`
      select p.id as person_id, m.organisation_id as site_id
      from people p join memberships m on m.person_id = p.id
      where p.email = ${email} and m.revoked_at is null`)) as unknown as {
      person_id: string;
      site_id: string;
    }[];
    const mine = me[0];
    if (!mine) throw new Error(`no membership for ${email}`);
    // Participants at the site with a PHQ-9 already (so the programme uses it) and consent in force.
    const participants = (await handle.db.execute(sql`
      select distinct p.id, p.programme_id
      from participants p
      join questionnaire_responses q on q.participant_id = p.id and q.instrument = 'PHQ9'
      join consents c on c.participant_id = p.id
      where p.site_organisation_id = ${mine.site_id} and p.erased_at is null
        and c.service_delivery and c.withdrawn_on is null and c.given_on <= ${today()}
        and not exists (select 1 from consents c2 where c2.participant_id = p.id and c2.withdrawn_on is not null)
      order by p.id limit 40`)) as unknown as { id: string; programme_id: string }[];
    const programmeId = participants[0]?.programme_id;
    if (!programmeId || participants.length < 8)
      throw new Error(`too few participants at the site of ${email}`);
    const practitioner = (await handle.db.execute(sql`
      select m.person_id from memberships m
      where m.organisation_id = ${mine.site_id} and m.role = 'practitioner' and m.revoked_at is null
      limit 1`)) as unknown as { person_id: string }[];
    staff.push({
      browser,
      personId: mine.person_id,
      siteId: mine.site_id,
      programmeId,
      practitionerId: practitioner[0]?.person_id ?? mine.person_id,
      participantIds: participants.filter((p) => p.programme_id === programmeId).map((p) => p.id),
    });
  }
  return staff;
}

async function send(
  staff: Staff,
  path: string,
  input: unknown,
  mutation: boolean,
): Promise<Omit<Outcome, 'op' | 'phase' | 'key' | 'startedAt'>> {
  const started = performance.now();
  const url = new URL(
    path.startsWith('/')
      ? path
      : mutation || input === undefined
        ? `/trpc/${path}`
        : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    staff.browser.baseUrl,
  );
  try {
    const response = await fetch(url, {
      method: mutation ? 'POST' : 'GET',
      headers: {
        origin: staff.browser.baseUrl,
        cookie: staff.browser.cookieHeader(),
        ...(mutation ? { 'content-type': 'application/json' } : {}),
      },
      body: mutation ? JSON.stringify(input) : undefined,
      signal: AbortSignal.timeout(ANSWER_BOUND_MS + 5_000),
    });
    const text = await response.text();
    let message: string | null = null;
    let oddBody: string | null = null;
    try {
      // tRPC puts the message in `error.message`; plain routes (auth) at the top level.
      const json = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
      message = (typeof json?.error === 'object' ? json.error.message : json?.message) ?? null;
    } catch {
      oddBody = text.slice(0, 500);
    }
    if (/\bat .*\.(ts|js):\d+|"stack"/.test(text)) oddBody = text.slice(0, 500);
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      message,
      oddBody,
      ms: performance.now() - started,
    };
  } catch (error) {
    return {
      status: 0,
      retryAfter: null,
      message: null,
      oddBody: String(error),
      ms: performance.now() - started,
    };
  }
}

async function runOutage(
  rig: { pg: LocalPostgres; api: ApiProcess; handle: DatabaseHandle; logLines: string[] },
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const {
    beforeMs = 3_000,
    minBeforeAnswers = 24,
    outageMs = 5_000,
    recoveryBoundMs = 30_000,
    afterOkMs = 3_000,
  } = options;
  const { pg, api, handle } = rig;
  const staff = await signInStaff(api, handle);
  const outcomes: Outcome[] = [];
  let phase: Phase = 'before';
  let running = true;
  let counter = 0;

  async function worker(index: number) {
    while (running) {
      const member = staff[index % staff.length] as Staff;
      counter += 1;
      const pick = counter % 10;
      const at = performance.now();
      const currentPhase = phase;
      if (pick < 5) {
        const key = `faults-q-${randomUUID()}`;
        const participantId =
          member.participantIds[counter % member.participantIds.length] ?? randomUUID();
        const answer = await send(
          member,
          'questionnaire.record',
          {
            participantId,
            instrument: 'PHQ9',
            timepointCode: 'baseline',
            recordedOn: today(),
            answers: [1, 1, 0, 2, 1, 0, 1, 0, 0],
            idempotencyKey: key,
          },
          true,
        );
        outcomes.push({ op: 'questionnaire', phase: currentPhase, key, startedAt: at, ...answer });
      } else if (pick < 7) {
        const key = `faults-s-${randomUUID()}`;
        const register = member.participantIds
          .slice(counter % 5, (counter % 5) + 3)
          .map((participantId) => ({ participantId, status: 'attended' as const }));
        const answer = await send(
          member,
          'deliverySession.record',
          {
            programmeId: member.programmeId,
            siteId: member.siteId,
            heldOn: today(),
            kind: 'group',
            durationMinutes: 60,
            practitionerId: member.practitionerId,
            register,
            idempotencyKey: key,
          },
          true,
        );
        outcomes.push({ op: 'session', phase: currentPhase, key, startedAt: at, ...answer });
      } else {
        const answer =
          pick === 7
            ? await send(member, 'session.me', undefined, false)
            : pick === 8
              ? // better-auth's own route reads the session from the database too.
                await send(member, '/api/auth/get-session', undefined, false)
              : await send(
                  member,
                  'participant.list',
                  { siteId: member.siteId, programmeId: member.programmeId },
                  false,
                );
        outcomes.push({ op: 'read', phase: currentPhase, startedAt: at, ...answer });
      }
    }
  }

  const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let stoppedAt = 0;
  let stopReturnedAt = 0;
  let startedAgainAt = 0;
  let readyAt = 0;
  try {
    await sleep(beforeMs);
    for (let waited = 0; outcomes.length < minBeforeAnswers && waited < 60_000; waited += 100)
      await sleep(100);
    phase = 'outage';
    stoppedAt = performance.now();
    await pg.stop();
    stopReturnedAt = performance.now();
    await sleep(outageMs);
    phase = 'after';
    startedAgainAt = performance.now();
    await pg.start();
    readyAt = performance.now();
    const deadline = startedAgainAt + recoveryBoundMs;
    while (performance.now() < deadline) {
      const ok = outcomes.find((o) => o.startedAt >= readyAt && o.status === 200);
      if (ok) break;
      await sleep(100);
    }
    await sleep(afterOkMs);
  } finally {
    running = false;
    await Promise.all(workers);
  }

  const firstUnavailable = outcomes
    .filter((o) => o.status === 503 && o.startedAt + o.ms >= stoppedAt)
    .map((o) => o.startedAt + o.ms - stoppedAt)
    .sort((a, b) => a - b)[0];
  const firstOk = outcomes
    .filter((o) => o.status === 200 && o.startedAt >= startedAgainAt)
    .map((o) => o.startedAt + o.ms - startedAgainAt)
    .sort((a, b) => a - b)[0];
  const integrity = await checkIntegrity(handle, outcomes);
  return {
    outcomes,
    stoppedAt,
    stopReturnedAt,
    startedAgainAt,
    readyAt,
    firstUnavailableMs: firstUnavailable ?? null,
    firstOkAfterMs: firstOk ?? null,
    ...integrity,
    logLines: rig.logLines,
  };
}

/** What the database holds after the run, against what the API answered. */
async function checkIntegrity(handle: DatabaseHandle, outcomes: readonly Outcome[]) {
  const rows = (await handle.db.execute(sql`
    select q.idempotency_key as key, exists (
      select 1 from audit_entries a
      where a.network_id = q.network_id and a.action = 'questionnaire.recorded'
        and a.detail->>'responseId' = q.id::text) as audited
    from questionnaire_responses q where q.idempotency_key like 'faults-q-%'
    union all
    select s.idempotency_key, exists (
      select 1 from audit_entries a
      where a.network_id = s.network_id and a.action = 'delivery-session.recorded'
        and a.object_id = s.id::text
        and (a.detail->>'registered')::int =
          (select count(*) from attendances t where t.session_id = s.id))
    from delivery_sessions s where s.idempotency_key like 'faults-s-%'`)) as unknown as {
    key: string;
    audited: boolean;
  }[];
  const stored = new Map(rows.map((r) => [r.key, r.audited]));
  const lostWrites = outcomes
    .filter((o) => o.key && o.status === 200 && stored.get(o.key) !== true)
    .map((o) => o.key as string);
  const partialWrites = rows.filter((r) => !r.audited).map((r) => r.key);
  const brokenChains: string[] = [];
  for (const networkId of await listChainNetworkIds(handle.db)) {
    const result = await verifyAuditChain(handle.db, networkId);
    if (!result.intact) brokenChains.push(networkId);
  }
  return { lostWrites, partialWrites, brokenChains };
}

/** The words and headers every refused request must carry. */
export function isProperUnavailable(o: Outcome): boolean {
  return (
    o.status === 503 &&
    o.retryAfter !== null &&
    Number(o.retryAfter) > 0 &&
    o.message === DATABASE_UNAVAILABLE &&
    o.oddBody === null
  );
}
