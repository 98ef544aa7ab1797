/**
 * practice-imd: OHID Fingertips indicator 93553 "Deprivation score (IMD)" for GP
 * practices: the IMD score of the practice's registered population, for IMD 2010, 2015
 * and 2019 (columns reduced to six by the HEEC repository the copy came from).
 *
 * Rule: practices no longer current (`IsAreaCurrent` 0) are kept, flagged, since their
 * scores remain valid for their year.
 */
import { codes } from "../../app/domain/geography/codes";
import { code, decimalBetween, ok, oneOf, rowSchema, rowError, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export const INDICATOR_ID = 93553;

export type PracticeImdRecord = {
  practiceCode: string;
  practiceName: string;
  /** IMD edition: 2010, 2015 or 2019. */
  imdYear: 2010 | 2015 | 2019;
  imdScore: number;
  isCurrent: boolean;
};

const row = rowSchema({
  IndicatorID: text,
  Year: oneOf(["2010", "2015", "2019"], "IMD edition"),
  AreaCode: code(codes.practice),
  AreaName: text,
  IsAreaCurrent: oneOf(["0", "1"], "current-area flag"),
  Value: decimalBetween(0, 100),
});

export const parser: SourceParser<PracticeImdRecord> = {
  format: "csv",
  requiredColumns: ["IndicatorID", "Year", "AreaCode", "AreaName", "IsAreaCurrent", "Value"],
  parseRow(values): RowResult<PracticeImdRecord> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    if (c.IndicatorID !== String(INDICATOR_ID)) return rowError("IndicatorID", `expected indicator ${INDICATOR_ID}, found ${JSON.stringify(c.IndicatorID)}`);
    return ok({
      practiceCode: c.AreaCode,
      practiceName: c.AreaName,
      imdYear: Number(c.Year) as 2010 | 2015 | 2019,
      imdScore: c.Value,
      isCurrent: c.IsAreaCurrent === "1",
    });
  },
  key: (r) => `${r.practiceCode}/${r.imdYear}`,
};
