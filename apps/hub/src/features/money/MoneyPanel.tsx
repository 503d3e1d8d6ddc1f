import { formatPounds } from '@coproduce/domain';
import {
  Loaded,
  type MoneyProgrammeView,
  Table,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { type MoneyTranslate, useMoneyT } from './i18n.ts';
import { budgetBarParts } from './money-bar.ts';
import './money.css';

/**
 * Money on the programme page: links to its rate card and claims, and from the ledger the
 * budget each funder committed, what is committed to payments and what has been paid, with
 * what was claimed from each funder and received.
 */
export function MoneyPanel({ programmeId }: { programmeId: string }) {
  const t = useMoneyT();
  const role = useActiveMembership().role;
  const canRead = mayUse(role, 'money.programme');
  const links = [
    mayUse(role, 'rateCard.versions') && { to: 'rate-card', text: t('money.rateCard') },
    mayUse(role, 'claim.list') && { to: 'claims', text: t('money.claims') },
  ].filter((link) => link !== false);
  if (!canRead && links.length === 0) return null;
  return (
    <section aria-labelledby="money-heading">
      <h2 className="govuk-heading-l" id="money-heading">
        {t('money.heading')}
      </h2>
      {links.length > 0 && (
        <ul className="govuk-list">
          {links.map((link) => (
            <li key={link.to}>
              <Link className="govuk-link" to={`/programmes/${programmeId}/${link.to}`}>
                {link.text}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canRead && <MoneyFigures programmeId={programmeId} />}
    </section>
  );
}

function MoneyFigures({ programmeId }: { programmeId: string }) {
  const t = useMoneyT();
  const trpc = useTRPC();
  const money = useQuery(trpc.money.programme.queryOptions({ programmeId }));
  return (
    <Loaded query={money} loading={t('money.loading')}>
      {(data) => (
        <>
          <p className="govuk-body">{t('money.intro')}</p>
          <BudgetTable money={data} />
          <BudgetBars money={data} />
          <ClaimsTable money={data} />
        </>
      )}
    </Loaded>
  );
}

const pounds = (pence: number) => formatPounds(pence);

function BudgetTable({ money }: { money: MoneyProgrammeView }) {
  const t = useMoneyT();
  const row = (key: string, name: string, f: MoneyProgrammeView['totals']) => ({
    key,
    cells: [
      name,
      pounds(f.budgetPence),
      pounds(f.committedPence),
      pounds(f.paidPence),
      pounds(f.availablePence),
    ],
  });
  return (
    <Table
      caption={t('money.caption')}
      columns={[
        { header: t('money.funder') },
        { header: t('money.budget'), numeric: true },
        { header: t('money.committed'), numeric: true },
        { header: t('money.paid'), numeric: true },
        { header: t('money.remaining'), numeric: true },
      ]}
      rows={[
        ...money.funders.map((funder) => row(funder.organisationId, funder.name, funder)),
        row('total', t('money.total'), money.totals),
      ]}
    />
  );
}

/** Each funder's budget as a bar; the words beside it say what the bar shows. */
function BudgetBars({ money }: { money: MoneyProgrammeView }) {
  const t = useMoneyT();
  const bars = money.funders.flatMap((funder) => {
    const parts = budgetBarParts(funder);
    return parts === null ? [] : [{ funder, parts }];
  });
  if (bars.length === 0) return null;
  return (
    <div className="app-money-bars">
      <Legend t={t} />
      {bars.map(({ funder, parts }) => (
        <div key={funder.organisationId} className="app-money-bar">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {t('money.barLabel', {
              funder: funder.name,
              paid: pounds(funder.paidPence),
              committed: pounds(funder.committedPence),
              budget: pounds(funder.budgetPence),
            })}
          </p>
          <svg width="100%" height="16" aria-hidden="true" focusable="false">
            <rect
              x="0"
              y="0"
              width={`${parts.paid}%`}
              height="16"
              className="app-money-bar__paid"
            />
            <rect
              x={`${parts.paid}%`}
              y="0"
              width={`${parts.unpaid}%`}
              height="16"
              className="app-money-bar__unpaid"
            />
            <rect
              x={`${parts.paid + parts.unpaid}%`}
              y="0"
              width={`${parts.available}%`}
              height="16"
              className="app-money-bar__available"
            />
          </svg>
        </div>
      ))}
    </div>
  );
}

function Legend({ t }: { t: MoneyTranslate }) {
  const items = [
    ['paid', t('money.legend.paid')],
    ['unpaid', t('money.legend.committed')],
    ['available', t('money.legend.remaining')],
  ] as const;
  return (
    <ul className="app-money-legend govuk-body-s" aria-hidden="true">
      {items.map(([part, text]) => (
        <li key={part}>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <rect width="16" height="16" className={`app-money-bar__${part}`} />
          </svg>
          {text}
        </li>
      ))}
    </ul>
  );
}

function ClaimsTable({ money }: { money: MoneyProgrammeView }) {
  const t = useMoneyT();
  const row = (key: string, name: string, f: MoneyProgrammeView['totals']) => ({
    key,
    cells: [
      name,
      pounds(f.claimedPence),
      pounds(f.receivedPence),
      pounds(f.claimedPence - f.receivedPence),
    ],
  });
  return (
    <Table
      caption={t('money.claimsCaption')}
      captionSize="s"
      columns={[
        { header: t('money.funder') },
        { header: t('money.claimed'), numeric: true },
        { header: t('money.received'), numeric: true },
        { header: t('money.owed'), numeric: true },
      ]}
      rows={[
        ...money.funders.map((funder) => row(funder.organisationId, funder.name, funder)),
        row('total', t('money.total'), money.totals),
      ]}
    />
  );
}
