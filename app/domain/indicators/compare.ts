/**
 * Comparisons of a figure with England and with its parent, made when figures are
 * read (STATISTICS.md §8): the figure's interval against the benchmark's value, by the
 * indicator's method and polarity. The benchmark is the benchmark area's figure for
 * the same period, sex, age and category; a category figure of the benchmark area
 * itself is compared with that area's overall figure, as Fingertips does.
 */
import { type BenchmarkOutcome, type ComparisonMethod, compareToBenchmark, type Polarity } from "../statistics";

export type ComparableFigure = {
  areaCode: string;
  period: string;
  sex: string;
  age: string;
  categoryType: string;
  category: string;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
};

export type Comparison = {
  outcome: BenchmarkOutcome;
  /** computed: from intervals here; published: the source's own comparison, kept where the figure has no interval. */
  basis: "computed" | "published";
};

export const breakdownKey = (f: Pick<ComparableFigure, "period" | "sex" | "age" | "categoryType" | "category">) =>
  [f.period, f.sex, f.age, f.categoryType, f.category].join("\u001f");

const overallKey = (f: Pick<ComparableFigure, "period" | "sex" | "age">) => [f.period, f.sex, f.age, "", ""].join("\u001f");

/** A published comparison ("Better", "Similar", "Lower", …) in the product's vocabulary, or null. */
export function publishedOutcome(text: string | null | undefined): BenchmarkOutcome | null {
  const t = text?.trim().toLowerCase();
  if (!t) return null;
  if (t === "better" || t === "worse" || t === "similar" || t === "higher" || t === "lower") return t;
  if (t === "not compared") return "not-compared";
  return null;
}

/**
 * The figure compared with a benchmark area's figures (keyed by breakdownKey). Never
 * throws: a figure whose interval is malformed is simply not compared.
 */
export function compareFigure(args: {
  figure: ComparableFigure;
  benchmarkCode: string | null;
  benchmarkFigures: ReadonlyMap<string, Pick<ComparableFigure, "value">>;
  polarity: Polarity;
  method: ComparisonMethod;
  /** The source's own comparison with this benchmark, used only when the figure has no interval. */
  published?: string | null;
}): Comparison {
  const { figure, benchmarkCode } = args;
  const own = figure.areaCode === benchmarkCode;
  const hasInterval = (figure.lower95 !== null && figure.upper95 !== null) || (figure.lower998 !== null && figure.upper998 !== null);
  const said = publishedOutcome(args.published);
  if (!hasInterval && said) return { outcome: said, basis: "published" };
  if (!benchmarkCode) return { outcome: "not-compared", basis: "computed" };
  const isCategory = figure.categoryType !== "" || figure.category !== "";
  const benchmark = own
    ? isCategory
      ? args.benchmarkFigures.get(overallKey(figure))
      : undefined
    : args.benchmarkFigures.get(breakdownKey(figure));
  try {
    const result = compareToBenchmark({
      area: figure,
      benchmark: benchmark?.value ?? null,
      polarity: args.polarity,
      method: args.method,
      areaIsBenchmark: own && !isCategory,
    });
    return { outcome: result.outcome, basis: "computed" };
  } catch {
    return { outcome: "not-compared", basis: "computed" };
  }
}

/** The source's comparison with England, under whichever column name the source used. */
export function publishedEnglandComparison(published: Record<string, string> | null | undefined): string | null {
  if (!published) return null;
  return published["Compared to England value or percentiles"] ?? published["compared_to_England"] ?? null;
}
