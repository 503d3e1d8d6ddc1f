import { Link, type To } from 'react-router';

export interface CardItem {
  readonly to: To;
  readonly title: string;
  readonly description: string;
}

/** The things a person can do now, as linked cards on their home page. */
export function CardList({ items }: { items: readonly CardItem[] }) {
  return (
    <ul className="app-card-list">
      {items.map((item) => (
        <li key={item.title} className="app-card">
          <h2 className="govuk-heading-m">
            <Link className="govuk-link govuk-link--no-visited-state" to={item.to}>
              {item.title}
            </Link>
          </h2>
          <p className="govuk-body">{item.description}</p>
        </li>
      ))}
    </ul>
  );
}
