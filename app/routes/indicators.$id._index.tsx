import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ChartFigure } from "~/components/charts/chart-figure";
import { ChoroplethMap } from "~/components/charts/choropleth-map";
import { FunnelPlot } from "~/components/charts/funnel-plot";
import { OutcomeKey } from "~/components/charts/outcome-tag";
import { RankedChart } from "~/components/charts/ranked-chart";
import { BreakdownFields, levelOptions, Radios, SelectionForm } from "~/components/charts/view-forms";
import { indicatorViewColumns, pageColumns, rankedInputs } from "~/components/charts/view-tables";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { Button, Select, TextInput } from "~/components/nhsuk/fields";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { valueDecimals } from "~/domain/charts/scale";
import { IndicatorViewQuery, indicatorViewParams, LEVEL_LABELS, searchObject, viewHref } from "~/domain/charts/selection";
import { formatDecimal } from "~/domain/format/numbers";
import { getIndicatorView, runView, serverTimingHeaders } from "~/services/indicators/views.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "read:indicators:any");
  const url = new URL(request.url);
  const query = IndicatorViewQuery.safeParse(searchObject(url.searchParams));
  if (!query.success) throw new Response(`The address is not valid: ${query.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`, { status: 400 });
  const { timings, ...view } = await runView(() => getIndicatorView({ db: context.db, indicatorId: params.id ?? "", selection: query.data, userIcbCode: user.icbCode, stopIfIncomplete: true }));
  if (!view.canonical) throw redirect(viewHref(url.pathname, indicatorViewParams(view.selection)));
  return json(view, { headers: { ...serverTimingHeaders(timings), "Cache-Control": "private, no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "Server-Timing": loaderHeaders.get("Server-Timing") ?? "" });

export default function IndicatorViewRoute() {
  const view = useLoaderData<typeof loader>();
  const location = useLocation();
  const { indicator, selection, options } = view;
  const path = `/indicators/${indicator.id}`;
  const params = indicatorViewParams(selection);
  const download = (chart: string, format: "svg" | "csv") => viewHref(`${path}/download`, { view: "indicator", chart, format, ...params });
  const decimals = valueDecimals(indicator.unit, view.rows.map((r) => r.value));
  const peersActive = selection.peers.length > 0;
  const comparatorLabel = view.comparator.label;
  const parentKind = view.place ? "the place" : "the ICB";
  const { data, benchmarks } = rankedInputs(view);
  const chartTitle = `${indicator.name}, ${selection.period ?? ""}: ${view.title}`;
  const columns = indicatorViewColumns(view, decimals, (code) => `/profile/${code}`);
  const levelName = LEVEL_LABELS[selection.level];
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }, { href: "/indicators", text: "Indicators" }]} />
      <span className="nhsuk-caption-l">{levelName.many}</span>
      <h1>{indicator.name}</h1>
      <p className="nhsuk-body-l">{indicator.definition}</p>

      <SelectionForm key={location.search}>
        <Select id="icb" name="icb" label="Integrated care board" defaultValue={selection.icb} options={options.icbs.map((i) => ({ value: i.code, label: i.name }))} />
        <Radios name="level" legend="Areas" value={selection.level} options={levelOptions(options.levels)} />
        {selection.level === "neighbourhood" ? (
          <Select id="place" name="place" label="Neighbourhoods of" defaultValue={selection.place ?? ""} options={[{ value: "", label: "The whole ICB" }, ...options.places.map((p) => ({ value: p.code, label: p.name }))]} />
        ) : null}
        <BreakdownFields
          periods={options.periods}
          period={selection.period}
          sexAges={options.sexAges}
          sex={selection.sex}
          age={selection.age}
          categories={options.categories}
          categoryType={selection.categoryType}
          category={selection.category}
        />
        {peersActive ? null : (
          <Radios
            name="comparator"
            legend="Colour areas by comparison with"
            value={selection.comparator}
            options={[
              { value: "england", label: "England" },
              {
                value: "parent",
                label: view.parent ? `${view.parent.label} (${parentKind})` : `The parent area (${parentKind})`,
                hint: view.parent && view.parent.value === null ? "It has no figure for this indicator, so areas would not be compared" : undefined,
              },
            ]}
          />
        )}
        {selection.peers.map((p) => (
          <input key={p} type="hidden" name="peers" value={p} />
        ))}
      </SelectionForm>

      <details className="nhsuk-details app-no-print" open={peersActive}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Compare areas you choose ({levelName.many.toLowerCase()})</span>
        </summary>
        <div className="nhsuk-details__text">
          <form method="get" action={path} key={`peers${location.search}`}>
            {(["icb", "level", "period", "sex", "age", "categoryType", "category"] as const).map((k) =>
              selection[k] ? <input key={k} type="hidden" name={k} value={selection[k]!} /> : null,
            )}
            <div className="nhsuk-form-group">
              <fieldset className="nhsuk-fieldset">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{`${levelName.many} of ${view.icb.name}`}</legend>
                <div className="nhsuk-checkboxes nhsuk-checkboxes--small app-checkbox-columns">
                  {options.candidates.map((c) => (
                    <div className="nhsuk-checkboxes__item" key={c.code}>
                      <input className="nhsuk-checkboxes__input" id={`peer-${c.code}`} name="peers" type="checkbox" value={c.code} defaultChecked={selection.peers.includes(c.code)} />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`peer-${c.code}`}>
                        {c.name}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <TextInput
              id="peer-codes"
              name="peers"
              label="Other areas at the same level, anywhere in England"
              hint="Their codes, separated by commas: for example U07506 for a primary care network, E08000009 for a place or local authority"
              defaultValue={selection.peers.filter((p) => !options.candidates.some((c) => c.code === p)).join(", ")}
              className="nhsuk-input--width-30"
            />
            <Button secondary>Compare these areas</Button>
          </form>
          {peersActive ? (
            <p>
              <Link to={viewHref(path, { ...params, peers: undefined })}>Stop comparing chosen areas</Link>
            </p>
          ) : null}
        </div>
      </details>

      <SummaryList
        rows={[
          ["Showing", peersActive ? `${view.rows.length} chosen ${levelName.many.toLowerCase()} (${selection.peers.join(", ")})` : view.title],
          ["Period", selection.period ?? "–"],
          ["Breakdown", [selection.sex, selection.age, selection.categoryType ? `${selection.categoryType}: ${selection.category}` : null].filter(Boolean).join(", ") || "–"],
          ["England", `${formatDecimal(view.england.value, decimals)} ${indicator.unit}`],
          view.parent ? [view.parent.label, `${formatDecimal(view.parent.value, decimals)} ${indicator.unit}`] : null,
          ["Source", indicator.source],
        ]}
      />
      <ul className="app-related-links app-no-print">
        {view.hasInequality ? (
          <li>
            <Link to={viewHref(`${path}/inequality`, { icb: selection.icb, place: selection.place, period: selection.period, sex: selection.sex, age: selection.age })}>Inequality by deprivation</Link>
          </li>
        ) : null}
        {view.hasTrend ? (
          <li>
            <Link to={viewHref(`${path}/trend`, { area: view.rows[0]?.code ?? selection.icb, sex: selection.sex, age: selection.age, categoryType: selection.categoryType, category: selection.category })}>Trend over time</Link>{" "}
            (also from each area's row below)
          </li>
        ) : null}
      </ul>

      {view.rows.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{view.missing[0]?.reason ?? "There are no figures for these areas."}</p>
        </div>
      ) : (
        <>
          <h2>Compared with {comparatorLabel}</h2>
          <OutcomeKey polarity={indicator.polarity} benchmark={comparatorLabel} method={indicator.comparisonMethod} />
          <ChartFigure id="bar-chart" heading={`${indicator.name}: ${view.title}, ranked`} svgHref={download("bar", "svg")} csvHref={download("bar", "csv")}>
            <RankedChart id="bar" title={chartTitle} data={data} benchmarks={benchmarks} comparator={comparatorLabel} polarity={indicator.polarity} unit={indicator.unit} decimals={decimals} />
          </ChartFigure>
          <div className="app-compact-table">
            <SortableTable
              id="areas"
              caption={`${indicator.name}, ${selection.period}: ${view.title}`}
              columns={pageColumns(columns, view.rows)}
              rows={view.rows}
              rowKey={(r) => r.code}
              defaultSort={{ key: "value", dir: "desc" }}
            />
          </div>
          <p className="app-no-print">
            <a href={download("table", "csv")} download>
              Download this table (CSV)
            </a>
          </p>
          {view.hasTrend ? (
            <p className="nhsuk-body-s">
              Trend over time for:{" "}
              {view.rows.map((r, i) => (
                <span key={r.code}>
                  {i > 0 ? ", " : ""}
                  <Link to={viewHref(`${path}/trend`, { area: r.code, sex: selection.sex, age: selection.age, categoryType: selection.categoryType, category: selection.category })}>{r.name}</Link>
                </span>
              ))}
            </p>
          ) : null}
          {view.missing.length ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>No figure for {view.missing.length} area{view.missing.length === 1 ? "" : "s"}:</p>
              <ul>
                {view.missing.map((m) => (
                  <li key={m.code}>
                    {m.name} ({m.code}): {m.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          <h2>Funnel plot</h2>
          {view.funnel.available ? (
            <ChartFigure
              id="funnel-chart"
              heading={`${indicator.name}: funnel plot around ${view.funnel.baseline.label}`}
              svgHref={download("funnel", "svg")}
              csvHref={download("funnel", "csv")}
              note={
                <p>
                  Areas outside the lines differ from {view.funnel.baseline.label} by more than chance alone would make likely at their size: the dashed lines are 95% limits (about 1 in 20 areas
                  falls outside by chance), the solid lines 99.8% (about 1 in 500).
                  {view.funnel.excluded.length ? ` Not plotted: ${view.funnel.excluded.map((e) => `${e.label} (${e.reason})`).join("; ")}.` : ""}
                </p>
              }
            >
              <FunnelPlot id="funnel" title={`Funnel plot: ${chartTitle}`} data={view.funnel} unit={indicator.unit} decimals={decimals} />
            </ChartFigure>
          ) : (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{view.funnel.reason}</p>
            </div>
          )}

          <h2>Map</h2>
          {view.map.geometry ? (
            <ChartFigure id="map-chart" heading={`${indicator.name}: map of ${view.title.charAt(0).toLowerCase()}${view.title.slice(1)}`} svgHref={download("map", "svg")} csvHref={download("map", "csv")} note={view.map.note ? <p>{view.map.note}</p> : null}>
              <ChoroplethMap
                id="map"
                title={`Map: ${chartTitle}`}
                geometry={view.map.geometry}
                pointAreas={view.map.pointAreas}
                areas={view.rows.map((r) => ({ code: r.code, name: r.name, outcome: r.outcome, valueText: `${formatDecimal(r.value, decimals)} ${indicator.unit}` }))}
                comparator={comparatorLabel}
                polarity={indicator.polarity}
              />
            </ChartFigure>
          ) : (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{view.map.note ?? "There is nothing to draw on a map."}</p>
            </div>
          )}

          {selection.level === "neighbourhood" ? (
            <>
              <h2>Ranked dot chart</h2>
              <ChartFigure
                id="dots-chart"
                heading={`${indicator.name}: primary care networks ranked`}
                svgHref={download("dots", "svg")}
                csvHref={download("dots", "csv")}
                note={<p>The same figures as the bar chart, zoomed in on the range of values so that small differences and intervals show.</p>}
              >
                <RankedChart id="dots" mode="dot" title={`Ranked: ${chartTitle}`} data={data} benchmarks={benchmarks} comparator={comparatorLabel} polarity={indicator.polarity} unit={indicator.unit} decimals={decimals} />
              </ChartFigure>
            </>
          ) : null}
        </>
      )}

      <h2>About this indicator</h2>
      <SummaryList
        rows={[
          ["Definition", indicator.definition],
          ["Source", indicator.sourceFile ? `${indicator.source} (${indicator.sourceFile})` : indicator.source],
          ["Unit", indicator.unit],
          ["Polarity", indicator.polarity === "no-judgement" ? "No judgement: higher is not better or worse" : indicator.polarity === "high-is-good" ? "Higher is better" : indicator.polarity === "low-is-good" ? "Lower is better" : "Not applicable"],
          ["Comparison", indicator.comparisonMethod === "no-comparison" ? "Not compared with a benchmark" : `${indicator.comparisonMethod === "ci-99.8" ? "99.8%" : "95%"} confidence interval against the benchmark's value`],
          ["Disclosure control", indicator.disclosureRule],
          indicator.lacks.length ? ["The source does not publish", indicator.lacks.join(", ")] : null,
          ["Licence", indicator.licence],
        ]}
      />
      {indicator.caveats.length ? (
        <>
          <h3>Caveats</h3>
          <ul>
            {indicator.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      {Object.keys(view.flags).length ? (
        <>
          <h3>Notes on figures</h3>
          <dl className="nhsuk-summary-list">
            {Object.entries(view.flags).map(([flag, text]) => (
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.indicator.name}: ${data.title}` : "Indicator"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
