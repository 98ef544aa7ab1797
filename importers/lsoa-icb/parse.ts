/**
 * lsoa-icb: ONS LSOA (2021) → sub-ICB location → ICB lookup, April 2024
 * (`LSOA21_SICBL24_ICB24_CAL24_LAD24_EN_LU`, as reduced by the geographr package).
 * England only; every English LSOA appears once. This is the file that defines the 42
 * ICBs and 106 sub-ICB locations, with their ONS and ODS codes.
 */
import { codes } from "../../app/domain/geography/codes";
import { code, ok, rowSchema, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type LsoaIcbRecord = {
  lsoaCode: string;
  lsoaName: string;
  sicblCode: string;
  sicblOdsCode: string;
  sicblName: string;
  icbCode: string;
  icbOdsCode: string;
  icbName: string;
};

const row = rowSchema({
  LSOA21CD: code(codes.lsoa21),
  LSOA21NM: text,
  SICBL24CD: code(codes.sicbl),
  SICBL24CDH: code(codes.sicblOds),
  SICBL24NM: text,
  ICB24CD: code(codes.icb),
  ICB24CDH: code(codes.icbOds),
  ICB24NM: text,
});

export const parser: SourceParser<LsoaIcbRecord> = {
  format: "csv",
  requiredColumns: ["LSOA21NM", "LSOA21CD", "SICBL24NM", "SICBL24CD", "SICBL24CDH", "ICB24NM", "ICB24CD", "ICB24CDH"],
  // The ONS download also carries the cancer alliance and LAD columns and an ObjectId;
  // a full ONS file loads with the same command.
  optionalColumns: ["CAL24CD", "CAL24NM", "LAD24CD", "LAD24NM", "ObjectId"],
  parseRow(values): RowResult<LsoaIcbRecord> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    return ok({
      lsoaCode: c.LSOA21CD,
      lsoaName: c.LSOA21NM,
      sicblCode: c.SICBL24CD,
      sicblOdsCode: c.SICBL24CDH,
      sicblName: c.SICBL24NM,
      icbCode: c.ICB24CD,
      icbOdsCode: c.ICB24CDH,
      icbName: c.ICB24NM,
    });
  },
  key: (r) => r.lsoaCode,
};
