import { Link } from "@remix-run/react";

export type Crumb = { href: string; text: string };

/** NHS.UK breadcrumb: the trail of parent pages, with a back link for small screens. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  if (items.length === 0) return null;
  const parent = items[items.length - 1];
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.href}>
            <Link className="nhsuk-breadcrumb__link" to={item.href}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
      <Link className="nhsuk-back-link" to={parent.href}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {parent.text}
      </Link>
    </nav>
  );
}
