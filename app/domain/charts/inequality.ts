/**
 * Inequality by deprivation (STATISTICS.md §11): an indicator by deprivation decile
 * (1 = most deprived), the slope index of inequality fitted across the deciles'
 * population ranks, and the words and chart positions that go with it.
 */
import { populationRidits, type SiiResult, type SiiValueType, slopeIndexOfInequality } from "../statistics";
import { decimalsForStep, extent, linearScale, niceAxis } from "./scale";
import { fixed } from "../format/numbers";

export type Quantile = { quantile: number; of: 5 | 10 };

const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5 };

/**
 * The deprivation decile or quintile a Fingertips category names: "Most deprived
 * decile" (1), "Second most deprived decile" (2), "Third more deprived decile" (3) …
 * "Fifth less deprived decile" (6) … "Least deprived decile" (10); quintiles alike,
 * with "Middle quintile" as 3. Plain "Decile 4" or "Quintile 2" also read.
 */
export function deprivationQuantile(category: string): Quantile | null {
  const text = category.toLowerCase().replace(/\(.*?\)/g, " ").replace(/\s+/g, " ").trim();
  const kind = /\bdecile\b/.test(text) ? 10 : /\bquintile\b/.test(text) ? 5 : null;
  if (!kind) return null;
  const plain = text.match(/^(?:decile|quintile) (\d{1,2})$/) ?? text.match(/^(\d{1,2}) ?(?:-|–)? ?(?:most|least)? ?(?:deprived)? ?(?:decile|quintile)$/);
  if (plain) {
    const n = Number(plain[1]);
    return n >= 1 && n <= kind ? { quantile: n, of: kind } : null;
  }
  if (kind === 5 && /^middle/.test(text)) return { quantile: 3, of: 5 };
  const m = text.match(/^(?:(second|third|fourth|fifth) )?(most|more|least|less) deprived/);
  if (!m) return null;
  const n = m[1] ? ORDINALS[m[1]] : 1;
  const moreDeprived = m[2] === "most" || m[2] === "more";
  const quantile = moreDeprived ? n : kind + 1 - n;
  return quantile >= 1 && quantile <= kind ? { quantile, of: kind } : null;
}

/** Whether a category type is a deprivation breakdown (e.g. "LSOA11 deprivation deciles within area"). */
export function isDeprivationCategoryType(categoryType: string): boolean {
  return /depriv/i.test(categoryType) && /decile|quintile/i.test(categoryType);
}

export type QuantileFigure = {
  quantile: number;
  /** People the figure covers; equal weights where only the deciles' values are known. */
  population: number;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
};

export type SiiOutcome =
  | { available: true; result: SiiResult; fitted: { quantile: number; value: number }[]; unit: string }
  | { available: false; reason: string };

export function siiValueType(valueType: string): SiiValueType {
  if (valueType === "proportion") return "proportion";
  if (valueType === "crude-rate" || valueType === "directly-standardised-rate") return "rate";
  return "other";
}

/**
 * The SII across the quantiles (most deprived first), with 95% limits by simulation
 * (seeded, so the page shows the same figures every time) and the fitted line at each
 * quantile's population rank. Needs at least five quantiles, each with a value and a
 * 95% interval.
 */
export function inequalitySlope({
  quantiles,
  valueType,
  multiplier,
  unit,
  repetitions = 20_000,
}: {
  quantiles: readonly QuantileFigure[];
  valueType: string;
  multiplier: number;
  unit: string;
  repetitions?: number;
}): SiiOutcome {
  const usable = [...quantiles].filter((q) => q.population > 0).sort((a, b) => a.quantile - b.quantile);
  if (usable.length < 5) return { available: false, reason: `The slope index needs at least 5 deprivation groups with figures; there ${usable.length === 1 ? "is" : "are"} ${usable.length}.` };
  if (usable.some((q) => q.value === null || q.lower95 === null || q.upper95 === null)) {
    return { available: false, reason: "The slope index needs a value and a 95% confidence interval for every deprivation group; some have none." };
  }
  const type = siiValueType(valueType);
  const scale = type === "proportion" ? multiplier : 1;
  const result = slopeIndexOfInequality({
    quantiles: usable.map((q) => ({ population: q.population, value: q.value! / scale, lower95: q.lower95! / scale, upper95: q.upper95! / scale })),
    valueType: type,
    multiplier: scale,
    repetitions,
    seed: 1,
  });
  if (result.sii === null || result.beta0 === null || result.beta1 === null) return { available: false, reason: "The slope index could not be fitted to these figures." };
  const { ridits } = populationRidits(usable.map((q) => q.population));
  return {
    available: true,
    result,
    fitted: usable.map((q, i) => ({ quantile: q.quantile, value: (result.beta0! + result.beta1! * ridits[i]) * scale })),
    unit,
  };
}

