/**
 * fingertips: any CSV in the Fingertips download format ("Indicator ID, Indicator
 * Name, Parent Code, … Time period range"), of any indicators and any area types:
 * England, regions, ICBs, sub-ICB locations, counties and UAs, districts, PCNs, GP
 * practices, with sexes, ages and categories. Older exports (26 columns, "Compared to
 * Region …", no "Time period range") load too; a column this parser does not know is
 * kept with the figure as published.
 *
 * Rules: values, counts, denominators and both intervals are kept exactly as
 * published, blank where the source gives none (never filled in). A figure needs an
 * indicator id, an area, a sex, an age and a readable time period; an interval needs
 * both bounds, lower not above upper.
 */
import { areaTypeSlug } from "../../app/domain/indicators/area-types";
import type { Figure } from "../../app/domain/indicators/figures";
import { parsePeriod } from "../../app/domain/indicators/periods";
import { code, ok, optionalDecimal, optionalText, rowError, rowSchema, text } from "../reference-data/fields";
import type { CellProblem, RowResult, SourceParser } from "../shared/types";

export const REQUIRED_COLUMNS = [
  "Indicator ID",
  "Indicator Name",
  "Area Code",
  "Area Name",
  "Area Type",
  "Sex",
  "Age",
  "Category Type",
  "Category",
  "Time period",
  "Value",
  "Lower CI 95.0 limit",
  "Upper CI 95.0 limit",
  "Count",
  "Denominator",
] as const;

export const OPTIONAL_COLUMNS = [
  "Parent Code",
  "Parent Name",
  "Lower CI 99.8 limit",
  "Upper CI 99.8 limit",
  "Value note",
  "Recent Trend",
  "Compared to England value or percentiles",
  "Compared to Region value or percentiles",
  "Compared to parent value or percentiles",
  "Column not used",
  "Time period Sortable",
  "New data",
  "Compared to goal",
  "Time period range",
] as const;

/** Columns that become the figure's own fields; every other non-blank cell is kept as published. */
const MAPPED = new Set<string>([...REQUIRED_COLUMNS, "Parent Code", "Parent Name", "Lower CI 99.8 limit", "Upper CI 99.8 limit", "Value note"]);

const number = optionalDecimal();
const row = rowSchema({
  "Indicator ID": code({ pattern: /^\d{1,9}$/, label: "Fingertips indicator id (digits)" }),
  "Indicator Name": text,
  "Area Code": code({ pattern: /^\S{1,40}$/, label: "area code (no spaces)" }),
  "Area Name": text,
  "Area Type": text,
  Sex: text,
  Age: text,
  "Category Type": optionalText(),
  Category: optionalText(),
  "Time period": text,
  Value: number,
  "Lower CI 95.0 limit": number,
  "Upper CI 95.0 limit": number,
  "Lower CI 99.8 limit": number,
  "Upper CI 99.8 limit": number,
  Count: number,
  Denominator: number,
  "Parent Code": optionalText(),
  "Parent Name": optionalText(),
  "Value note": optionalText(),
});

/** Both bounds or neither, lower not above upper. */
export function intervalProblems(level: string, lower: number | null, upper: number | null): CellProblem[] {
  const lowerName = `Lower CI ${level} limit`;
  const upperName = `Upper CI ${level} limit`;
  if ((lower === null) !== (upper === null)) {
    return [{ column: lower === null ? lowerName : upperName, message: `one bound of the ${level}% interval is missing` }];
  }
  if (lower !== null && upper !== null && lower > upper) {
    return [{ column: lowerName, message: `the lower ${level}% limit (${lower}) is above the upper (${upper})` }];
  }
  return [];
}

/** Flags for what a published figure lacks. */
export function publishedFlags(f: Pick<Figure, "value" | "lower95" | "upper95" | "lower998" | "upper998">): string[] {
  if (f.value === null) return ["no-value-published"];
  return f.lower95 === null && f.lower998 === null ? ["no-interval-published"] : [];
}

export const parser: SourceParser<Figure> = {
  format: "csv",
  requiredColumns: REQUIRED_COLUMNS,
  optionalColumns: OPTIONAL_COLUMNS,
  allowExtraColumns: true,
  parseRow(values, line): RowResult<Figure> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    const period = parsePeriod(c["Time period"], { sortable: values["Time period Sortable"], range: values["Time period range"] });
    if (!period) return rowError("Time period", `not a time period this importer can read: ${JSON.stringify(c["Time period"])}`);
    const problems = [
      ...intervalProblems("95.0", c["Lower CI 95.0 limit"], c["Upper CI 95.0 limit"]),
      ...intervalProblems("99.8", c["Lower CI 99.8 limit"], c["Upper CI 99.8 limit"]),
      ...(["Count", "Denominator"] as const).flatMap((name) =>
        c[name] !== null && c[name]! < 0 ? [{ column: name, message: `cannot be negative: ${c[name]}` }] : [],
      ),
    ];
    if (problems.length) return { kind: "error", errors: problems };
    const published: Record<string, string> = {};
    for (const [name, cell] of Object.entries(values)) {
      if (!MAPPED.has(name) && cell.trim() !== "") published[name] = cell;
    }
    const figure: Figure = {
      indicatorId: c["Indicator ID"],
      indicatorName: c["Indicator Name"],
      areaCode: c["Area Code"],
      areaName: c["Area Name"],
      areaType: areaTypeSlug(c["Area Type"], c["Area Code"]),
      areaTypeLabel: c["Area Type"],
      parentCode: c["Parent Code"],
      parentName: c["Parent Name"],
      period: c["Time period"],
      periodStart: period.start,
      periodEnd: period.end,
      sex: c.Sex,
      age: c.Age,
      categoryType: c["Category Type"] ?? "",
      category: c.Category ?? "",
      count: c.Count,
      denominator: c.Denominator,
      value: c.Value,
      lower95: c["Lower CI 95.0 limit"],
      upper95: c["Upper CI 95.0 limit"],
      lower998: c["Lower CI 99.8 limit"],
      upper998: c["Upper CI 99.8 limit"],
      valueNote: c["Value note"],
      flags: [],
      published,
      line,
    };
    figure.flags = publishedFlags(figure);
    return ok(figure);
  },
  // The area type's label is part of the key: a unitary authority listed under both
  // "Counties & UAs" and "Districts & UAs" is one figure twice, which the load step
  // stores once; the same figure twice under one label is a true duplicate.
  key: (f) => [f.indicatorId, f.areaCode, f.areaTypeLabel, f.period, f.sex, f.age, f.categoryType, f.category].join(" / "),
};
