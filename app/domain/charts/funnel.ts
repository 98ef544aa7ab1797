/**
 * Funnel plot data (STATISTICS.md §10): each area's value against its size, with 95%
 * and 99.8% control limits around a benchmark. Proportions use the normal
 * approximation around the benchmark proportion (§10.1); directly standardised and
 * crude rates use exact Poisson limits on derived denominators (§10.3–10.4).
 *
 * The centre line is the comparator's value (England, or the parent area), so that
 * the funnel answers the same question as the markers beside it.
 */
import {
  funnelAxisPoints,
  funnelProportionLimits,
  funnelProportionSignificance,
  funnelRateDerivedDenominator,
  funnelRateLimitLines,
  funnelRateSignificance,
  type FunnelSignificance,
} from "../statistics";
import { decimalsForStep, extent, linearScale, niceAxis } from "./scale";
import { fixed } from "../format/numbers";

export type FunnelArea = {
  code: string;
  label: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
};

export type FunnelPoint = {
  code: string;
  label: string;
  /** Denominator (proportions) or derived denominator (rates): the x position. */
  x: number;
  y: number;
  count: number;
  significance: FunnelSignificance | "Not applicable";
  /** Direction against the centre line at the area's size, for the marker's shape. */
  side: "high" | "low" | "within";
};

export type FunnelLine = { x: number; y: number }[];

export type FunnelData =
  | {
      available: true;
      statistic: "proportion" | "rate";
      baseline: { label: string; value: number };
      xLabel: string;
      points: FunnelPoint[];
      /** The areas that could not be plotted, and why. */
      excluded: { code: string; label: string; reason: string }[];
      lines: { lower95: FunnelLine; upper95: FunnelLine; lower998: FunnelLine; upper998: FunnelLine };
    }
  | { available: false; reason: string };

export type FunnelInput = {
  valueType: string;
  multiplier: number;
  /** The comparator's value on the display scale (e.g. 13.2 for 13.2%). */
  baseline: { label: string; value: number | null };
  areas: readonly FunnelArea[];
};

const sideOf = (significance: FunnelSignificance | "Not applicable"): FunnelPoint["side"] =>
  significance.startsWith("High") ? "high" : significance.startsWith("Low") ? "low" : "within";

/** Why an indicator cannot have a funnel plot, or null if it can. */
export function funnelUnavailableReason(valueType: string, areas: readonly FunnelArea[], baseline: number | null): string | null {
  if (valueType !== "proportion" && valueType !== "directly-standardised-rate" && valueType !== "crude-rate") {
    return "A funnel plot needs a proportion or a rate with its counts: this indicator is neither, so it has none.";
  }
  if (!areas.some((a) => a.count !== null && (valueType === "proportion" ? a.denominator !== null : a.value !== null))) {
    return valueType === "proportion"
      ? "The source publishes no counts and denominators for these figures, so there is no funnel plot."
      : "The source publishes no counts of events for these figures, so there is no funnel plot.";
  }
  if (baseline === null || !(baseline > 0)) return "The comparator has no value for this indicator, so the funnel has no centre line.";
  return null;
}

function proportionFunnel(input: FunnelInput, baseline: number): FunnelData {
  const p0 = baseline / input.multiplier;
  const excluded: { code: string; label: string; reason: string }[] = [];
  const points: FunnelPoint[] = [];
  for (const a of input.areas) {
    if (a.count === null || a.denominator === null || !(a.denominator > 0)) {
      excluded.push({ code: a.code, label: a.label, reason: "no count and denominator" });
      continue;
    }
    const value = (a.count / a.denominator) * input.multiplier;
    const significance = a.count > a.denominator ? "Not applicable" : funnelProportionSignificance({ numerator: a.count, denominator: a.denominator, baseline: p0 });
    points.push({ code: a.code, label: a.label, x: a.denominator, y: value, count: a.count, significance, side: sideOf(significance) });
  }
  if (!points.length) return { available: false, reason: "No area has a count and a denominator, so there is no funnel plot." };
  const xs = funnelAxisPoints({ statistic: "proportion", denominators: points.map((p) => p.x) });
  const limits = xs.map((x) => ({ x, ...funnelProportionLimits({ baseline: p0, denominator: x, multiplier: input.multiplier }) }));
  return {
    available: true,
    statistic: "proportion",
    baseline: { label: input.baseline.label, value: baseline },
    xLabel: "Denominator",
    points,
    excluded,
    lines: {
      lower95: limits.map((l) => ({ x: l.x, y: l.lower95 })),
      upper95: limits.map((l) => ({ x: l.x, y: l.upper95 })),
      lower998: limits.map((l) => ({ x: l.x, y: l.lower998 })),
      upper998: limits.map((l) => ({ x: l.x, y: l.upper998 })),
    },
  };
}

