import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from './trpc.ts';

type Api = TRPCOptionsProxy<AppRouter>;

export type Me = inferOutput<Api['session']['me']>;
export type Membership = Me['memberships'][number];
export type Role = Membership['role'];
export type OrganisationList = inferOutput<Api['organisation']['list']>['organisations'];
export type MemberList = inferOutput<Api['people']['listMembers']>;
export type Member = MemberList['members'][number];
export type InvitationList = inferOutput<Api['invitation']['list']>['invitations'];
export type Invitation = InvitationList[number];
export type InvitationStatus = Invitation['status'];
export type InvitationPreview = inferOutput<Api['invitation']['preview']>;
export type AuditQuery = inferInput<Api['audit']['list']>;
export type AuditPage = inferOutput<Api['audit']['list']>;
export type AuditEntry = AuditPage['entries'][number];
export type ChainVerification = inferOutput<Api['audit']['verify']>;
