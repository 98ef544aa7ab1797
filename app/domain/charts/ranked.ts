/**
 * Layout of a ranked chart: one row per area, sorted by value, with its 95% interval
 * as a whisker and benchmark values as vertical lines. The bar chart and the ranked
 * dot chart draw the same layout (bars from zero, or dots).
 */
import type { BenchmarkOutcome } from "../statistics";
import { decimalsForStep, extent, linearScale, niceAxis } from "./scale";
import { fixed } from "../format/numbers";

export type RankedDatum = {
  code: string;
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  outcome: BenchmarkOutcome;
};

export type BenchmarkLine = { key: string; label: string; value: number | null };

export type RankedRow = RankedDatum & {
  rank: number | null;
  /** Top of the row and the centre line of its bar or dot. */
  y: number;
  cy: number;
  /** Bar from the axis origin to the value (null when there is no value). */
  bar: { x: number; width: number } | null;
  dot: { x: number } | null;
  whisker: { x1: number; x2: number } | null;
};

export type RankedLayout = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rowHeight: number;
  ticks: { value: number; x: number; label: string }[];
  rows: RankedRow[];
  benchmarks: (BenchmarkLine & { x: number })[];
  zero: number;
};

/** Areas by value, highest first; areas without a value last, by name. */
export function rankAreas<T extends { value: number | null; label: string }>(data: readonly T[], order: "descending" | "ascending" = "descending"): T[] {
  return [...data].sort((a, b) => {
    if (a.value === null && b.value === null) return a.label.localeCompare(b.label, "en-GB");
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return order === "descending" ? b.value - a.value || a.label.localeCompare(b.label, "en-GB") : a.value - b.value || a.label.localeCompare(b.label, "en-GB");
  });
}

export function rankedLayout({
  data,
  benchmarks,
  width = 720,
  labelWidth = 240,
  rowHeight = 22,
  fromZero = true,
  top = 28,
  bottom = 40,
  rightMargin = 16,
}: {
  data: readonly RankedDatum[];
  benchmarks: readonly BenchmarkLine[];
  width?: number;
  labelWidth?: number;
  rowHeight?: number;
  /** Bars start at zero; a dot chart may zoom in on the values' range. */
  fromZero?: boolean;
  top?: number;
  bottom?: number;
  /** Room to the right of the plot, e.g. for the values written beside the rows. */
  rightMargin?: number;
}): RankedLayout {
  const sorted = rankAreas(data);
  const values = [...sorted.flatMap((d) => [d.value, d.lower, d.upper]), ...benchmarks.map((b) => b.value)];
  const range = extent(values) ?? [0, 1];
  const axis = niceAxis(fromZero ? Math.min(0, range[0]) : range[0], fromZero ? Math.max(0, range[1]) : range[1], 5);
  const plot = { left: labelWidth, right: width - rightMargin, top, bottom: top + sorted.length * rowHeight };
  const x = linearScale(axis.domain, [plot.left, plot.right]);
  const decimals = decimalsForStep(axis.step);
  const zero = x(Math.max(axis.domain[0], Math.min(axis.domain[1], 0)));
  let rank = 0;
  const rows = sorted.map((d, i): RankedRow => {
    const y = plot.top + i * rowHeight;
    const cy = y + rowHeight / 2;
    if (d.value !== null) rank += 1;
    const vx = d.value === null ? null : x(d.value);
    return {
      ...d,
      rank: d.value === null ? null : rank,
      y,
      cy,
      bar: vx === null ? null : { x: Math.min(zero, vx), width: Math.abs(vx - zero) },
      dot: vx === null ? null : { x: vx },
      whisker: d.lower !== null && d.upper !== null ? { x1: x(d.lower), x2: x(d.upper) } : null,
    };
  });
  return {
    width,
    height: plot.bottom + bottom,
    plot,
    rowHeight,
    ticks: axis.ticks.map((value) => ({ value, x: x(value), label: fixed(value, decimals) })),
    rows,
    benchmarks: benchmarks.filter((b): b is BenchmarkLine & { value: number } => b.value !== null).map((b) => ({ ...b, x: x(b.value) })),
    zero,
  };
}
