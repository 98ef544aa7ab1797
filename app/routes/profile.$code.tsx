import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { OutcomeTag } from "~/components/charts/outcome-tag";
import { SpineCell } from "~/components/charts/spine-chart";
import { Radios, SelectionForm } from "~/components/charts/view-forms";
import { pageColumns, profileColumns, spineRow } from "~/components/charts/view-tables";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { Select } from "~/components/nhsuk/fields";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { ProfileQuery, searchObject, viewHref } from "~/domain/charts/selection";
import { getAreaProfile, type ProfileRow, runView, serverTimingHeaders } from "~/services/indicators/views.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read:indicators:any");
  const url = new URL(request.url);
  const query = ProfileQuery.safeParse(searchObject(url.searchParams));
  if (!query.success) throw new Response("The address is not valid.", { status: 400 });
  const { timings, ...profile } = await runView(() => getAreaProfile({ db: context.db, code: params.code ?? "", selection: query.data, stopIfIncomplete: true }));
  if (!profile.canonical) throw redirect(viewHref(`/profile/${profile.area.code}`, profile.selection));
  return json(profile, { headers: { ...serverTimingHeaders(timings), "Cache-Control": "private, no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "Server-Timing": loaderHeaders.get("Server-Timing") ?? "" });

export default function ProfileRoute() {
  const profile = useLoaderData<typeof loader>();
  const location = useLocation();
  const { area, comparator, selection } = profile;
  const params = { period: selection.period, comparator: selection.comparator };
  const download = (chart: "table" | "spine", format: "csv" | "svg") => viewHref(`/profile/${area.code}/download`, { chart, format, ...params });
  const icbParam = area.icb?.code ?? (area.kind === "icb" ? area.code : undefined);
  const columnsFor = (rows: ProfileRow[]) => [
    ...pageColumns(
      profileColumns(
        { comparatorName: comparator?.name ?? null },
        (r) => (r.periods > 1 ? viewHref(`/indicators/${r.indicatorId}/trend`, { area: area.code, sex: r.sex, age: r.age }) : null),
        (r) => viewHref(`/indicators/${r.indicatorId}`, { icb: icbParam, level: area.kind === "neighbourhood" ? "neighbourhood" : area.kind === "local-authority" ? "lad" : "place" }),
      ),
      rows,
    ),
    {
      key: "spine",
      label: "Range in England (spine)",
      render: (r: ProfileRow) => <SpineCell row={spineRow(r)} />,
    },
  ];
  const total = profile.sections.reduce((s, x) => s + x.rows.length, 0);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          ...(area.icb ? [{ href: `/icb/${area.icb.code}`, text: area.icb.name }] : []),
          ...(area.page ? [{ href: area.page, text: area.name }] : []),
        ]}
      />
      <span className="nhsuk-caption-l">Area profile · {area.kindLabel}</span>
      <h1>{area.name}</h1>
      <SelectionForm key={location.search}>
        {profile.comparators.length ? (
          <Radios
            name="comparator"
            legend="Compare with England and"
            value={selection.comparator ?? "england"}
            options={[...profile.comparators.map((c) => ({ value: c.code, label: `${c.name} (${c.kindLabel})` })), { value: "england", label: "England only" }]}
          />
        ) : null}
        {profile.periods.length > 1 ? (
          <Select id="period" name="period" label="Period" hint="Each indicator's latest period, or one period for all" defaultValue={selection.period ?? ""} options={[{ value: "", label: "Latest for each indicator" }, ...profile.periods.map((p) => ({ value: p, label: p }))]} />
        ) : null}
      </SelectionForm>
      <SummaryList
        rows={[
          ["Code", area.code],
          ["Compared with", comparator ? `England and ${comparator.name}` : "England"],
          ["Indicators", `${total} (each at its latest period${selection.period ? `, or ${selection.period}` : ""})`],
          area.page ? ["More about this area", <Link key="page" to={area.page}>{area.name}</Link>] : null,
        ]}
      />
      <h2>How to read this profile</h2>
      <p>
        Each indicator's value, with its 95% confidence interval, England's value{comparator ? ` and ${comparator.name}'s` : ""}, and whether the area is significantly different: the interval
        does not include the benchmark's value. Prevalence and population figures carry no judgement (higher or lower); indicators where higher or lower is better are marked better or worse.
      </p>
      <ul className="app-outcome-key__list">
        {(["better", "similar", "worse", "higher", "lower", "not-compared"] as const).map((o) => (
          <li key={o}>
            <OutcomeTag outcome={o} polarity={o === "better" || o === "worse" ? "high-is-good" : "no-judgement"} benchmark="the benchmark" />
          </li>
        ))}
      </ul>
      <p className="nhsuk-body-s">
        The spine in each row is centred on England's value (the line); the light grey bar spans the lowest to the highest area of the same type in England and the dark grey bar the middle half.
        The marker is this area, its shape saying whether it is above (▲), below (▼) or similar to England (●). Where higher or lower is better, the better end is on the right.
      </p>
      <ul className="app-ind-chart__downloads app-no-print">
        <li>
          <a href={download("table", "csv")} download>
            Download the profile (CSV)
          </a>
        </li>
        <li>
          <a href={download("spine", "svg")} download>
            Download the spine chart (SVG)
          </a>
        </li>
      </ul>
      {profile.sections.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>There are no indicator figures for this area{selection.period ? ` in ${selection.period}` : ""}.</p>
        </div>
      ) : null}
      {profile.sections.map((s, i) => (
        <section key={s.section} aria-labelledby={`section-${i}`}>
          <h2 id={`section-${i}`}>{s.section}</h2>
          <div className="app-compact-table">
            <SortableTable id={`profile-${i}`} caption={`${area.name}: ${s.section}`} columns={columnsFor(s.rows)} rows={s.rows} rowKey={(r) => `${r.indicatorId}-${r.sex}-${r.age}`} />
          </div>
        </section>
      ))}
      {Object.keys(profile.flags).length ? (
        <>
          <h2>Notes on figures</h2>
          <dl className="nhsuk-summary-list">
            {Object.entries(profile.flags).map(([flag, text]) => (
              <div className="nhsuk-summary-list__row" key={flag}>
                <dt className="nhsuk-summary-list__key">{flag}</dt>
                <dd className="nhsuk-summary-list__value">{text}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Profile of ${data.area.name}` : "Area profile"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
