import type { Page } from 'playwright-core';

/** Calls the API from inside the page, with its session cookie, as the app does. */
export function api<T>(
  page: Page,
  path: string,
  input: unknown,
  kind: 'query' | 'mutation',
): Promise<T> {
  return page.evaluate(
    async ({ path, input, kind }) => {
      const response =
        kind === 'query'
          ? await fetch(
              input === undefined
                ? `/trpc/${path}`
                : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
            )
          : await fetch(`/trpc/${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(input),
            });
      const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
      if (!response.ok) throw new Error(JSON.stringify(body.error));
      return body.result?.data as T;
    },
    { path, input, kind },
  );
}

/** Enrols someone at the signed-in person's site, in the named programme, with consent today. */
export async function enrolThroughApi(
  page: Page,
  programmeName: string,
  identity: { givenName: string; familyName: string; dateOfBirth: string },
): Promise<{ participantId: string; code: string }> {
  const me = await api<{
    activeMembershipId: string;
    memberships: { id: string; organisation: { id: string } }[];
  }>(page, 'session.me', undefined, 'query');
  const siteId = me.memberships.find((m) => m.id === me.activeMembershipId)?.organisation.id;
  const { programmes } = await api<{ programmes: { id: string; name: string }[] }>(
    page,
    'programme.list',
    { siteId },
    'query',
  );
  const today = new Date().toISOString().slice(0, 10);
  return api(
    page,
    'participant.enrol',
    {
      programmeId: programmes.find((p) => p.name === programmeName)?.id,
      siteId,
      enrolment: {
        enrolledOn: today,
        identity,
        consent: {
          noticeVersion: 'v3',
          serviceDelivery: true,
          evaluation: true,
          sharingWithCommissioners: true,
          givenOn: today,
        },
      },
    },
    'mutation',
  );
}
