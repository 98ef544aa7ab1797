/**
 * qof-mapping: NHS Digital QOF 2022-23 organisational mapping, practice → PCN →
 * sub-ICB location → ICB → NHS region, with ODS and ONS codes
 * (`MAPPING_NHS_GEOGRAPHIES_2223.csv`; structures at 31 March 2023).
 *
 * The ONS codes are the 2022 ones: Surrey Heartlands and Sussex (and sub-ICB locations
 * 92A and 70F) carry their pre-April-2023 codes. Join to the 2024 lookup on ODS codes.
 *
 * Rule: the pseudo-PCN "U" (practices in no PCN) is kept, as `pcnCode: null`, so that
 * those practices can be counted and listed; it is not a neighbourhood.
 */
import { codes, UNALLOCATED_PCN } from "../../app/domain/geography/codes";
import { code, ok, rowSchema, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type QofMappingRecord = {
  practiceCode: string;
  practiceName: string;
  /** null for the pseudo-PCN "U" (practice not in a PCN). */
  pcnCode: string | null;
  pcnName: string;
  sicblOdsCode: string;
  /** 2022 ONS code (see the April 2023 recoding). */
  sicblCode: string;
  sicblName: string;
  icbOdsCode: string;
  /** 2022 ONS code (see the April 2023 recoding). */
  icbCode: string;
  icbName: string;
  regionOdsCode: string;
  regionCode: string;
  regionName: string;
};

// A PCN code, or the pseudo-PCN "U" for practices in no PCN.
const pcnCell = code({ pattern: new RegExp(`${codes.pcn.pattern.source}|^${UNALLOCATED_PCN}$`), label: `${codes.pcn.label} or "U"` });

const row = rowSchema({
  NAT_ONS_CODE: code(codes.england),
  REGION_ODS_CODE: code(codes.nhsRegionOds),
  REGION_ONS_CODE: code(codes.nhsRegion),
  REGION_NAME: text,
  ICB_ODS_CODE: code(codes.icbOds),
  ICB_ONS_CODE: code(codes.icb),
  ICB_NAME: text,
  SUB_ICB_ODS_CODE: code(codes.sicblOds),
  SUB_ICB_ONS_CODE: code(codes.sicbl),
  SUB_ICB_NAME: text,
  PCN_ODS_CODE: pcnCell,
  PCN_NAME: text,
  PRACTICE_CODE: code(codes.practice),
  PRACTICE_NAME: text,
});

export const parser: SourceParser<QofMappingRecord> = {
  format: "csv",
  requiredColumns: [
    "NAT_ONS_CODE",
    "NAT_CODE",
    "NAT_COUNTRY",
    "REGION_ODS_CODE",
    "REGION_ONS_CODE",
    "REGION_NAME",
    "ICB_ODS_CODE",
    "ICB_ONS_CODE",
    "ICB_NAME",
    "SUB_ICB_ODS_CODE",
    "SUB_ICB_ONS_CODE",
    "SUB_ICB_NAME",
    "PCN_ODS_CODE",
    "PCN_NAME",
    "PRACTICE_CODE",
    "PRACTICE_NAME",
  ],
  parseRow(values): RowResult<QofMappingRecord> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    return ok({
      practiceCode: c.PRACTICE_CODE,
      practiceName: c.PRACTICE_NAME,
      pcnCode: c.PCN_ODS_CODE === UNALLOCATED_PCN ? null : c.PCN_ODS_CODE,
      pcnName: c.PCN_NAME,
      sicblOdsCode: c.SUB_ICB_ODS_CODE,
      sicblCode: c.SUB_ICB_ONS_CODE,
      sicblName: c.SUB_ICB_NAME,
      icbOdsCode: c.ICB_ODS_CODE,
      icbCode: c.ICB_ONS_CODE,
      icbName: c.ICB_NAME,
      regionOdsCode: c.REGION_ODS_CODE,
      regionCode: c.REGION_ONS_CODE,
      regionName: c.REGION_NAME,
    });
  },
  key: (r) => r.practiceCode,
};
