/**
 * practice-locations: GP practice and PCN lead-practice locations (derived file,
 * `southwest-analytics/practice_pcn_catchment` `output/lookup.csv`): NHS Digital's
 * practice → PCN → sub-ICB → ICB mapping of early 2024 with each practice's postcode
 * (and its PCN's ePCN postcode) joined to the ONS Postcode Directory (Nov 2023).
 *
 * Used for where a practice stands (its LSOA 2021); its PCN membership here is the
 * 2024 one and is kept only for reference (the neighbourhoods use QOF 2022-23).
 * The first column is R's unnamed row index (header ""): ignored.
 *
 * Rules: PCN code "U" (unallocated practices) becomes `pcnCode: null`; the PCN location
 * columns hold "NA" for those rows and become null.
 */
import { codes, UNALLOCATED_PCN } from "../../app/domain/geography/codes";
import { code, decimalBetween, ok, optionalCode, optionalDecimal, optionalText, rowSchema, rowError, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type PracticeLocationRecord = {
  practiceCode: string;
  practiceName: string;
  postcode: string;
  lat: number;
  lng: number;
  oa21Code: string;
  lsoa21Code: string;
  lsoa11Code: string;
  /** 2024 PCN; null for the pseudo-PCN "U". */
  pcnCode: string | null;
  pcnName: string;
  pcnPostcode: string | null;
  pcnLat: number | null;
  pcnLng: number | null;
  pcnLsoa21Code: string | null;
  sicblCode: string;
  sicblOdsCode: string;
  sicblName: string;
  icbCode: string;
  icbOdsCode: string;
  icbName: string;
  nhsRegionCode: string;
  nhsRegionOdsCode: string;
  nhsRegionName: string;
  /** GP clinical system supplier (EMIS, TPP, …), "Unknown" where not given. */
  supplier: string;
};

const NA = ["NA"];
// A PCN code, or the pseudo-PCN "U" for practices in no PCN.
const pcnCell = code({ pattern: new RegExp(`${codes.pcn.pattern.source}|^${UNALLOCATED_PCN}$`), label: `${codes.pcn.label} or "U"` });

// England lies within these bounds; a coordinate outside them is a swapped or bad value.
const lat = decimalBetween(49.8, 55.9);
const lng = decimalBetween(-6.5, 1.8);

const row = rowSchema({
  PRAC_CODE: code(codes.practice),
  PRAC_NAME: text,
  PRAC_POSTCODE: code(codes.postcode),
  PRAC_LAT: lat,
  PRAC_LNG: lng,
  PRAC_OA11: code(codes.outputArea),
  PRAC_LSOA11: code(codes.lsoa11),
  PRAC_OA21: code(codes.outputArea),
  PRAC_LSOA21: code(codes.lsoa21),
  PCN_CODE: pcnCell,
  PCN_NAME: text,
  PCN_POSTCODE: optionalCode(codes.postcode, NA),
  PCN_LAT: optionalDecimal(NA),
  PCN_LNG: optionalDecimal(NA),
  PCN_LSOA21: optionalCode(codes.lsoa21, NA),
  ONS_LOC_CODE: code(codes.sicbl),
  LOC_CODE: code(codes.sicblOds),
  LOC_NAME: text,
  ONS_ICB_CODE: code(codes.icb),
  ICB_CODE: code(codes.icbOds),
  ICB_NAME: text,
  ONS_NHSER_CODE: code(codes.nhsRegion),
  NHSER_CODE: code(codes.nhsRegionOds),
  NHSER_NAME: text,
  SUPPLIER_NAME: optionalText(NA),
});

export const parser: SourceParser<PracticeLocationRecord> = {
  format: "csv",
  requiredColumns: [
    "PRAC_CODE",
    "PRAC_NAME",
    "PRAC_POSTCODE",
    "PRAC_LAT",
    "PRAC_LNG",
    "PRAC_OA11",
    "PRAC_LSOA11",
    "PRAC_OA21",
    "PRAC_LSOA21",
    "PCN_CODE",
    "PCN_NAME",
    "PCN_POSTCODE",
    "PCN_LAT",
    "PCN_LNG",
    "PCN_OA11",
    "PCN_LSOA11",
    "PCN_OA21",
    "PCN_LSOA21",
    "ONS_LOC_CODE",
    "LOC_CODE",
    "LOC_NAME",
    "ONS_ICB_CODE",
    "ICB_CODE",
    "ICB_NAME",
    "ONS_NHSER_CODE",
    "NHSER_CODE",
    "NHSER_NAME",
    "SUPPLIER_NAME",
  ],
  optionalColumns: [""],
  parseRow(values): RowResult<PracticeLocationRecord> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    if ((c.PCN_LAT === null) !== (c.PCN_LNG === null)) {
      return rowError("PCN_LNG", "PCN latitude and longitude must both be given or both be NA");
    }
    return ok({
      practiceCode: c.PRAC_CODE,
      practiceName: c.PRAC_NAME,
      postcode: c.PRAC_POSTCODE,
      lat: c.PRAC_LAT,
      lng: c.PRAC_LNG,
      oa21Code: c.PRAC_OA21,
      lsoa21Code: c.PRAC_LSOA21,
      lsoa11Code: c.PRAC_LSOA11,
      pcnCode: c.PCN_CODE === UNALLOCATED_PCN ? null : c.PCN_CODE,
      pcnName: c.PCN_NAME,
      pcnPostcode: c.PCN_POSTCODE,
      pcnLat: c.PCN_LAT,
      pcnLng: c.PCN_LNG,
      pcnLsoa21Code: c.PCN_LSOA21,
      sicblCode: c.ONS_LOC_CODE,
      sicblOdsCode: c.LOC_CODE,
      sicblName: c.LOC_NAME,
      icbCode: c.ONS_ICB_CODE,
      icbOdsCode: c.ICB_CODE,
      icbName: c.ICB_NAME,
      nhsRegionCode: c.ONS_NHSER_CODE,
      nhsRegionOdsCode: c.NHSER_CODE,
      nhsRegionName: c.NHSER_NAME,
      supplier: c.SUPPLIER_NAME ?? "Unknown",
    });
  },
  key: (r) => r.practiceCode,
};
