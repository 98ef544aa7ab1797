import { Link } from "@remix-run/react";
import { FLAG_LABELS } from "~/domain/returns/plausibility";
import type { TrackerRow } from "~/services/returns/tracker.server";
import { formatDate, StatusTag } from "./return-figures";

/** Returns by period, with status, days overdue and plausibility flags that say why they were raised. */
export function ReturnsTable({ rows, caption, showOrganisation = true, id }: { rows: TrackerRow[]; caption: string; showOrganisation?: boolean; id: string }) {
  if (!rows.length) return <p>No returns to show.</p>;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="nhsuk-table" id={id}>
        <caption className="nhsuk-table__caption" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Period
            </th>
            {showOrganisation ? (
              <th scope="col" className="nhsuk-table__header">
                Organisation
              </th>
            ) : null}
            <th scope="col" className="nhsuk-table__header">
              Service
            </th>
            <th scope="col" className="nhsuk-table__header">
              Status
            </th>
            <th scope="col" className="nhsuk-table__header">
              Due
            </th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
              Days overdue
            </th>
            <th scope="col" className="nhsuk-table__header">
              Checks
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((r) => (
            <tr className="nhsuk-table__row" key={`${r.serviceId}/${r.periodStart}`}>
              <td className="nhsuk-table__cell">
                <Link to={r.href}>
                  {r.periodLabel}
                  <span className="nhsuk-u-visually-hidden">
                    {" "}
                    return for {r.serviceName}
                  </span>
                </Link>
              </td>
              {showOrganisation ? <td className="nhsuk-table__cell">{r.organisationName}</td> : null}
              <td className="nhsuk-table__cell">{r.serviceName}</td>
              <td className="nhsuk-table__cell">
                <StatusTag status={r.status} />
                {r.version > 1 ? <span className="nhsuk-body-s"> (version {r.version})</span> : null}
              </td>
              <td className="nhsuk-table__cell">{formatDate(r.dueDate)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.daysOverdue ?? "–"}</td>
              <td className="nhsuk-table__cell">
                {r.queryComment ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Queried: {r.queryComment}</p> : null}
                {r.flags.length ? (
                  <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
                    {r.flags.map((f) => (
                      <li key={f.code + f.measure + f.message}>
                        <strong>{FLAG_LABELS[f.code]}:</strong> {f.message}
                      </li>
                    ))}
                  </ul>
                ) : r.status === "submitted" || r.status === "accepted" ? (
                  "No flags"
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
