/**
 * lsoa-lad: ONS LSOA (2021) → ward (2024) → local authority district (2024) lookup,
 * England and Wales (`LSOA21_WD24_LAD24_EW_LU`).
 *
 * Rule: Welsh rows (LSOA code W01…) are out of scope and skipped, counted by the runner.
 */
import { codes } from "../../app/domain/geography/codes";
import { code, ok, rowSchema, SKIP, skip, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type LsoaLadRecord = {
  lsoaCode: string;
  lsoaName: string;
  wardCode: string;
  wardName: string;
  ladCode: string;
  ladName: string;
};

const row = rowSchema({
  LSOA21CD: code(codes.lsoa21),
  LSOA21NM: text,
  WD24CD: code(codes.ward),
  WD24NM: text,
  LAD24CD: code(codes.lad),
  LAD24NM: text,
});

export const parser: SourceParser<LsoaLadRecord> = {
  format: "csv",
  requiredColumns: ["LSOA21NM", "LSOA21CD", "WD24NM", "WD24CD", "LAD24NM", "LAD24CD"],
  optionalColumns: ["WD24NMW", "LAD24NMW", "ObjectId"],
  parseRow(values): RowResult<LsoaLadRecord> {
    if (codes.welshLsoa.pattern.test((values.LSOA21CD ?? "").trim())) return skip(SKIP.welshLsoa);
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    return ok({
      lsoaCode: c.LSOA21CD,
      lsoaName: c.LSOA21NM,
      wardCode: c.WD24CD,
      wardName: c.WD24NM,
      ladCode: c.LAD24CD,
      ladName: c.LAD24NM,
    });
  },
  key: (r) => r.lsoaCode,
};
