/**
 * fingertips-extract: Fingertips figures reshaped by the Trafford Data Lab to ten
 * columns (`area_code, area_name, area_type, period, indicator, measure, unit, value,
 * compared_to_England, inequality`): healthy life expectancy (90362), life expectancy
 * (90366) and under-75 preventable mortality (93721) for England, districts and UAs.
 *
 * Rules: the extract names the indicator, not its id, so only the indicators below
 * load; the sex is in `inequality` (life expectancy) or in `unit` (mortality); `NA`
 * is a figure with no value. The extract rounds values to 1 dp and holds no
 * intervals, counts or denominators: each figure is flagged so, and Fingertips' own
 * comparison with England is kept as published.
 */
import { areaTypeSlug } from "../../app/domain/indicators/area-types";
import type { Figure } from "../../app/domain/indicators/figures";
import { parsePeriod } from "../../app/domain/indicators/periods";
import { code, ok, optionalDecimal, rowError, rowSchema, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

/** The indicators an extract may hold, by the name it gives them. */
export const EXTRACT_INDICATORS: Record<string, { id: string; age: string }> = {
  "Healthy life expectancy at birth": { id: "90362", age: "All ages" },
  "Life expectancy at birth": { id: "90366", age: "All ages" },
  "Under 75 mortality rate from causes considered preventable (per 100,000 population)": { id: "93721", age: "<75 yrs" },
};

const SEXES = ["Male", "Female", "Persons"];

const row = rowSchema({
  area_code: code({ pattern: /^E(92|06|07|08|09|10)\d{6}$/, label: "England, county, unitary or district code" }),
  area_name: text,
  area_type: text,
  period: text,
  indicator: text,
  measure: text,
  unit: text,
  value: optionalDecimal(["NA"]),
  compared_to_England: text,
  inequality: text,
});

export const parser: SourceParser<Figure> = {
  format: "csv",
  requiredColumns: ["area_code", "area_name", "area_type", "period", "indicator", "measure", "unit", "value", "compared_to_England", "inequality"],
  parseRow(values, line): RowResult<Figure> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    const known = EXTRACT_INDICATORS[c.indicator];
    if (!known) return rowError("indicator", `not an indicator this extract importer knows (${Object.keys(EXTRACT_INDICATORS).join("; ")}): ${JSON.stringify(c.indicator)}`);
    const sex = SEXES.includes(c.inequality) ? c.inequality : SEXES.includes(c.unit) ? c.unit : null;
    if (!sex) return rowError("inequality", `no sex in "inequality" or "unit": ${JSON.stringify(c.inequality)}, ${JSON.stringify(c.unit)}`);
    const period = parsePeriod(c.period);
    if (!period) return rowError("period", `not a time period this importer can read: ${JSON.stringify(c.period)}`);
    return ok({
      indicatorId: known.id,
      indicatorName: c.indicator,
      areaCode: c.area_code,
      areaName: c.area_name,
      areaType: areaTypeSlug(c.area_type, c.area_code),
      areaTypeLabel: c.area_type,
      parentCode: null,
      parentName: null,
      period: c.period,
      periodStart: period.start,
      periodEnd: period.end,
      sex,
      age: known.age,
      categoryType: "",
      category: "",
      count: null,
      denominator: null,
      value: c.value,
      lower95: null,
      upper95: null,
      lower998: null,
      upper998: null,
      valueNote: null,
      flags: c.value === null ? ["no-value-published"] : ["value-rounded", "no-interval-published"],
      published: { compared_to_England: c.compared_to_England, measure: c.measure, unit: c.unit },
      line,
    });
  },
  key: (f) => `${f.indicatorId} / ${f.areaCode} / ${f.period} / ${f.sex}`,
};
