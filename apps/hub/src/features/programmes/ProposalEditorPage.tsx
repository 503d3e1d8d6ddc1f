import {
  BackLink,
  EmptyState,
  ErrorState,
  LoadingState,
  NotificationBanner,
  Page,
  readError,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n.ts';
import { NEW_DRAFT } from './draft-form.ts';
import { ProposalEditor } from './ProposalEditor.tsx';

/**
 * `/programmes/new` and `/programmes/:id/edit`: the proposal editor, for a draft or a proposal
 * sent back for changes. Anything further along cannot be edited, and the page says so.
 */
export function ProposalEditorPage() {
  const t = useT();
  const trpc = useTRPC();
  const { programmeId } = useParams();
  const [notice, setNotice] = useNotice();
  const organisations = useQuery(trpc.organisation.list.queryOptions());
  const programme = useQuery({
    ...trpc.programme.get.queryOptions({ programmeId: programmeId ?? '' }),
    enabled: programmeId !== undefined,
  });
  const isNew = programmeId === undefined;
  const title = isNew
    ? t('editor.newTitle')
    : programme.data === undefined
      ? t('editor.editTitleLoading')
      : t('editor.editTitle', { name: programme.data.name });
  const backLink = (
    <BackLink to={isNew ? '/programmes' : `/programmes/${programmeId}`}>
      {t('common.back')}
    </BackLink>
  );
  const banner = notice !== null && (
    <NotificationBanner key={notice} type="success" heading={notice} />
  );

  const loading = organisations.isPending || (!isNew && programme.isPending);
  const failed = organisations.error ?? (isNew ? null : programme.error);
  if (loading || failed !== null) {
    return (
      <Page title={title} caption={t('editor.caption')} backLink={backLink} beforeHeading={banner}>
        {failed !== null ? (
          <ErrorState
            message={readError(failed, t('state.unreachable')).message}
            onRetry={() => {
              void organisations.refetch();
              if (!isNew) void programme.refetch();
            }}
          />
        ) : (
          <LoadingState label={t('editor.loading')} />
        )}
      </Page>
    );
  }

  const all = organisations.data?.organisations ?? [];
  const sites = all.filter((organisation) => organisation.kind === 'site');
  const commissioners = all.filter((organisation) => organisation.kind === 'commissioner');

  if (programme.data !== undefined && !programme.data.editable) {
    return (
      <Page title={title} caption={t('editor.caption')} backLink={backLink}>
        <EmptyState>{t('editor.notEditable')}</EmptyState>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/programmes/${programme.data.id}`}>
            {t('editor.backToProgramme')}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <ProposalEditor
      // A saved change comes back with a new version: the form starts again from what was saved.
      key={programme.data?.version ?? 'new'}
      title={title}
      backLink={backLink}
      banner={banner}
      programme={programme.data ?? null}
      initial={NEW_DRAFT}
      sites={sites}
      commissioners={commissioners}
      onNotice={setNotice}
      onReload={() => void programme.refetch()}
    />
  );
}
