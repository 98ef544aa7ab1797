import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { canCreateAgreement } from "~/auth/agreement-access";
import { hasPermission } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { StatusTag } from "~/components/agreements/tags";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { Select, TextInput } from "~/components/nhsuk/fields";
import { AGREEMENT_STATUSES, AGREEMENT_TYPES, STATUS_LABELS, TYPE_LABELS } from "~/domain/agreements/lifecycle";
import { formatPence } from "~/domain/format/numbers";
import { getAgreementOptions, listAgreements } from "~/services/agreements/agreements.server";
import { AgreementFiltersSchema } from "~/validation/agreements";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:agreement:own") && !hasPermission(user, "read:agreement:any")) forbidden();
  const search = new URL(request.url).searchParams;
  const parsed = AgreementFiltersSchema.safeParse(Object.fromEntries([...search].filter(([, v]) => v !== "")));
  if (!parsed.success) throw new Response("Bad request: a filter is not valid", { status: 400 });
  const [agreements, options] = await Promise.all([listAgreements({ db: context.db, actor: user, filters: parsed.data }), getAgreementOptions({ db: context.db, icbCode: user.icbCode })]);
  return json(
    {
      agreements,
      filters: parsed.data,
      query: search.toString(),
      canCreate: canCreateAgreement(user),
      organisations: options.organisations,
      footprints: [{ code: "system", name: "The whole system" }, ...options.places, ...options.neighbourhoods],
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function AgreementsRoute() {
  const { agreements, filters, query, canCreate, organisations, footprints } = useLoaderData<typeof loader>();
  const exportHref = (format: string) => `/agreements/export?${new URLSearchParams([...new URLSearchParams(query)].concat([["format", format]]))}`;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }]} />
      <h1>Partnership agreements</h1>
      <p className="nhsuk-lede-text">Agreements between the integrated care board and VCSE organisations: grants, contracts, service-level agreements, memoranda of understanding and data-sharing agreements.</p>
      {canCreate ? (
        <Link to="/agreements/new" className="nhsuk-button">
          Create an agreement
        </Link>
      ) : null}
      <Form method="get" role="search" aria-labelledby="filter-heading" className="app-filters">
        <h2 id="filter-heading" className="nhsuk-heading-s">
          Filter the register
        </h2>
        <TextInput id="q" name="q" type="search" label="Search titles, purposes and organisations" defaultValue={filters.q ?? ""} className="nhsuk-input--width-20" />
        <Select id="organisation" name="organisation" label="Organisation" placeholder="Any organisation" defaultValue={filters.organisation ? String(filters.organisation) : ""} options={organisations.map((o) => ({ value: String(o.id), label: o.name }))} />
        <Select id="type" name="type" label="Type" placeholder="Any type" defaultValue={filters.type ?? ""} options={AGREEMENT_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
        <Select id="status" name="status" label="Status" placeholder="Any status" defaultValue={filters.status ?? ""} options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        {footprints.length > 1 ? <Select id="footprint" name="footprint" label="Footprint" placeholder="Any footprint" defaultValue={filters.footprint ?? ""} options={footprints.map((f) => ({ value: f.code, label: f.name }))} /> : null}
        <TextInput id="endsBy" name="endsBy" type="date" label="Ends on or before" defaultValue={filters.endsBy ?? ""} className="nhsuk-input--width-10" />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Apply filters
        </button>{" "}
        <Link to="/agreements" className="nhsuk-link">
          Clear filters
        </Link>
      </Form>
      <h2>
        {agreements.length} {agreements.length === 1 ? "agreement" : "agreements"}
      </h2>
      <ul className="app-ind-chart__downloads">
        <li>
          <a href={exportHref("csv")} download>
            Download the register (CSV)
          </a>
        </li>
        <li>
          <a href={exportHref("xlsx")} download>
            Download the register (Excel)
          </a>
        </li>
      </ul>
      {agreements.some((a) => a.synthetic) ? (
        <div className="app-synthetic-banner" role="note" aria-label="Synthetic demonstration data">
          <p className="nhsuk-body nhsuk-u-margin-bottom-0">
            <strong>Synthetic demonstration data.</strong> Agreements marked “synthetic” were made up for the demonstration and describe no real agreement.
          </p>
        </div>
      ) : null}
      {agreements.length === 0 ? (
        <p>No agreements match these filters.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-label="Agreements" tabIndex={0}>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Agreements, soonest ending first</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                {["Agreement", "Type", "Status", "VCSE organisations", "Value", "Paid", "Ends", "Review"].map((h, i) => (
                  <th key={h} scope="col" className={`nhsuk-table__header${i === 4 || i === 5 ? " nhsuk-table__header--numeric" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {agreements.map((a) => (
                <tr key={a.id} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header">
                    <Link to={`/agreements/${a.id}`}>{a.title}</Link>
                    {a.synthetic ? <span className="nhsuk-body-s app-muted"> (synthetic)</span> : null}
                  </th>
                  <td className="nhsuk-table__cell">{TYPE_LABELS[a.type]}</td>
                  <td className="nhsuk-table__cell">
                    <StatusTag status={a.status} />
                  </td>
                  <td className="nhsuk-table__cell">{a.organisations.join("; ")}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatPence(a.valuePence, { whole: true })}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatPence(a.paidPence, { whole: true })}</td>
                  <td className="nhsuk-table__cell">{a.endDate}</td>
                  <td className="nhsuk-table__cell">{a.reviewDate ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Partnership agreements – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
