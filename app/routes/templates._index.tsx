import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { dataDictionary, type DictionaryEntry } from "~/domain/hjp/templates";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return json(dataDictionary());
}

function AllowedValues({ entry }: { entry: DictionaryEntry }) {
  if (!entry.allowed.length) return <>–</>;
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {entry.allowed.length} codes{entry.list ? ", separated by semicolons" : ""}
          <span className="nhsuk-u-visually-hidden"> for {entry.column}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <ul className="nhsuk-list">
          {entry.allowed.map((a) => (
            <li key={a.code}>
              <code>{a.code}</code>: {a.label}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

export default function TemplatesRoute() {
  const { datasets, refused } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }]} />
      <h1>HJP data templates and data dictionary</h1>
      <p className="nhsuk-lede-text">
        Templates for health justice partnership data: services, case-level activity and outcomes, training of health staff, and funding awards. Each file is
        checked row by row when it is loaded: a file with any problem is refused as a whole, listing every problem by line and column, and nothing is stored.
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {datasets.map((d) => (
          <li key={d.id}>
            <a href={`#${d.id}`}>{d.title}</a>
          </li>
        ))}
        <li>
          <a href="#refused-columns">Columns that are refused</a>
        </li>
      </ul>
      <p>
        <a href="/templates/hjp-data-dictionary.csv" download>
          Download the whole data dictionary (CSV)
        </a>
      </p>

      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Case-level data must be pseudonymised before it is sent. Use the service's own case numbers, never names, NHS numbers, dates of birth, addresses,
          full postcodes or contact details. Give the client's area as an LSOA code or a postcode outward code (such as M14).
        </p>
      </div>

      {datasets.map((d) => (
        <section key={d.id} aria-labelledby={`${d.id}-heading`}>
          <h2 id={d.id}>
            <span id={`${d.id}-heading`}>{d.title}</span>
          </h2>
          <p>{d.description}</p>
          <p>
            One row is {d.rowIs}. Load a filled file with <code>{d.command}</code>.
          </p>
          <ul className="nhsuk-list">
            <li>
              <a href={`/templates/${d.id}.csv`} download>
                Download the {d.title} template (CSV)
              </a>
            </li>
            <li>
              <a href={`/templates/${d.id}.xlsx`} download>
                Download the {d.title} template (Excel, with drop-down lists and an example row)
              </a>
            </li>
          </ul>
          <div className="nhsuk-table-responsive">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption">Columns of the {d.title} file</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Required</th>
                  <th scope="col">Type</th>
                  <th scope="col">Allowed values</th>
                  <th scope="col">Description</th>
                  <th scope="col">Example</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {d.columns.map((c) => (
                  <tr key={c.column} className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__cell">
                      <code>{c.column}</code>
                    </th>
                    <td className="nhsuk-table__cell">{c.required ? "Yes" : "No"}</td>
                    <td className="nhsuk-table__cell">{c.type}</td>
                    <td className="nhsuk-table__cell">
                      <AllowedValues entry={c} />
                    </td>
                    <td className="nhsuk-table__cell">{c.description}</td>
                    <td className="nhsuk-table__cell">{c.example ? <code>{c.example}</code> : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      <h2 id="refused-columns">Columns that are refused</h2>
      <p>
        A file with a column whose header is a direct identifier is refused before any row is read, and nothing is stored. Headers are compared as whole words,
        ignoring case and separators: <code>client_name</code>, <code>Client Name</code> and <code>clientName</code> are all refused, while{" "}
        <code>service_name</code> and <code>funder_name</code> (names of things, not people) are allowed. A postcode column is refused unless it is an outward
        code or district (<code>client_outward_code</code>, <code>postcode_district</code>), and a full postcode in the outward-code column is refused row by
        row. An episode or client reference that is itself an NHS number, full postcode, email address or telephone number is refused too.
      </p>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Headers that are refused, and why</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Headers containing</th>
            <th scope="col">Refused because the column would hold</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {refused.map((r) => (
            <tr key={r.kind} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">{r.examples.join(", ")}</td>
              <td className="nhsuk-table__cell">{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "HJP data templates and data dictionary – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
