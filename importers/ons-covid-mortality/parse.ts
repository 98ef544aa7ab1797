/**
 * ons-covid-mortality: ONS "Deaths involving COVID-19 by local area and socioeconomic
 * deprivation" (release 1 May 2020), local-authority table, persons: deaths involving
 * COVID-19 occurring 1 March to 17 April 2020 and the age-standardised rate per 100,000
 * with its 95% interval (`area_code, area_name, deaths, rate, LCI, UCI`).
 *
 * Rules: Welsh authorities are out of scope and skipped. A blank rate (ONS gives none
 * for very few deaths) is a figure with a count and no value. The rate must lie within
 * its interval. ONS publishes no 99.8% interval and no England rate in this table.
 */
import { codes } from "../../app/domain/geography/codes";
import { localAuthorityType } from "../../app/domain/indicators/area-types";
import type { Figure } from "../../app/domain/indicators/figures";
import { code, count, ok, optionalDecimal, rowError, rowSchema, SKIP, skip, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export const INDICATOR_ID = "ons-covid19-asmr";
export const PERIOD = { label: "1 Mar - 17 Apr 2020", start: "2020-03-01", end: "2020-04-17" };

const row = rowSchema({
  area_code: code(codes.lad),
  area_name: text,
  deaths: count,
  rate: optionalDecimal(),
  LCI: optionalDecimal(),
  UCI: optionalDecimal(),
});

export const parser: SourceParser<Figure> = {
  format: "csv",
  requiredColumns: ["area_code", "area_name", "deaths", "rate", "LCI", "UCI"],
  parseRow(values, line): RowResult<Figure> {
    if (codes.welshLad.pattern.test((values.area_code ?? "").trim())) return skip(SKIP.welshAuthority);
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    const bounds = [c.rate, c.LCI, c.UCI].filter((v) => v !== null).length;
    if (bounds !== 0 && bounds !== 3) return rowError("rate", "the rate and both limits must all be given, or all be blank");
    if (c.rate !== null && !(c.LCI! <= c.rate && c.rate <= c.UCI!)) {
      return rowError("rate", `the rate (${c.rate}) is not within its interval (${c.LCI} to ${c.UCI})`);
    }
    return ok({
      indicatorId: INDICATOR_ID,
      indicatorName: "Deaths involving COVID-19: age-standardised mortality rate",
      areaCode: c.area_code,
      areaName: c.area_name,
      areaType: localAuthorityType(c.area_code)!,
      areaTypeLabel: "Local authority district (2019)",
      parentCode: null,
      parentName: null,
      period: PERIOD.label,
      periodStart: PERIOD.start,
      periodEnd: PERIOD.end,
      sex: "Persons",
      age: "All ages",
      categoryType: "",
      category: "",
      count: c.deaths,
      denominator: null,
      value: c.rate,
      lower95: c.LCI,
      upper95: c.UCI,
      lower998: null,
      upper998: null,
      valueNote: c.rate === null ? "No rate published by ONS (too few deaths)" : null,
      flags: c.rate === null ? ["no-value-published"] : [],
      published: {},
      line,
    });
  },
  key: (f) => f.areaCode,
};
