import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ChartFigure } from "~/components/charts/chart-figure";
import { OutcomeKey } from "~/components/charts/outcome-tag";
import { TrendChart } from "~/components/charts/trend-chart";
import { BreakdownFields, Radios, SelectionForm } from "~/components/charts/view-forms";
import { pageColumns, trendColumns } from "~/components/charts/view-tables";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { Select } from "~/components/nhsuk/fields";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { valueDecimals } from "~/domain/charts/scale";
import { searchObject, TrendQuery, viewHref } from "~/domain/charts/selection";
import { getTrendView, runView, serverTimingHeaders } from "~/services/indicators/views.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "read:indicators:any");
  const url = new URL(request.url);
  const query = TrendQuery.safeParse(searchObject(url.searchParams));
  if (!query.success) throw new Response("The address is not valid.", { status: 400 });
  const { timings, ...view } = await runView(() => getTrendView({ db: context.db, indicatorId: params.id ?? "", selection: query.data, userIcbCode: user.icbCode }));
  if (!view.canonical) throw redirect(viewHref(url.pathname, view.selection));
  return json(view, { headers: { ...serverTimingHeaders(timings), "Cache-Control": "private, no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "Server-Timing": loaderHeaders.get("Server-Timing") ?? "" });

export default function TrendRoute() {
  const view = useLoaderData<typeof loader>();
  const location = useLocation();
  const { indicator, selection, options, area } = view;
  const decimals = valueDecimals(indicator.unit, view.rows.map((r) => r.value));
  const download = (format: "svg" | "csv") => viewHref(`/indicators/${indicator.id}/download`, { view: "trend", chart: "trend", format, ...selection });
  const breakdown = [selection.sex, selection.age, selection.categoryType ? `${selection.categoryType}: ${selection.category}` : null].filter(Boolean).join(", ");
  const title = area ? `${indicator.name}: ${area.name}${breakdown ? ` (${breakdown})` : ""}` : indicator.name;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }, { href: "/indicators", text: "Indicators" }, { href: `/indicators/${indicator.id}`, text: indicator.name }]} />
      <span className="nhsuk-caption-l">Trend{area ? ` for ${area.name}` : ""}</span>
      <h1>{indicator.name}</h1>
      <SelectionForm key={location.search}>
        <Select
          id="area"
          name="area"
          label="Area"
          hint="Your ICB, its places and its local authorities that have more than one period; any other area by its code in the address (?area=…)"
          defaultValue={selection.area ?? ""}
          placeholder={area && !options.areas.some((a) => a.code === area.code) ? undefined : "Choose an area"}
          options={[...(area && !options.areas.some((a) => a.code === area.code) ? [{ value: area.code, label: area.name }] : []), ...options.areas.map((a) => ({ value: a.code, label: a.name }))]}
        />
        {area ? (
          <>
            <BreakdownFields sexAges={options.sexAges} sex={selection.sex} age={selection.age} categories={options.categories} categoryType={selection.categoryType} category={selection.category} />
            {view.comparators.length ? (
              <Radios
                name="comparator"
                legend="Compare also with"
                value={selection.comparator ?? "england"}
                options={[{ value: "england", label: "England only" }, ...view.comparators.map((c) => ({ value: c.code, label: `${c.name} (${c.kindLabel})` }))]}
              />
            ) : null}
          </>
        ) : null}
      </SelectionForm>

      {!area ? (
        <p>Choose an area to see how its figures have changed.</p>
      ) : view.rows.length < 2 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {area.name} has {view.rows.length === 1 ? "only one period" : "no figures"} for this indicator, so there is no trend to show.
          </p>
        </div>
      ) : (
        <>
          <OutcomeKey polarity={indicator.polarity} benchmark="England" method={indicator.comparisonMethod} />
          <ChartFigure id="trend-chart" heading={title} svgHref={download("svg")} csvHref={download("csv")}>
            <TrendChart
              id="trend"
              title={title}
              areaName={area.name}
              periods={view.periods}
              points={view.rows.map((r) => ({ period: r.period, value: r.value, lower: r.lower95, upper: r.upper95, outcome: r.comparedToEngland }))}
              benchmarks={[
                { key: "england", label: "England", values: view.rows.map((r) => ({ period: r.period, value: r.england })) },
                ...(view.comparator ? [{ key: "comparator", label: view.comparator.name, values: view.rows.map((r) => ({ period: r.period, value: r.comparatorValue })) }] : []),
              ]}
              polarity={indicator.polarity}
              unit={indicator.unit}
              decimals={decimals}
            />
          </ChartFigure>
          <div className="app-compact-table"><SortableTable id="periods" caption={title} columns={pageColumns(trendColumns(indicator, view.comparator?.name ?? null, decimals), view.rows)} rows={view.rows} rowKey={(r) => r.period} /></div>
          <p className="app-no-print">
            <a href={download("csv")} download>
              Download this table (CSV)
            </a>
          </p>
        </>
      )}
      {area?.page ? (
        <p>
          <Link to={`/profile/${area.code}`}>Profile of {area.name}</Link>
        </p>
      ) : null}
      <p className="nhsuk-body-s">Source: {indicator.source}.</p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.indicator.name}: trend${data.area ? ` for ${data.area.name}` : ""}` : "Trend"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
