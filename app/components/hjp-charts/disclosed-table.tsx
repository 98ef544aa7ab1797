import { Link } from "@remix-run/react";
import type { Cell, CellFormat, DisclosedTable, TableRow } from "~/domain/disclosure/table";
import { formatCell } from "./chart-data";

function CellText({ value, format }: { value: Cell | undefined; format: CellFormat }) {
  if (value === "*") {
    return (
      <>
        *<span className="nhsuk-u-visually-hidden"> (not shown, to protect privacy)</span>
      </>
    );
  }
  return <>{formatCell(value, format)}</>;
}

function Row({ row, table, total }: { row: TableRow; table: DisclosedTable; total?: boolean }) {
  return (
    <tr className={`nhsuk-table__row${total ? " app-table__total" : ""}`}>
      <th scope="row" className="nhsuk-table__header">
        {row.href ? <Link to={row.href}>{row.label}</Link> : row.label}
      </th>
      {table.columns.map((c) => (
        <td key={c.key} className={`nhsuk-table__cell${c.format === "text" || c.format === "date" ? "" : " nhsuk-table__cell--numeric"}`}>
          <CellText value={row.cells[c.key]} format={c.format} />
        </td>
      ))}
    </tr>
  );
}

/**
 * A disclosed table as an NHS.UK table, with its description, notes and a link to
 * download exactly these figures as CSV.
 */
export function DisclosedTableView({ table, downloadHref, xlsxHref }: { table: DisclosedTable; downloadHref: string; /** Also offered as a spreadsheet when given. */ xlsxHref?: string }) {
  return (
    <div className="app-table-block" id={`table-${table.id}`}>
      <p className="nhsuk-body-s">{table.description}</p>
      {table.rows.length === 0 ? (
        <p>No data to display.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-label={table.title} tabIndex={0}>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{table.title}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  {table.rowHeader}
                </th>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={`nhsuk-table__header${c.format === "text" || c.format === "date" ? "" : " nhsuk-table__header--numeric"}`}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {table.rows.map((r) => (
                <Row key={r.key} row={r} table={table} />
              ))}
              {table.total ? <Row row={table.total} table={table} total /> : null}
            </tbody>
          </table>
        </div>
      )}
      {(table.notes ?? []).map((n) => (
        <p key={n} className="nhsuk-body-s">
          {n}
        </p>
      ))}
      <p className="nhsuk-body-s app-no-print">
        <a href={downloadHref} download>
          Download this table as CSV<span className="nhsuk-u-visually-hidden">: {table.title}</span>
        </a>
        {xlsxHref ? (
          <>
            {" "}
            <a href={xlsxHref} download className="nhsuk-u-margin-left-3">
              Download this table as XLSX<span className="nhsuk-u-visually-hidden">: {table.title}</span>
            </a>
          </>
        ) : null}
      </p>
    </div>
  );
}
