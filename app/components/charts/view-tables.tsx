import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Column } from "~/components/nhsuk/sortable-table";
import { comparisonSentence } from "~/domain/charts/comparison";
import type { TableColumn } from "~/domain/charts/csv";
import { funnelSignificanceText } from "~/domain/charts/funnel";
import { areaTypePlural } from "~/domain/charts/breakdowns";
import { siiUnit } from "~/domain/charts/inequality";
import { valueDecimals } from "~/domain/charts/scale";
import { formatCount, formatDecimal } from "~/domain/format/numbers";
import type { BenchmarkOutcome, Polarity } from "~/domain/statistics";
import type { DecileRow, IndicatorView, ProfileRow, TrendRow, ViewIndicator, ViewRow } from "~/services/indicators/views.server";
import { OutcomeTag } from "./outcome-tag";
import type { SpineRow } from "./spine-chart";

/**
 * The tables beside the charts, one definition per view: the page shows the `text`
 * (rounded) or `render` form, the CSV download the `value` (unrounded). Columns marked
 * `page: false` are in the file only (separate interval limits), `csv: false` on the page only.
 */
export type ViewColumn<T> = TableColumn<T> & { render?: (row: T) => ReactNode; page?: false; csv?: false; sortable?: false; hideWhenEmpty?: true; pageLabel?: string };

export const csvColumns = <T,>(columns: ViewColumn<T>[]) => columns.filter((c) => c.csv !== false);

/** The columns the page shows: those marked hideWhenEmpty go when no row has a value (a source without counts). */
export function pageColumns<T>(columns: ViewColumn<T>[], rows?: readonly T[]): Column<T>[] {
  return columns
    .filter((c) => c.page !== false)
    .filter((c) => !c.hideWhenEmpty || !rows || rows.some((r) => c.value(r) !== null && c.value(r) !== undefined))
    .map((c) => ({
      key: c.key,
      label: c.pageLabel ?? c.label,
      numeric: c.numeric,
      sortValue:
        c.sortable === false
          ? undefined
          : (row: T) => {
              const v = c.value(row);
              return v === undefined ? null : v;
            },
      render: (row: T) => (c.render ? c.render(row) : c.text ? c.text(row) : String(c.value(row) ?? "–")),
    }));
}

const interval = (lower: number | null, upper: number | null, decimals: number) => (lower === null || upper === null ? "–" : `${formatDecimal(lower, decimals)}–${formatDecimal(upper, decimals)}`);

const outcomeColumn = <T,>(key: string, get: (row: T) => BenchmarkOutcome | null, polarity: Polarity, benchmark: string): ViewColumn<T> => ({
  key,
  label: `Compared with ${benchmark}`,
  pageLabel: `vs ${benchmark}`,
  value: (row) => {
    const o = get(row);
    return o === null ? null : comparisonSentence(o, benchmark);
  },
  render: (row) => {
    const o = get(row);
    return o === null ? "–" : <OutcomeTag outcome={o} polarity={polarity} benchmark={benchmark} />;
  },
});

export function indicatorViewColumns(view: Pick<IndicatorView, "indicator" | "parent" | "funnel" | "selection" | "icb">, decimals: number, profileHref?: (code: string) => string): ViewColumn<ViewRow>[] {
  const { indicator } = view;
  return [
    { key: "name", label: "Area", value: (r) => r.name, render: (r) => (profileHref ? <Link to={profileHref(r.code)}>{r.name}</Link> : r.name) },
    { key: "code", label: "Code", page: false, value: (r) => r.code },
    { key: "count", label: "Count", numeric: true, hideWhenEmpty: true, value: (r) => r.count, text: (r) => formatCount(r.count) },
    { key: "denominator", label: "Denominator", numeric: true, hideWhenEmpty: true, value: (r) => r.denominator, text: (r) => formatCount(r.denominator) },
    { key: "value", label: `Value (${indicator.unit})`, numeric: true, value: (r) => r.value, text: (r) => formatDecimal(r.value, decimals) },
    { key: "ci", label: "95% CI", numeric: true, csv: false, sortable: false, hideWhenEmpty: true, value: (r) => r.lower95, text: (r) => interval(r.lower95, r.upper95, decimals) },
    { key: "lower95", label: "Lower 95% limit", page: false, value: (r) => r.lower95 },
    { key: "upper95", label: "Upper 95% limit", page: false, value: (r) => r.upper95 },
    { key: "lower998", label: "Lower 99.8% limit", page: false, value: (r) => r.lower998 },
    { key: "upper998", label: "Upper 99.8% limit", page: false, value: (r) => r.upper998 },
    outcomeColumn<ViewRow>("england", (r) => r.comparedToEngland, indicator.polarity, "England"),
    ...(view.parent && view.parent.value !== null ? [outcomeColumn<ViewRow>("parent", (r) => r.comparedToParent, indicator.polarity, view.parent.label)] : []),
    ...(view.funnel.available
      ? [{ key: "funnel", label: `Funnel plot (around ${view.funnel.baseline.label})`, value: (r: ViewRow) => (r.funnel ? funnelSignificanceText(r.funnel) : null) } satisfies ViewColumn<ViewRow>]
      : []),
    { key: "flags", label: "Notes", sortable: false, hideWhenEmpty: true, value: (r) => [r.valueNote, ...r.flags.filter((f) => f !== "computed")].filter(Boolean).join("; ") || null, text: (r) => [r.valueNote, ...r.flags.filter((f) => f !== "computed")].filter(Boolean).join("; ") },
  ];
}

