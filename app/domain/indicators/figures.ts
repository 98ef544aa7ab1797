/**
 * One figure as the importers hand it to the indicator store: an indicator's value
 * for an area, period, sex, age and category, with whatever counts and intervals the
 * source holds (null where it holds none; never filled in).
 */
export type Figure = {
  indicatorId: string;
  indicatorName: string;
  areaCode: string;
  areaName: string;
  /** Slug (area-types.ts) and the source's own label. */
  areaType: string;
  areaTypeLabel: string;
  parentCode: string | null;
  parentName: string | null;
  period: string;
  periodStart: string;
  periodEnd: string;
  sex: string;
  age: string;
  categoryType: string;
  category: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  valueNote: string | null;
  flags: string[];
  /** The source's other columns, as published. */
  published: Record<string, string>;
  /** Line of the file the figure came from. */
  line: number;
};

/** The unique key of a figure within an indicator (the store's unique index). */
export function figureKey(f: Pick<Figure, "indicatorId" | "areaCode" | "period" | "sex" | "age" | "categoryType" | "category">): string {
  return [f.indicatorId, f.areaCode, f.period, f.sex, f.age, f.categoryType, f.category].join("\u001f");
}

/** The numbers of a figure, to tell a true duplicate from a conflicting one. */
export function figureNumbers(f: Figure): string {
  return JSON.stringify([f.count, f.denominator, f.value, f.lower95, f.upper95, f.lower998, f.upper998]);
}

/**
 * Marks on figures. Each says what a figure lacks or how it was made, so that a gap is
 * visible and never silently filled.
 */
export const FLAGS = {
  computed: "Computed by this product (summed or weighted from its parts); any interval is the product's own, from count and denominator",
  "no-interval-published": "The source publishes no confidence interval for this figure",
  "no-interval": "No interval: a weighted mean of published scores is not a sample estimate the product can give an interval for",
  "no-value-published": "The source publishes no value for this figure (suppressed or not calculated)",
  "value-rounded": "The source extract rounds the value to 1 decimal place",
  "count-exceeds-denominator": "The count is larger than the denominator (e.g. a practice register larger than its list): kept as published, with no interval",
  "whole-authority": "The value of the whole local authority: the place is only the part of it in this ICB",
  "custom-place": "Summed by this product from the neighbourhoods of the ICB's own place",
  "not-available-for-custom-place": "The source has no figures for neighbourhoods, so none can be given for an ICB's own place",
} as const;

export type Flag = keyof typeof FLAGS;
