import { OrganisationPeople, useActiveMembership } from '@coproduce/ui';

/** A site lead manages the people of their own site only. */
export function PeoplePage() {
  const membership = useActiveMembership();
  return <OrganisationPeople organisationId={membership.organisation.id} />;
}
