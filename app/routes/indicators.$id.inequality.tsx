import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ChartFigure } from "~/components/charts/chart-figure";
import { DecileChart } from "~/components/charts/decile-chart";
import { BreakdownFields, SelectionForm } from "~/components/charts/view-forms";
import { decileColumns, pageColumns, siiRows } from "~/components/charts/view-tables";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { Select } from "~/components/nhsuk/fields";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { describeSii } from "~/domain/charts/inequality";
import { InequalityQuery, searchObject, viewHref } from "~/domain/charts/selection";
import { type DecileSet, getInequalityView, runView, serverTimingHeaders } from "~/services/indicators/views.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "read:indicators:any");
  const url = new URL(request.url);
  const query = InequalityQuery.safeParse(searchObject(url.searchParams));
  if (!query.success) throw new Response("The address is not valid.", { status: 400 });
  const { timings, ...view } = await runView(() => getInequalityView({ db: context.db, indicatorId: params.id ?? "", selection: query.data, userIcbCode: user.icbCode }));
  if (!view.canonical) throw redirect(viewHref(url.pathname, view.selection));
  return json(view, { headers: { ...serverTimingHeaders(timings), "Cache-Control": "private, no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "Server-Timing": loaderHeaders.get("Server-Timing") ?? "" });

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function DecileSection({ set, view, level }: { set: DecileSet; view: Loaded; level: 2 | 3 }) {
  const { indicator, selection } = view;
  const download = (format: "svg" | "csv") => viewHref(`/indicators/${indicator.id}/download`, { view: "inequality", chart: "decile", set: set.key, format, ...selection });
  const siiText = set.sii.available ? describeSii(set.sii.result.sii!, set.sii.result.siiLower, set.sii.result.siiUpper, indicator.unit) : set.sii.reason;
  const Heading = level === 2 ? "h2" : "h3";
  const withAreas = !set.key.startsWith("fingertips");
  return (
    <section aria-labelledby={`${set.key}-section`}>
      <Heading id={`${set.key}-section`}>{set.title}</Heading>
      <p>{siiText}</p>
      <ChartFigure id={`${set.key}-chart`} heading={`${indicator.name}: ${set.title}`} svgHref={download("svg")} csvHref={download("csv")} note={<p>{set.note}</p>}>
        <DecileChart
          id={set.key}
          title={`${indicator.name}: ${set.title}`}
          figures={set.rows}
          of={set.of}
          fitted={set.sii.available ? set.sii.fitted : null}
          unit={indicator.unit}
          decimals={1}
          siiText={siiText}
        />
      </ChartFigure>
      <SortableTable id={`${set.key}-table`} caption={`${indicator.name}: ${set.title}`} columns={pageColumns(decileColumns(indicator, set.of, withAreas), set.rows)} rows={set.rows} rowKey={(r) => String(r.quantile)} />
      {set.sii.available ? (
        <SummaryList rows={siiRows(set.sii.result, indicator.unit).map(([k, v]) => [k, v] as const)} />
      ) : null}
    </section>
  );
}

export default function InequalityRoute() {
  const view = useLoaderData<typeof loader>();
  const location = useLocation();
  const { indicator, selection, options } = view;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: "/indicators", text: "Indicators" },
          { href: viewHref(`/indicators/${indicator.id}`, { icb: selection.icb, level: "neighbourhood", place: selection.place, period: selection.period, sex: selection.sex, age: selection.age }), text: indicator.name },
        ]}
      />
      <span className="nhsuk-caption-l">Inequality by deprivation</span>
      <h1>{indicator.name}</h1>
      <p>
        How the indicator varies with deprivation across the neighbourhoods of {view.place ? view.place.name : view.icb.name}, and the slope index of inequality: the gap between the most and
        least deprived ends fitted across all the groups, weighted by their populations (the method of PHE's indicator methods package).
      </p>
      <SelectionForm key={location.search}>
        <Select id="icb" name="icb" label="Integrated care board" defaultValue={selection.icb} options={options.icbs.map((i) => ({ value: i.code, label: i.name }))} />
        <Select id="place" name="place" label="Neighbourhoods of" defaultValue={selection.place ?? ""} options={[{ value: "", label: "The whole ICB" }, ...options.places.map((p) => ({ value: p.code, label: p.name }))]} />
        <BreakdownFields periods={options.periods} period={selection.period} sexAges={options.sexAges} sex={selection.sex} age={selection.age} categories={[]} categoryType={null} category={null} />
      </SelectionForm>

      {view.local ? (
        <DecileSection set={view.local} view={view} level={2} />
      ) : (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{view.localReason ?? "There are no neighbourhood figures to group by deprivation."}</p>
        </div>
      )}
      {view.national && view.local ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Compare with all neighbourhoods in England</span>
          </summary>
          <div className="nhsuk-details__text">
            <DecileSection set={view.national} view={view} level={3} />
          </div>
        </details>
      ) : null}
      {view.fingertips.length ? (
        <>
          <h2>Deprivation deciles as published by Fingertips</h2>
          {view.fingertips.map((set) => (
            <DecileSection key={set.key} set={set} view={view} level={3} />
          ))}
        </>
      ) : null}
      <p>
        <Link to={viewHref(`/indicators/${indicator.id}`, { icb: selection.icb })}>Back to the indicator across the ICB</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.indicator.name}: inequality by deprivation` : "Inequality"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
