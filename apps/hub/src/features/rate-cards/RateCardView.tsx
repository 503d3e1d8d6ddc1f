import { formatPounds } from '@coproduce/domain';
import { type RateCardVersionView, SummaryList, Table } from '@coproduce/ui';
import { sharePercentages } from './card-form.ts';
import { useRateCardsT } from './i18n.ts';

/** One version of a rate card: its outcomes and prices, caps, and how funders share each line. */
export function RateCardView({
  version,
  funderName,
}: {
  version: RateCardVersionView;
  funderName: (organisationId: string) => string;
}) {
  const t = useRateCardsT();
  const { card, triggers } = version;
  const percentages = sharePercentages(
    card.funders.map((funder) => ({
      organisationId: funder.organisationId,
      name: '',
      share: String(funder.share),
    })),
  );
  const cap = (pence: number | null) =>
    pence === null ? t('rateCard.noCap') : formatPounds(pence);
  return (
    <>
      <Table
        caption={t('rateCard.outcomes.caption')}
        columns={[
          { header: t('rateCard.outcomes.code') },
          { header: t('rateCard.outcomes.definition') },
          { header: t('rateCard.outcomes.trigger') },
          { header: t('rateCard.outcomes.price'), numeric: true },
          { header: t('rateCard.outcomes.times') },
        ]}
        rows={card.outcomes.map((outcome) => ({
          key: outcome.code,
          cells: [
            outcome.code,
            outcome.definition,
            triggers.find((trigger) => trigger.code === outcome.code)?.description ?? '–',
            formatPounds(outcome.pricePence),
            outcome.maxClaimsPerParticipant === 1
              ? t('rateCard.outcomes.once')
              : t('rateCard.outcomes.upTo', { count: outcome.maxClaimsPerParticipant }),
          ],
        }))}
      />
      <h3 className="govuk-heading-s">{t('rateCard.caps')}</h3>
      <SummaryList
        rows={[
          { key: t('rateCard.participantCap'), value: cap(card.participantCapPence) },
          { key: t('rateCard.contractCap'), value: cap(card.contractCapPence) },
        ]}
      />
      <h3 className="govuk-heading-s">{t('rateCard.funders')}</h3>
      <SummaryList
        rows={card.funders.map((funder, index) => ({
          key: funderName(funder.organisationId),
          value: t('rateCard.funderShare', {
            percent: (percentages[index] ?? 0).toLocaleString(t.locale),
          }),
        }))}
      />
    </>
  );
}