function rateFunnel(input: FunnelInput, baseline: number): FunnelData {
  const rateType = input.valueType === "directly-standardised-rate" ? "dsr" : "crude";
  const av = baseline / input.multiplier;
  const excluded: { code: string; label: string; reason: string }[] = [];
  const points: FunnelPoint[] = [];
  for (const a of input.areas) {
    if (a.count === null || (a.value === null && a.count > 0)) {
      excluded.push({ code: a.code, label: a.label, reason: "no count of events or no rate" });
      continue;
    }
    const derived = funnelRateDerivedDenominator({ events: a.count, rate: a.value, rateType, multiplier: input.multiplier, population: a.denominator });
    if (derived === null) {
      excluded.push({ code: a.code, label: a.label, reason: "no events: a standardised rate has no derived denominator" });
      continue;
    }
    const significance = funnelRateSignificance({ events: a.count, derivedDenominator: derived, baseline: av, rateType });
    points.push({ code: a.code, label: a.label, x: derived, y: a.value ?? 0, count: a.count, significance, side: sideOf(significance) });
  }
  if (!points.length) return { available: false, reason: "No area has a count of events and a rate, so there is no funnel plot." };
  const events = funnelAxisPoints({ statistic: "rate", denominators: points.map((p) => p.x), yearsOfData: 1, baseline: av });
  const lines = events.map((o) => funnelRateLimitLines({ events: o, baseline: av, multiplier: input.multiplier }));
  const line = (key: "lower95" | "upper95" | "lower998" | "upper998") =>
    lines
      .map((l) => l[key])
      .filter((p): p is { rate: number; population: number } => p.rate !== null && p.population > 0)
      .map((p) => ({ x: p.population, y: p.rate }))
      .sort((a, b) => a.x - b.x);
  return {
    available: true,
    statistic: "rate",
    baseline: { label: input.baseline.label, value: baseline },
    xLabel: "Population (derived from events and rate)",
    points,
    excluded,
    lines: { lower95: line("lower95"), upper95: line("upper95"), lower998: line("lower998"), upper998: line("upper998") },
  };
}

export function funnelData(input: FunnelInput): FunnelData {
  const reason = funnelUnavailableReason(input.valueType, input.areas, input.baseline.value);
  if (reason) return { available: false, reason };
  const baseline = input.baseline.value!;
  return input.valueType === "proportion" ? proportionFunnel(input, baseline) : rateFunnel(input, baseline);
}

/** Plain words for a funnel significance label. */
export function funnelSignificanceText(significance: FunnelSignificance | "Not applicable"): string {
  switch (significance) {
    case "High (0.001)":
      return "Above 99.8% limit";
    case "High (0.025)":
      return "Above 95% limit";
    case "Low (0.001)":
      return "Below 99.8% limit";
    case "Low (0.025)":
      return "Below 95% limit";
    case "Not significant":
      return "Within limits";
    default:
      return "Not applicable";
  }
}

export type FunnelLayout = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { value: number; x: number; label: string }[];
  yTicks: { value: number; y: number; label: string }[];
  baselineY: number;
  paths: { lower95: string; upper95: string; lower998: string; upper998: string };
  points: (FunnelPoint & { px: number; py: number })[];
};

const pathOf = (line: FunnelLine, x: (v: number) => number, y: (v: number) => number) =>
  line.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join("");

/**
 * Positions of a funnel plot: x from zero to beyond the largest area, y covering the
 * areas, the centre line and the 99.8% limits at the smallest area (the lines are
 * clipped to the plot, so their mouth at tiny sizes does not stretch the axis).
 */
export function funnelLayout(data: Extract<FunnelData, { available: true }>, { width = 720, height = 420 } = {}): FunnelLayout {
  const plot = { left: 72, right: width - 24, top: 20, bottom: height - 56 };
  const maxX = Math.max(...data.points.map((p) => p.x));
  const xAxis = niceAxis(0, maxX * 1.05, 5);
  const smallest = Math.min(...data.points.map((p) => p.x));
  const near = (line: FunnelLine) => line.filter((p) => p.x >= smallest * 0.9).map((p) => p.y);
  const ys = [...data.points.map((p) => p.y), data.baseline.value, ...near(data.lines.lower998).slice(0, 1), ...near(data.lines.upper998).slice(0, 1)];
  const range = extent(ys) ?? [0, 1];
  const yAxis = niceAxis(range[0], range[1], 6);
  const x = linearScale(xAxis.domain, [plot.left, plot.right]);
  const y = linearScale(yAxis.domain, [plot.bottom, plot.top]);
  const xDecimals = decimalsForStep(xAxis.step);
  const yDecimals = decimalsForStep(yAxis.step);
  const fmt = (v: number, d: number) => fixed(v, d);
  return {
    width,
    height,
    plot,
    xTicks: xAxis.ticks.map((value) => ({ value, x: x(value), label: fmt(value, xDecimals) })),
    yTicks: yAxis.ticks.map((value) => ({ value, y: y(value), label: fmt(value, yDecimals) })),
    baselineY: y(data.baseline.value),
    paths: {
      lower95: pathOf(data.lines.lower95, x, y),
      upper95: pathOf(data.lines.upper95, x, y),
      lower998: pathOf(data.lines.lower998, x, y),
      upper998: pathOf(data.lines.upper998, x, y),
    },
    points: data.points.map((p) => ({ ...p, px: x(p.x), py: y(p.y) })),
  };
}
