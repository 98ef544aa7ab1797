/**
 * lad-region: ONS local authority district (2024) → region lookup, England.
 */
import { codes } from "../../app/domain/geography/codes";
import { code, ok, rowSchema, SKIP, skip, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type LadRegionRecord = { ladCode: string; ladName: string; regionCode: string; regionName: string };

const row = rowSchema({
  LAD24CD: code(codes.lad),
  LAD24NM: text,
  RGN24CD: code(codes.region),
  RGN24NM: text,
});

export const parser: SourceParser<LadRegionRecord> = {
  format: "csv",
  requiredColumns: ["LAD24NM", "LAD24CD", "RGN24NM", "RGN24CD"],
  optionalColumns: ["ObjectId"],
  parseRow(values): RowResult<LadRegionRecord> {
    // ONS' England-and-Wales editions list Welsh authorities with a blank region.
    if (codes.welshLad.pattern.test((values.LAD24CD ?? "").trim())) return skip(SKIP.welshAuthority);
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    return ok({ ladCode: c.LAD24CD, ladName: c.LAD24NM, regionCode: c.RGN24CD, regionName: c.RGN24NM });
  },
  key: (r) => r.ladCode,
};
