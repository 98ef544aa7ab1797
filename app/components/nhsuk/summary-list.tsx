import type { ReactNode } from "react";

/** NHS.UK summary list: key–value rows describing one thing. */
export function SummaryList({ rows }: { rows: (readonly [ReactNode, ReactNode] | null | false)[] }) {
  return (
    <dl className="nhsuk-summary-list">
      {rows.filter((r): r is readonly [ReactNode, ReactNode] => Boolean(r)).map(([key, value], i) => (
        <div className="nhsuk-summary-list__row" key={i}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
