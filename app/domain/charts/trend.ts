/**
 * Layout of a trend chart: periods along the x axis in date order, the area's values
 * as marked points joined by a line, their 95% intervals as whiskers, and benchmark
 * areas as dashed lines. A gap in a series (a period with no value) breaks its line.
 */
import type { BenchmarkOutcome } from "../statistics";
import { decimalsForStep, extent, linearScale, niceAxis } from "./scale";
import { fixed } from "../format/numbers";

export type TrendPoint = {
  period: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  outcome: BenchmarkOutcome;
};

export type TrendSeries = { key: string; label: string; values: { period: string; value: number | null }[] };

export type TrendLayout = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  periods: { period: string; x: number }[];
  yTicks: { value: number; y: number; label: string }[];
  points: (TrendPoint & { x: number; y: number | null; whisker: { y1: number; y2: number } | null })[];
  line: string;
  benchmarks: (TrendSeries & { path: string; last: { x: number; y: number } | null })[];
};

/** An SVG path through the points, starting a new segment after each gap. */
export function brokenPath(points: readonly { x: number; y: number | null }[]): string {
  let out = "";
  let drawing = false;
  for (const p of points) {
    if (p.y === null) {
      drawing = false;
      continue;
    }
    out += `${drawing ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    drawing = true;
  }
  return out;
}

export function trendLayout({
  periods,
  points,
  benchmarks,
  width = 720,
  height = 360,
}: {
  /** All periods in date order. */
  periods: readonly string[];
  points: readonly TrendPoint[];
  benchmarks: readonly TrendSeries[];
  width?: number;
  height?: number;
}): TrendLayout {
  const plot = { left: 64, right: width - 120, top: 20, bottom: height - 64 };
  const step = periods.length > 1 ? (plot.right - plot.left) / (periods.length - 1) : 0;
  const xOf = new Map(periods.map((p, i) => [p, periods.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2]));
  const all = [...points.flatMap((p) => [p.value, p.lower, p.upper]), ...benchmarks.flatMap((b) => b.values.map((v) => v.value))];
  const range = extent(all) ?? [0, 1];
  const axis = niceAxis(range[0], range[1], 5);
  const y = linearScale(axis.domain, [plot.bottom, plot.top]);
  const decimals = decimalsForStep(axis.step);
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const placed = periods.map((period) => {
    const p = byPeriod.get(period) ?? { period, value: null, lower: null, upper: null, outcome: "not-compared" as const };
    return {
      ...p,
      x: xOf.get(period)!,
      y: p.value === null ? null : y(p.value),
      whisker: p.lower !== null && p.upper !== null ? { y1: y(p.lower), y2: y(p.upper) } : null,
    };
  });
  return {
    width,
    height,
    plot,
    periods: periods.map((period) => ({ period, x: xOf.get(period)! })),
    yTicks: axis.ticks.map((value) => ({ value, y: y(value), label: fixed(value, decimals) })),
    points: placed.filter((p) => byPeriod.has(p.period)),
    line: brokenPath(placed),
    benchmarks: benchmarks.map((b) => {
      const values = new Map(b.values.map((v) => [v.period, v.value]));
      const series = periods.map((period) => {
        const v = values.get(period) ?? null;
        return { x: xOf.get(period)!, y: v === null ? null : y(v) };
      });
      const last = [...series].reverse().find((p) => p.y !== null);
      return { ...b, path: brokenPath(series), last: last ? { x: last.x, y: last.y! } : null };
    }),
  };
}
