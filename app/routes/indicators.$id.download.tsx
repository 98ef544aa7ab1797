import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/session.server";
import { ChoroplethMap } from "~/components/charts/choropleth-map";
import { DecileChart } from "~/components/charts/decile-chart";
import { csvResponse, svgResponse } from "~/components/charts/downloads.server";
import { FunnelPlot } from "~/components/charts/funnel-plot";
import { RankedChart } from "~/components/charts/ranked-chart";
import { TrendChart } from "~/components/charts/trend-chart";
import { decileColumns, indicatorViewColumns, rankedInputs, trendColumns, type ViewColumn } from "~/components/charts/view-tables";
import { funnelSignificanceText } from "~/domain/charts/funnel";
import { describeSii } from "~/domain/charts/inequality";
import { valueDecimals } from "~/domain/charts/scale";
import { DownloadQuery, IndicatorViewQuery, InequalityQuery, searchObject, TrendQuery } from "~/domain/charts/selection";
import { formatDecimal } from "~/domain/format/numbers";
import { getIndicatorView, getInequalityView, getTrendView, runView } from "~/services/indicators/views.server";

function bad(message: string): never {
  throw new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Downloads of the indicator views: each chart as SVG (the component the page draws)
 * and each chart's figures as CSV, for the selection in the query string. Signed-in
 * users only, like the pages.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "read:indicators:any");
  const search = searchObject(new URL(request.url).searchParams);
  const asked = DownloadQuery.safeParse(search);
  if (!asked.success) bad("Say what to download: format=svg or csv, view=indicator, inequality or trend, and the chart.");
  const { format, view = "indicator", chart = "table", set } = asked.data;
  const id = params.id ?? "";

  if (view === "indicator") {
    const query = IndicatorViewQuery.safeParse(search);
    if (!query.success) bad("The selection in the address is not valid.");
    const v = await runView(() => getIndicatorView({ db: context.db, indicatorId: id, selection: query.data, userIcbCode: user.icbCode }));
    const decimals = valueDecimals(v.indicator.unit, v.rows.map((r) => r.value));
    const name = `${id}-${v.selection.level}-${v.selection.place ?? v.selection.icb}-${v.selection.period ?? ""}-${chart}`;
    const title = `${v.indicator.name}, ${v.selection.period ?? ""}: ${v.title}`;
    const comparator = v.comparator.label;
    const { data, benchmarks } = rankedInputs(v);
    if (chart === "funnel") {
      if (!v.funnel.available) bad(v.funnel.reason);
      const funnel = v.funnel;
      if (format === "svg") return svgResponse(<FunnelPlot id="funnel" title={`Funnel plot: ${title}`} data={funnel} unit={v.indicator.unit} decimals={decimals} standalone />, name);
      type Point = (typeof funnel.points)[number];
      const columns: ViewColumn<Point>[] = [
        { key: "code", label: "Code", value: (p) => p.code },
        { key: "name", label: "Area", value: (p) => p.label },
        { key: "count", label: "Count", value: (p) => p.count },
        { key: "x", label: funnel.xLabel, value: (p) => p.x },
        { key: "y", label: `Value (${v.indicator.unit})`, value: (p) => p.y },
        { key: "significance", label: "Funnel plot", value: (p) => funnelSignificanceText(p.significance) },
        { key: "baseline", label: `Centre line (${funnel.baseline.label})`, value: () => funnel.baseline.value },
      ];
      return csvResponse(columns, funnel.points, name);
    }
    if (format === "csv") return csvResponse(indicatorViewColumns(v, decimals), v.rows, name);
    if (chart === "map") {
      if (!v.map.geometry) bad(v.map.note ?? "There is no map for this selection.");
      return svgResponse(
        <ChoroplethMap
          id="map"
          title={`Map: ${title}`}
          geometry={v.map.geometry}
          pointAreas={v.map.pointAreas}
          areas={v.rows.map((r) => ({ code: r.code, name: r.name, outcome: r.outcome, valueText: `${formatDecimal(r.value, decimals)} ${v.indicator.unit}` }))}
          comparator={comparator}
          polarity={v.indicator.polarity}
          standalone
        />,
        name,
      );
    }
    if (chart === "bar" || chart === "dots" || chart === "table") {
      return svgResponse(<RankedChart id={chart} mode={chart === "dots" ? "dot" : "bar"} title={title} data={data} benchmarks={benchmarks} comparator={comparator} polarity={v.indicator.polarity} unit={v.indicator.unit} decimals={decimals} standalone />, name);
    }
    bad(`The indicator view has no ${chart} chart.`);
  }

  if (view === "inequality") {
    const query = InequalityQuery.safeParse(search);
    if (!query.success) bad("The selection in the address is not valid.");
    const v = await runView(() => getInequalityView({ db: context.db, indicatorId: id, selection: query.data, userIcbCode: user.icbCode }));
    const sets = [v.local, v.national, ...v.fingertips].filter((s): s is NonNullable<typeof s> => Boolean(s));
    const chosen = sets.find((s) => s.key === (set ?? "local"));
    if (!chosen) bad("There is no such decile chart for this selection.");
    const name = `${id}-inequality-${chosen.key}-${v.selection.place ?? v.selection.icb}-${v.selection.period ?? ""}`;
    if (format === "csv") return csvResponse(decileColumns(v.indicator, chosen.of, !chosen.key.startsWith("fingertips")), chosen.rows, name);
    const siiText = chosen.sii.available ? describeSii(chosen.sii.result.sii!, chosen.sii.result.siiLower, chosen.sii.result.siiUpper, v.indicator.unit) : chosen.sii.reason;
    return svgResponse(
      <DecileChart
        id="decile"
        title={`${v.indicator.name}: ${chosen.title}`}
        figures={chosen.rows}
        of={chosen.of}
        fitted={chosen.sii.available ? chosen.sii.fitted : null}
        unit={v.indicator.unit}
        decimals={1}
        siiText={siiText}
        standalone
      />,
      name,
    );
  }

  if (view === "trend") {
    const query = TrendQuery.safeParse(search);
    if (!query.success) bad("The selection in the address is not valid.");
    const v = await runView(() => getTrendView({ db: context.db, indicatorId: id, selection: query.data, userIcbCode: user.icbCode }));
    if (!v.area) bad("Choose an area for the trend.");
    const decimals = valueDecimals(v.indicator.unit, v.rows.map((r) => r.value));
    const name = `${id}-trend-${v.area.code}-${v.selection.sex ?? ""}`;
    if (format === "csv") return csvResponse(trendColumns(v.indicator, v.comparator?.name ?? null, decimals), v.rows, name);
    return svgResponse(
      <TrendChart
        id="trend"
        title={`${v.indicator.name}: ${v.area.name}${v.selection.sex ? `, ${v.selection.sex}` : ""}`}
        areaName={v.area.name}
        periods={v.periods}
        points={v.rows.map((r) => ({ period: r.period, value: r.value, lower: r.lower95, upper: r.upper95, outcome: r.comparedToEngland }))}
        benchmarks={[
          { key: "england", label: "England", values: v.rows.map((r) => ({ period: r.period, value: r.england })) },
          ...(v.comparator ? [{ key: "comparator", label: v.comparator.name, values: v.rows.map((r) => ({ period: r.period, value: r.comparatorValue })) }] : []),
        ]}
        polarity={v.indicator.polarity}
        unit={v.indicator.unit}
        decimals={decimals}
        standalone
      />,
      name,
    );
  }
  bad("Profiles are downloaded from the profile page.");
}
