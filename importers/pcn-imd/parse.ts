/**
 * pcn-imd: PCN deprivation, IMD 2019 score weighted by registered patients (derived
 * file, `blackwellrd/practice_pcn_imd` `outputs/pcn_imd.csv`, GP registrations by LSOA
 * of about January 2023 × IoD 2019 LSOA scores × ePCN membership). Wherever shown, it
 * is an IMD 2019 score, not IMD 2025.
 *
 * Rule: the row `pcn_code = "U"` pools every practice in no PCN; it is not a PCN and is
 * skipped. `imd_decile` is kept as given: tenths of this file's rows ranked by score
 * (1 = most deprived), not a national population decile.
 */
import { codes, UNALLOCATED_PCN } from "../../app/domain/geography/codes";
import { code, decimalBetween, ok, rowSchema, SKIP, skip, text, wholeNumberBetween } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type PcnImdRecord = {
  pcnCode: string;
  pcnName: string;
  postcode: string;
  sicblOdsCode: string;
  /** IMD 2019 score, registered-patient-weighted. */
  imd2019Score: number;
  /** 1–10 among the file's PCNs (1 = most deprived); not a national decile. */
  fileDecile: number;
};

const row = rowSchema({
  pcn_code: code(codes.pcn),
  pcn_name: text,
  postcode: code(codes.postcode),
  subicb_code: code(codes.sicblOds),
  // IMD 2019 LSOA scores run from about 0.5 to 93; an average lies within.
  imd_score: decimalBetween(0, 100),
  imd_decile: wholeNumberBetween(1, 10),
});

export const parser: SourceParser<PcnImdRecord> = {
  format: "csv",
  requiredColumns: ["pcn_code", "pcn_name", "postcode", "subicb_code", "imd_score", "imd_decile"],
  parseRow(values): RowResult<PcnImdRecord> {
    if ((values.pcn_code ?? "").trim() === UNALLOCATED_PCN) return skip(SKIP.pooledUnallocated);
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    return ok({
      pcnCode: c.pcn_code,
      pcnName: c.pcn_name,
      postcode: c.postcode,
      sicblOdsCode: c.subicb_code,
      imd2019Score: c.imd_score,
      fileDecile: c.imd_decile,
    });
  },
  key: (r) => r.pcnCode,
};