export function profileColumns(meta: { comparatorName: string | null }, trendHref?: (row: ProfileRow) => string | null, indicatorHref?: (row: ProfileRow) => string): ViewColumn<ProfileRow>[] {
  const decimals = (r: ProfileRow) => valueDecimals(r.unit, [r.value, r.england]);
  return [
    {
      key: "name",
      label: "Indicator",
      value: (r) => r.name,
      render: (r) => {
        const trend = trendHref?.(r);
        return (
          <>
            {indicatorHref ? <Link to={indicatorHref(r)}>{r.name}</Link> : r.name}
            <span className="app-profile__breakdown">
              {[r.period, r.sex !== "Persons" ? r.sex : null, r.age].filter(Boolean).join(", ")}
              {trend ? (
                <>
                  {" · "}
                  <Link to={trend}>
                    Trend<span className="nhsuk-u-visually-hidden"> of {r.name}</span>
                  </Link>
                </>
              ) : null}
            </span>
          </>
        );
      },
    },
    { key: "sex", label: "Sex", page: false, value: (r) => r.sex },
    { key: "age", label: "Age", page: false, value: (r) => r.age },
    { key: "period", label: "Period", page: false, value: (r) => r.period },
    { key: "count", label: "Count", numeric: true, hideWhenEmpty: true, value: (r) => r.count, text: (r) => formatCount(r.count) },
    { key: "denominator", label: "Denominator", page: false, value: (r) => r.denominator },
    { key: "value", label: "Value", numeric: true, value: (r) => r.value, text: (r) => `${formatDecimal(r.value, decimals(r))}${r.value === null ? "" : r.unit === "%" ? "%" : ""}` },
    { key: "unit", label: "Unit", page: false, value: (r) => r.unit },
    { key: "ci", label: "95% CI", numeric: true, csv: false, sortable: false, hideWhenEmpty: true, value: (r) => r.lower95, text: (r) => interval(r.lower95, r.upper95, decimals(r)) },
    { key: "lower95", label: "Lower 95% limit", page: false, value: (r) => r.lower95 },
    { key: "upper95", label: "Upper 95% limit", page: false, value: (r) => r.upper95 },
    { key: "england", label: "England", numeric: true, value: (r) => r.england, text: (r) => formatDecimal(r.england, decimals(r)) },
    ...(meta.comparatorName
      ? [{ key: "comparator", label: meta.comparatorName, numeric: true, value: (r: ProfileRow) => r.comparatorValue, text: (r: ProfileRow) => formatDecimal(r.comparatorValue, decimals(r)) } satisfies ViewColumn<ProfileRow>]
      : []),
    {
      key: "vsEngland",
      label: "Compared with England",
      pageLabel: "vs England",
      value: (r) => comparisonSentence(r.comparedToEngland, "England"),
      render: (r) => <OutcomeTag outcome={r.comparedToEngland} polarity={r.polarity} benchmark="England" />,
    },
    ...(meta.comparatorName
      ? [
          {
            key: "vsComparator",
            label: `Compared with ${meta.comparatorName}`,
            pageLabel: `vs ${meta.comparatorName}`,
            value: (r: ProfileRow) => (r.comparedToComparator ? comparisonSentence(r.comparedToComparator, meta.comparatorName!) : null),
            render: (r: ProfileRow) => (r.comparedToComparator ? <OutcomeTag outcome={r.comparedToComparator} polarity={r.polarity} benchmark={meta.comparatorName!} /> : "–"),
          } satisfies ViewColumn<ProfileRow>,
        ]
      : []),
    { key: "min", label: "Lowest area", page: false, value: (r) => r.spread?.min ?? null },
    { key: "q25", label: "25th percentile of areas", page: false, value: (r) => r.spread?.q25 ?? null },
    { key: "median", label: "Median of areas", page: false, value: (r) => r.spread?.median ?? null },
    { key: "q75", label: "75th percentile of areas", page: false, value: (r) => r.spread?.q75 ?? null },
    { key: "max", label: "Highest area", page: false, value: (r) => r.spread?.max ?? null },
    { key: "areas", label: "Areas compared in the range", page: false, value: (r) => r.spread?.n ?? null },
    { key: "flags", label: "Notes", page: false, value: (r) => [r.valueNote, ...r.flags].filter(Boolean).join("; ") || null },
  ];
}

