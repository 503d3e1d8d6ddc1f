import { BackLink, Page, QueryStatus, useTRPC } from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useRateCardsT } from './i18n.ts';
import { RateCardEditor } from './RateCardEditor.tsx';

/** A new dated amendment of a programme's rate card (or its first card). */
export function AmendRateCardPage() {
  const t = useRateCardsT();
  const trpc = useTRPC();
  const { programmeId = '' } = useParams();
  const versions = useQuery(trpc.rateCard.versions.queryOptions({ programmeId }));
  const backLink = (
    <BackLink to={`/programmes/${programmeId}/rate-card`}>{t('rateCardEditor.back')}</BackLink>
  );

  if (!versions.isSuccess) {
    return (
      <Page title={t('rateCardEditor.title')} backLink={backLink}>
        <QueryStatus query={versions} loading={t('rateCard.loading')} />
      </Page>
    );
  }
  if (versions.data.funders.length === 0) {
    return (
      <Page title={t('rateCardEditor.firstTitle')} backLink={backLink}>
        <p className="govuk-body">{t('rateCardEditor.noFunders')}</p>
      </Page>
    );
  }
  return <RateCardEditor data={versions.data} backLink={backLink} />;
}