/** The unit an SII is measured in: a difference of percentages is in percentage points. */
export function siiUnit(unit: string): string {
  return unit === "%" ? "percentage points" : unit;
}

/** One sentence saying what the SII means, in the indicator's own unit. */
export function describeSii(sii: number, lower: number | null, upper: number | null, unit: string, decimals = 1): string {
  const fmt = (v: number) => fixed(Math.abs(v), decimals);
  const signed = (v: number) => `${v < 0 ? "−" : ""}${fmt(v)}`;
  const interval = lower !== null && upper !== null ? ` (95% confidence interval ${signed(lower)} to ${signed(upper)})` : "";
  const u = siiUnit(unit);
  const where = sii > 0 ? "higher at the least deprived end than at the most deprived end" : sii < 0 ? "higher at the most deprived end than at the least deprived end" : "the same at both ends";
  const clear = lower !== null && upper !== null && (lower > 0 || upper < 0) ? "" : " The interval includes zero, so the gradient may be chance.";
  return `The slope index of inequality is ${signed(sii)} ${u}${interval}: the fitted value is ${sii === 0 ? where : `${fmt(sii)} ${u} ${where}`}.${clear}`;
}

export type DecileLayout = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bandWidth: number;
  yTicks: { value: number; y: number; label: string }[];
  bars: { quantile: number; x: number; cx: number; y: number; height: number; value: number | null; whisker: { y1: number; y2: number } | null }[];
  fitted: string | null;
  benchmarks: { key: string; label: string; value: number; y: number }[];
};

/** Bars by quantile (1 = most deprived, on the left) from zero, with whiskers, the fitted SII line and benchmark lines. */
export function decileLayout({
  figures,
  of,
  fitted,
  benchmarks = [],
  width = 720,
  height = 360,
}: {
  figures: readonly QuantileFigure[];
  of: 5 | 10;
  fitted: { quantile: number; value: number }[] | null;
  benchmarks?: { key: string; label: string; value: number | null }[];
  width?: number;
  height?: number;
}): DecileLayout {
  const plot = { left: 64, right: width - 24, top: 20, bottom: height - 64 };
  const bandWidth = (plot.right - plot.left) / of;
  const values = [...figures.flatMap((f) => [f.value, f.lower95, f.upper95]), ...(fitted ?? []).map((f) => f.value), ...benchmarks.map((b) => b.value)];
  const range = extent(values) ?? [0, 1];
  const axis = niceAxis(Math.min(0, range[0]), Math.max(0, range[1]), 5);
  const y = linearScale(axis.domain, [plot.bottom, plot.top]);
  const decimals = decimalsForStep(axis.step);
  const zero = y(0);
  const byQuantile = new Map(figures.map((f) => [f.quantile, f]));
  const centre = (q: number) => plot.left + (q - 0.5) * bandWidth;
  const bars = Array.from({ length: of }, (_, i) => i + 1).map((quantile) => {
    const f = byQuantile.get(quantile);
    const vy = f?.value === null || f?.value === undefined ? null : y(f.value);
    return {
      quantile,
      x: plot.left + (quantile - 1) * bandWidth + bandWidth * 0.15,
      cx: centre(quantile),
      y: vy === null ? zero : Math.min(vy, zero),
      height: vy === null ? 0 : Math.abs(zero - vy),
      value: f?.value ?? null,
      whisker: f && f.lower95 !== null && f.upper95 !== null ? { y1: y(f.lower95), y2: y(f.upper95) } : null,
    };
  });
  return {
    width,
    height,
    plot,
    bandWidth,
    yTicks: axis.ticks.map((value) => ({ value, y: y(value), label: fixed(value, decimals) })),
    bars,
    fitted: fitted && fitted.length > 1 ? fitted.map((f, i) => `${i === 0 ? "M" : "L"}${centre(f.quantile).toFixed(1)},${y(f.value).toFixed(1)}`).join("") : null,
    benchmarks: benchmarks.filter((b): b is { key: string; label: string; value: number } => b.value !== null).map((b) => ({ ...b, y: y(b.value) })),
  };
}