export function decileColumns(indicator: ViewIndicator, of: 5 | 10, withAreas: boolean): ViewColumn<DecileRow>[] {
  const word = of === 10 ? "Decile" : "Quintile";
  const decimals = 1;
  return [
    { key: "quantile", label: `${word} (1 = most deprived)`, value: (r) => r.quantile, text: (r) => String(r.quantile) },
    ...(withAreas ? [{ key: "areas", label: "Neighbourhoods", numeric: true, value: (r: DecileRow) => r.areas, text: (r: DecileRow) => formatCount(r.areas) } satisfies ViewColumn<DecileRow>] : []),
    { key: "count", label: "Count", numeric: true, hideWhenEmpty: true, value: (r) => r.count, text: (r) => formatCount(r.count) },
    { key: "denominator", label: "Denominator", numeric: true, hideWhenEmpty: true, value: (r) => r.denominator, text: (r) => formatCount(r.denominator) },
    { key: "value", label: `Value (${indicator.unit})`, numeric: true, value: (r) => r.value, text: (r) => formatDecimal(r.value, decimals) },
    { key: "ci", label: "95% CI", numeric: true, csv: false, sortable: false, hideWhenEmpty: true, value: (r) => r.lower95, text: (r) => interval(r.lower95, r.upper95, decimals) },
    { key: "lower95", label: "Lower 95% limit", page: false, value: (r) => r.lower95 },
    { key: "upper95", label: "Upper 95% limit", page: false, value: (r) => r.upper95 },
    { key: "weight", label: "Weight in the slope index", page: false, value: (r) => r.population },
  ];
}

export function trendColumns(indicator: ViewIndicator, comparatorName: string | null, decimals: number): ViewColumn<TrendRow>[] {
  return [
    { key: "period", label: "Period", value: (r) => r.period },
    { key: "count", label: "Count", numeric: true, hideWhenEmpty: true, value: (r) => r.count, text: (r) => formatCount(r.count) },
    { key: "denominator", label: "Denominator", numeric: true, hideWhenEmpty: true, value: (r) => r.denominator, text: (r) => formatCount(r.denominator) },
    { key: "value", label: `Value (${indicator.unit})`, numeric: true, value: (r) => r.value, text: (r) => formatDecimal(r.value, decimals) },
    { key: "ci", label: "95% CI", numeric: true, csv: false, sortable: false, hideWhenEmpty: true, value: (r) => r.lower95, text: (r) => interval(r.lower95, r.upper95, decimals) },
    { key: "lower95", label: "Lower 95% limit", page: false, value: (r) => r.lower95 },
    { key: "upper95", label: "Upper 95% limit", page: false, value: (r) => r.upper95 },
    { key: "england", label: "England", numeric: true, value: (r) => r.england, text: (r) => formatDecimal(r.england, decimals) },
    ...(comparatorName ? [{ key: "comparator", label: comparatorName, numeric: true, hideWhenEmpty: true, value: (r: TrendRow) => r.comparatorValue, text: (r: TrendRow) => formatDecimal(r.comparatorValue, decimals) } satisfies ViewColumn<TrendRow>] : []),
    outcomeColumn<TrendRow>("vsEngland", (r) => r.comparedToEngland, indicator.polarity, "England"),
    ...(comparatorName ? [outcomeColumn<TrendRow>("vsComparator", (r) => r.comparedToComparator, indicator.polarity, comparatorName)] : []),
  ];
}

/** The SII's figures as table rows. */
export function siiRows(result: { sii: number | null; siiLower: number | null; siiUpper: number | null; rii: number | null; riiLower: number | null; riiUpper: number | null; intercept: number | null }, unit: string) {
  const u = siiUnit(unit);
  return [
    ["Slope index of inequality (SII)", `${formatDecimal(result.sii, 2)} ${u} (95% CI ${formatDecimal(result.siiLower, 2)} to ${formatDecimal(result.siiUpper, 2)})`],
    ["Relative index of inequality (RII)", `${formatDecimal(result.rii, 3)} (95% CI ${formatDecimal(result.riiLower, 3)} to ${formatDecimal(result.riiUpper, 3)})`],
    ["Fitted value at the most deprived end", formatDecimal(result.intercept, 2)],
  ] as const;
}

/** A profile row as a spine. */
export function spineRow(r: ProfileRow): SpineRow {
  return {
    key: `${r.indicatorId}-${r.sex}-${r.age}`,
    label: `${r.name}${r.sex !== "Persons" ? ` (${r.sex})` : ""}`,
    value: r.value,
    england: r.england,
    min: r.spread?.min ?? null,
    q25: r.spread?.q25 ?? null,
    median: r.spread?.median ?? null,
    q75: r.spread?.q75 ?? null,
    max: r.spread?.max ?? null,
    polarity: r.polarity,
    outcome: r.comparedToEngland,
    decimals: valueDecimals(r.unit, [r.value, r.england]),
    areaTypeLabel: areaTypePlural(r.areaType),
  };
}


/** What the ranked charts of an indicator view draw: each area against the comparator, with England and the parent as lines. */
export function rankedInputs(view: Pick<IndicatorView, "rows" | "england" | "parent">) {
  return {
    data: view.rows.map((r) => ({ code: r.code, label: r.name, value: r.value, lower: r.lower95, upper: r.upper95, outcome: r.outcome })),
    benchmarks: [{ key: "england", label: "England", value: view.england.value }, ...(view.parent ? [{ key: "parent", label: view.parent.label, value: view.parent.value }] : [])],
  };
}
