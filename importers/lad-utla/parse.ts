/**
 * lad-utla: ONS lower-tier → upper-tier local authority lookup, 2023
 * (`LTLA23_UTLA23_EW_LU`). Unitary authorities, metropolitan districts and London
 * boroughs are their own upper tier; shire districts (E07) map to their county (E10).
 * The 2023 codes are the 2024 ones (no district changed between them), so LAD24 codes
 * from the LSOA lookup join here directly.
 *
 * Rule: Welsh authorities (W06…) are out of scope and skipped.
 */
import { codes } from "../../app/domain/geography/codes";
import { code, ok, rowSchema, rowError, SKIP, skip, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type LadUtlaRecord = { ladCode: string; ladName: string; utlaCode: string; utlaName: string };

const row = rowSchema({
  LTLA23CD: code(codes.lad),
  LTLA23NM: text,
  UTLA23CD: code(codes.utla),
  UTLA23NM: text,
});

export const parser: SourceParser<LadUtlaRecord> = {
  format: "csv",
  requiredColumns: ["LTLA23CD", "LTLA23NM", "UTLA23CD", "UTLA23NM"],
  optionalColumns: ["ObjectId"],
  parseRow(values): RowResult<LadUtlaRecord> {
    if (codes.welshLad.pattern.test((values.LTLA23CD ?? "").trim())) return skip(SKIP.welshAuthority);
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    // Only a shire district sits under a different (county) code; any other authority
    // must be its own upper tier, or the lookup has been misread.
    const isDistrict = c.LTLA23CD.startsWith("E07");
    if (isDistrict !== (c.UTLA23CD !== c.LTLA23CD) || (isDistrict && !c.UTLA23CD.startsWith("E10"))) {
      return rowError("UTLA23CD", `a shire district (E07) must map to a county (E10) and any other authority to itself: ${c.LTLA23CD} → ${c.UTLA23CD}`);
    }
    return ok({ ladCode: c.LTLA23CD, ladName: c.LTLA23NM, utlaCode: c.UTLA23CD, utlaName: c.UTLA23NM });
  },
  key: (r) => r.ladCode,
};
