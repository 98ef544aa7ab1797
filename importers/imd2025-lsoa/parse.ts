/**
 * imd2025-lsoa: English Indices of Deprivation 2025, File 7 subset per LSOA 2021: score,
 * rank (1 = most deprived of 33,755) and decile (1 = most deprived tenth) for the Index
 * of Multiple Deprivation and its seven domains (column names as in the humaniverse/IMD
 * package table).
 */
import { codes } from "../../app/domain/geography/codes";
import { code, decimal, type Field, ok, rowSchema, wholeNumberBetween } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export const IOD_DOMAINS = [
  "Income",
  "Employment",
  "Education",
  "Health",
  "Crime",
  "Housing_and_Services",
  "Environment",
] as const;
export type IodDomain = (typeof IOD_DOMAINS)[number];

export type Imd2025LsoaRecord = {
  lsoaCode: string;
  imdScore: number;
  imdRank: number;
  imdDecile: number;
  domains: { domain: IodDomain; score: number; rank: number; decile: number }[];
};

const INDICES = ["IMD", ...IOD_DOMAINS] as const;
// England has 33,755 LSOAs (2021); a later edition on the same LSOAs ranks the same number.
const LSOA_COUNT = 33_755;

const row = rowSchema({
  lsoa21_code: code(codes.lsoa21),
  ...(Object.fromEntries(
    INDICES.flatMap((d) => [
      [`${d}_decile`, wholeNumberBetween(1, 10)],
      [`${d}_rank`, wholeNumberBetween(1, LSOA_COUNT)],
      [`${d}_score`, decimal],
    ]),
  ) as Record<string, Field<number>>),
});

export const parser: SourceParser<Imd2025LsoaRecord> = {
  format: "csv",
  requiredColumns: [
    "lsoa21_code",
    ...INDICES.map((d) => `${d}_decile`),
    ...INDICES.map((d) => `${d}_rank`),
    ...INDICES.map((d) => `${d}_score`),
  ],
  parseRow(values): RowResult<Imd2025LsoaRecord> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data as unknown as Record<string, number> & { lsoa21_code: string };
    return ok({
      lsoaCode: c.lsoa21_code,
      imdScore: c.IMD_score,
      imdRank: c.IMD_rank,
      imdDecile: c.IMD_decile,
      domains: IOD_DOMAINS.map((domain) => ({
        domain,
        score: c[`${domain}_score`],
        rank: c[`${domain}_rank`],
        decile: c[`${domain}_decile`],
      })),
    });
  },
  key: (r) => r.lsoaCode,
};
