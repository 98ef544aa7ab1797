/**
 * What a view shows is chosen in its address (`?icb=…&level=…&period=…&peers=…`), so
 * that any view can be bookmarked, shared and printed. These schemas read the query
 * string; `viewHref` writes one, leaving out what is empty.
 */
import { z } from "zod";

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9-]+$/, "an area code has only letters, digits and dashes");
const label = z.string().trim().max(200);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const LEVELS = ["neighbourhood", "place", "lad"] as const;
export type ViewLevel = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<ViewLevel, { one: string; many: string }> = {
  neighbourhood: { one: "neighbourhood (primary care network)", many: "Neighbourhoods (primary care networks)" },
  place: { one: "place", many: "Places" },
  lad: { one: "local authority", many: "Local authorities (districts and unitaries)" },
};

const breakdown = {
  period: optional(label),
  sex: optional(label),
  age: optional(label),
  categoryType: optional(label),
  category: optional(label),
};

export const IndicatorViewQuery = z.object({
  icb: optional(code),
  level: optional(z.enum(LEVELS)),
  place: optional(code),
  ...breakdown,
  comparator: optional(z.enum(["england", "parent"])),
  peers: z.array(code).max(60, "choose at most 60 areas").default([]),
});
export type IndicatorViewSelection = z.infer<typeof IndicatorViewQuery>;

export const InequalityQuery = z.object({
  icb: optional(code),
  place: optional(code),
  period: optional(label),
  sex: optional(label),
  age: optional(label),
});
export type InequalitySelection = z.infer<typeof InequalityQuery>;

export const TrendQuery = z.object({
  area: optional(code),
  sex: optional(label),
  age: optional(label),
  categoryType: optional(label),
  category: optional(label),
  comparator: optional(code),
});
export type TrendSelection = z.infer<typeof TrendQuery>;

export const ProfileQuery = z.object({
  period: optional(label),
  comparator: optional(code),
});
export type ProfileSelection = z.infer<typeof ProfileQuery>;

export const DownloadQuery = z.object({
  format: z.enum(["csv", "svg"]),
  view: optional(z.enum(["indicator", "inequality", "trend", "profile"])),
  chart: optional(z.enum(["table", "bar", "funnel", "map", "dots", "spine", "decile", "trend"])),
  /** Which of a view's decile charts (local, national, or Fingertips' own for an area). */
  set: optional(z.string().trim().max(60).regex(/^[A-Za-z0-9-]+$/)),
});

/** The one form field that stands for a category and its type ("Ethnic group (5 groups)::Asian"). */
export const CATEGORY_SEPARATOR = "::";
export const categoryField = (categoryType: string, category: string) => (categoryType ? `${categoryType}${CATEGORY_SEPARATOR}${category}` : "");

/**
 * The query string as an object for the schemas: repeated keys (checkboxes) and
 * comma-separated lists both become arrays for `peers`; the form's `cat` field
 * becomes `categoryType` and `category`; other keys keep their last value.
 */
export function searchObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    if (key === "cat") {
      const value = params.getAll("cat").at(-1) ?? "";
      const at = value.indexOf(CATEGORY_SEPARATOR);
      out.categoryType = at < 0 ? "" : value.slice(0, at);
      out.category = at < 0 ? "" : value.slice(at + CATEGORY_SEPARATOR.length);
    } else if (key === "peers") {
      out.peers = [...new Set(params.getAll("peers").flatMap((v) => v.split(/[\s,]+/)).map((v) => v.trim().toUpperCase()).filter(Boolean))];
    } else {
      out[key] = params.getAll(key).at(-1);
    }
  }
  return out;
}

export type QueryValue = string | number | readonly string[] | null | undefined;

/** A path with a query string of the given values, in the order given, without empty ones. */
export function viewHref(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(","));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

type ResolvedIndicatorView = {
  icb: string;
  level: ViewLevel;
  place: string | null;
  period: string | null;
  sex: string | null;
  age: string | null;
  categoryType: string | null;
  category: string | null;
  comparator: "england" | "parent";
  peers: readonly string[];
};

/** The address parameters of an indicator view, in a fixed order (England, the default comparator, left out). */
export function indicatorViewParams(s: ResolvedIndicatorView): Record<string, QueryValue> {
  return {
    icb: s.icb,
    level: s.level,
    place: s.place,
    period: s.period,
    sex: s.sex,
    age: s.age,
    categoryType: s.categoryType,
    category: s.category,
    comparator: s.comparator === "england" ? undefined : s.comparator,
    peers: s.peers,
  };
}
