import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useMeQuery } from '../auth/session.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { Page } from '../components/Page.tsx';
import { EmptyState, ErrorState, LoadingState } from '../components/States.tsx';
import { Table } from '../components/Table.tsx';
import { Tag, type TagColour } from '../components/Tag.tsx';
import { formatDate } from '../i18n/format.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import type { InvitationStatus, MemberList } from '../trpc/types.ts';
import { usePeopleNotice } from './notice.ts';
import { usePeopleViewLink } from './view-link.ts';

const STATUS_COLOUR: Record<InvitationStatus, TagColour> = {
  pending: 'blue',
  accepted: 'green',
  revoked: 'grey',
  expired: 'orange',
};

export function PeopleOverview({ list, backLink }: { list: MemberList; backLink?: ReactNode }) {
  const t = useUiT();
  const notice = usePeopleNotice();
  const link = usePeopleViewLink();
  const me = useMeQuery();
  const myPersonId = me.data?.person.id;
  const canManage = list.assignableRoles.length > 0;

  return (
    <Page
      title={list.organisation.name}
      caption={t('people.caption')}
      backLink={backLink}
      beforeHeading={notice !== null && <NotificationBanner type="success" heading={notice} />}
    >
      {!canManage && <p className="govuk-body">{t('people.readOnly')}</p>}
      {canManage && (
        <ButtonLink to={link({ kind: 'invite' })}>{t('people.invite.button')}</ButtonLink>
      )}
      {list.members.length === 0 ? (
        <>
          <h2 className="govuk-heading-m">{t('people.members.caption')}</h2>
          <EmptyState>{t('people.members.empty')}</EmptyState>
        </>
      ) : (
        <Table
          caption={t('people.members.caption')}
          columns={[
            { header: t('people.members.name') },
            { header: t('people.members.role') },
            { header: t('people.members.since') },
            { header: t('people.members.twoFactor') },
            ...(canManage
              ? [
                  {
                    header: (
                      <span className="govuk-visually-hidden">{t('people.members.actions')}</span>
                    ),
                  },
                ]
              : []),
          ]}
          rows={list.members.map((member) => {
            const isMe = member.personId === myPersonId;
            const cells: ReactNode[] = [
              <Fragment key="name">
                {isMe ? t('people.members.you', { name: member.name }) : member.name}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-weight-regular app-break">
                  {member.email}
                </span>
              </Fragment>,
              t(`role.${member.role}`),
              <span key="since" className="app-nowrap">
                {formatDate(member.since, t.locale)}
              </span>,
              member.twoFactorEnabled ? t('common.yes') : t('common.no'),
            ];
            if (canManage) {
              cells.push(
                isMe ? (
                  ''
                ) : (
                  <ul key="actions" className="govuk-list govuk-!-margin-bottom-0">
                    <li>
                      <Link
                        className="govuk-link"
                        to={link({ kind: 'grant', personId: member.personId })}
                      >
                        {t('people.grant.link')}
                        <span className="govuk-visually-hidden">
                          {' '}
                          {t('people.forName', { name: member.name })}
                        </span>
                      </Link>
                    </li>
                    <li>
                      <Link
                        className="govuk-link"
                        to={link({ kind: 'revoke-membership', membershipId: member.membershipId })}
                      >
                        {t('people.revoke.link')}
                        <span className="govuk-visually-hidden">
                          {' '}
                          {t('people.revoke.linkHidden', {
                            name: member.name,
                            role: t(`role.${member.role}`),
                          })}
                        </span>
                      </Link>
                    </li>
                  </ul>
                ),
              );
            }
            return { key: member.membershipId, cells };
          })}
        />
      )}
      <Invitations organisationId={list.organisation.id} canManage={canManage} />
    </Page>
  );
}

function Invitations({
  organisationId,
  canManage,
}: {
  organisationId: string;
  canManage: boolean;
}) {
  const t = useUiT();
  const trpc = useTRPC();
  const link = usePeopleViewLink();
  const invitations = useQuery(trpc.invitation.list.queryOptions({ organisationId }));

  const heading = <h2 className="govuk-heading-m">{t('people.invitations.caption')}</h2>;
  if (invitations.isPending) {
    return (
      <>
        {heading}
        <LoadingState label={t('people.invitations.loading')} />
      </>
    );
  }
  if (invitations.isError) {
    return (
      <>
        {heading}
        <ErrorState
          message={readError(invitations.error, t('state.unreachable')).message}
          onRetry={() => void invitations.refetch()}
        />
      </>
    );
  }
  if (invitations.data.invitations.length === 0) {
    return (
      <>
        {heading}
        <EmptyState>{t('people.invitations.empty')}</EmptyState>
      </>
    );
  }
  return (
    <Table
      caption={t('people.invitations.caption')}
      columns={[
        { header: t('people.invitations.email') },
        { header: t('people.invitations.role') },
        { header: t('people.invitations.invitedBy') },
        { header: t('people.invitations.sent') },
        { header: t('people.invitations.expires') },
        { header: t('people.invitations.status') },
        ...(canManage
          ? [
              {
                header: (
                  <span className="govuk-visually-hidden">{t('people.members.actions')}</span>
                ),
              },
            ]
          : []),
      ]}
      rows={invitations.data.invitations.map((invitation) => {
        const cells: ReactNode[] = [
          <span key="email" className="app-break">
            {invitation.email}
          </span>,
          t(`role.${invitation.role}`),
          invitation.invitedByName,
          <span key="sent" className="app-nowrap">
            {formatDate(invitation.createdAt, t.locale)}
          </span>,
          <span key="expires" className="app-nowrap">
            {formatDate(invitation.expiresAt, t.locale)}
          </span>,
          <Tag key="status" colour={STATUS_COLOUR[invitation.status]}>
            {t(`invitationStatus.${invitation.status}`)}
          </Tag>,
        ];
        if (canManage) {
          cells.push(
            invitation.status === 'pending' ? (
              <Link
                key="revoke"
                className="govuk-link"
                to={link({ kind: 'revoke-invitation', invitationId: invitation.id })}
              >
                {t('people.revokeInvitation.link')}
                <span className="govuk-visually-hidden">
                  {' '}
                  {t('people.forName', { name: invitation.email })}
                </span>
              </Link>
            ) : (
              ''
            ),
          );
        }
        return { key: invitation.id, cells };
      })}
    />
  );
}
