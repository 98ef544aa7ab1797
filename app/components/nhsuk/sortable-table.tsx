import { Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";

export type Column<T> = {
  key: string;
  label: ReactNode;
  /** The value sorted on; numbers sort numerically, nulls last. */
  sortValue?: (row: T) => number | string | null;
  render: (row: T) => ReactNode;
  numeric?: boolean;
};

/**
 * An NHS.UK table whose column headers are links that sort it. Sorting lives in the
 * URL (`?sort=…&dir=…`, prefixed per table), so it works without JavaScript, survives
 * a reload and can be bookmarked.
 */
export function SortableTable<T>({
  id,
  caption,
  columns,
  rows,
  rowKey,
  defaultSort,
}: {
  id: string;
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  defaultSort?: { key: string; dir: "asc" | "desc" };
}) {
  const [params] = useSearchParams();
  const sortKey = params.get(`${id}-sort`) ?? defaultSort?.key ?? null;
  const dir = (params.get(`${id}-dir`) ?? defaultSort?.dir ?? "asc") === "desc" ? "desc" : "asc";
  const column = columns.find((c) => c.key === sortKey && c.sortValue);
  const sorted = column ? [...rows].sort((a, b) => compare(column.sortValue!(a), column.sortValue!(b), dir)) : rows;
  const hrefFor = (key: string) => {
    const next = new URLSearchParams(params);
    next.set(`${id}-sort`, key);
    next.set(`${id}-dir`, sortKey === key && dir === "asc" ? "desc" : "asc");
    return `?${next.toString()}#${id}`;
  };
  return (
    <table className="nhsuk-table" id={id}>
      <caption className="nhsuk-table__caption">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              className={`nhsuk-table__header${c.numeric ? " nhsuk-table__header--numeric" : ""}`}
              aria-sort={c.key === sortKey ? (dir === "asc" ? "ascending" : "descending") : c.sortValue ? "none" : undefined}
            >
              {c.sortValue ? (
                <Link to={hrefFor(c.key)} className="app-sort-link" preventScrollReset>
                  {c.label}
                </Link>
              ) : (
                c.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {sorted.map((row) => (
          <tr className="nhsuk-table__row" key={rowKey(row)}>
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.key} scope="row" className="nhsuk-table__header">
                  {c.render(row)}
                </th>
              ) : (
                <td key={c.key} className={`nhsuk-table__cell${c.numeric ? " nhsuk-table__cell--numeric" : ""}`}>
                  {c.render(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function compare(a: number | string | null, b: number | string | null, dir: "asc" | "desc") {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "en-GB");
  return dir === "asc" ? order : -order;
}
