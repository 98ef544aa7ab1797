import { DISCLOSURE_RULE_SUMMARY } from "~/domain/disclosure/rule";
import type { PackContentSection } from "~/services/packs/packs.server";
import type { PackRow, PackTable } from "~/services/packs/section-types";
import { Narrative } from "./narrative";
import { PackChartView } from "./pack-chart";
import { keyFigureText, rowCellText, syntheticDetail } from "./pack-format";

function CellText({ row, column }: { row: PackRow; column: PackTable["columns"][number] }) {
  const text = rowCellText(row, column.key, column.format);
  return text === "*" ? (
    <>
      *<span className="nhsuk-u-visually-hidden"> (not shown, to protect privacy)</span>
    </>
  ) : (
    <>{text}</>
  );
}

function PackTableView({ table }: { table: PackTable }) {
  const numeric = (f: string) => f !== "text" && f !== "date";
  const row = (r: PackRow, total = false) => (
    <tr key={r.key} className={`nhsuk-table__row${total ? " app-table__total" : ""}`}>
      <th scope="row" className="nhsuk-table__header">
        {r.label}
      </th>
      {table.columns.map((c) => (
        <td key={c.key} className={`nhsuk-table__cell${numeric(c.format) ? " nhsuk-table__cell--numeric" : ""}`}>
          <CellText row={r} column={c} />
        </td>
      ))}
    </tr>
  );
  return (
    <div className="app-table-block app-pack-table" id={`table-${table.id}`}>
      <h3 className="nhsuk-heading-xs">{table.title}</h3>
      <p className="nhsuk-body-s">{table.description}</p>
      {table.rows.length === 0 ? (
        <p className="nhsuk-body-s">No data to display.</p>
      ) : (
        <div className="app-table-scroll app-compact-table" role="region" aria-label={table.title} tabIndex={0}>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{table.title}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  {table.rowHeader}
                </th>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={`nhsuk-table__header${numeric(c.format) ? " nhsuk-table__header--numeric" : ""}`}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {table.rows.map((r) => row(r))}
              {table.total ? row(table.total, true) : null}
            </tbody>
          </table>
        </div>
      )}
      {(table.notes ?? []).map((n) => (
        <p key={n} className="nhsuk-body-s">
          {n}
        </p>
      ))}
    </div>
  );
}

/**
 * One section of a pack on the page: its narrative, key figures, each chart followed by
 * the table of its figures, then the sources, periods and caveats. A section whose data
 * is not installed says so and shows nothing else.
 */
export function PackSectionView({ section, index }: { section: PackContentSection; index: number }) {
  const { data, narrative } = section;
  const charted = new Set(data.charts.flatMap((c) => (c.type === "bars" ? [c.table] : [])));
  return (
    <section className="app-pack-section" aria-labelledby={`section-${index + 1}`} id={`pack-section-${index + 1}`}>
      <h2 id={`section-${index + 1}`}>
        {index + 1}. {data.title}
      </h2>
      {data.synthetic ? (
        <div className="app-synthetic-banner" role="note" aria-label="Synthetic demonstration data">
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
            <strong>Synthetic demonstration data.</strong> {syntheticDetail(data.synthetic)}
          </p>
        </div>
      ) : null}
      <Narrative blocks={narrative} />
      {data.status !== "ready" ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{data.message}</p>
        </div>
      ) : null}
      {data.keyFigures.length ? (
        <dl className="nhsuk-summary-list app-pack-key-figures">
          {data.keyFigures.map((k) => (
            <div className="nhsuk-summary-list__row" key={k.label}>
              <dt className="nhsuk-summary-list__key">{k.label}</dt>
              <dd className="nhsuk-summary-list__value" data-key-figure={k.label}>
                {keyFigureText(k)}
                {k.detail ? ` ${k.detail}` : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {data.charts.map((c) => (
        <figure key={c.id} className="app-ind-chart app-pack-chart">
          <figcaption className="nhsuk-heading-xs">{c.title}</figcaption>
          <PackChartView chart={c} tables={data.tables} />
          {c.type === "bars" ? null : <p className="nhsuk-body-s">The figures are in the table below.</p>}
        </figure>
      ))}
      {[...data.tables.filter((t) => charted.has(t.id)), ...data.tables.filter((t) => !charted.has(t.id))].map((t) => (
        <PackTableView key={t.id} table={t} />
      ))}
      {data.status === "ready" ? (
        <div className="app-pack-about">
          <h3 className="nhsuk-heading-s">About these figures</h3>
          <dl className="nhsuk-summary-list">
            {[
              ["Sources", data.sources],
              ["Periods", data.periods],
              ["Data as at", data.vintage ? [data.vintage] : []],
              ["Caveats", [...data.caveats, ...(data.tables.length ? [] : [DISCLOSURE_RULE_SUMMARY])]],
            ]
              .filter(([, v]) => (v as string[]).length)
              .map(([k, v]) => (
                <div className="nhsuk-summary-list__row" key={k as string}>
                  <dt className="nhsuk-summary-list__key">{k as string}</dt>
                  <dd className="nhsuk-summary-list__value">
                    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                      {(v as string[]).map((line) => (
                        <li key={line} className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                          {line}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
          </dl>
        </div>
      ) : null}
    </section>
  );
}
