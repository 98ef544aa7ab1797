/**
 * census-age: Census 2021 TS007A, usual residents by five-year age band, per LSOA 2021
 * (England and Wales, Nomis layout with the title lines removed).
 *
 * Rules: Welsh LSOAs (W01…) are out of scope and skipped. The bands must add up to the
 * total (they do in every row of the 2021 file; ONS perturbs the cells for disclosure
 * control but keeps the table additive), so a row where they do not is an error.
 */
import { codes } from "../../app/domain/geography/codes";
import { code, count, type Field, ok, rowSchema, rowError, SKIP, skip, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type AgeBand = {
  /** The column header, e.g. "Aged 20 to 24 years". */
  band: string;
  fromAge: number;
  /** Inclusive; null for the open top band (85 and over). */
  toAge: number | null;
  count: number;
};

export type CensusAgeRecord = { lsoaCode: string; lsoaName: string; total: number; bands: AgeBand[] };

export const AGE_BAND_COLUMNS = [
  "Aged 4 years and under",
  "Aged 5 to 9 years",
  "Aged 10 to 14 years",
  "Aged 15 to 19 years",
  "Aged 20 to 24 years",
  "Aged 25 to 29 years",
  "Aged 30 to 34 years",
  "Aged 35 to 39 years",
  "Aged 40 to 44 years",
  "Aged 45 to 49 years",
  "Aged 50 to 54 years",
  "Aged 55 to 59 years",
  "Aged 60 to 64 years",
  "Aged 65 to 69 years",
  "Aged 70 to 74 years",
  "Aged 75 to 79 years",
  "Aged 80 to 84 years",
  "Aged 85 years and over",
] as const;

/** Reads the age range out of a band's header text. */
export function ageRange(band: string): { fromAge: number; toAge: number | null } {
  let m = /^Aged (\d+) years and under$/.exec(band);
  if (m) return { fromAge: 0, toAge: Number(m[1]) };
  m = /^Aged (\d+) to (\d+) years$/.exec(band);
  if (m) return { fromAge: Number(m[1]), toAge: Number(m[2]) };
  m = /^Aged (\d+) years and over$/.exec(band);
  if (m) return { fromAge: Number(m[1]), toAge: null };
  throw new Error(`unrecognised age band "${band}"`);
}

const RANGES = AGE_BAND_COLUMNS.map((band) => ({ band, ...ageRange(band) }));
const NAME_COLUMN = "2021 super output area - lower layer";

const row = rowSchema({
  [NAME_COLUMN]: text,
  mnemonic: code(codes.lsoa21),
  Total: count,
  ...(Object.fromEntries(AGE_BAND_COLUMNS.map((band) => [band, count])) as Record<string, Field<number>>),
});

export const parser: SourceParser<CensusAgeRecord> = {
  format: "csv",
  requiredColumns: [NAME_COLUMN, "mnemonic", "Total", ...AGE_BAND_COLUMNS],
  parseRow(values): RowResult<CensusAgeRecord> {
    if (codes.welshLsoa.pattern.test((values.mnemonic ?? "").trim())) return skip(SKIP.welshLsoa);
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    const counts = c as unknown as Record<string, number>; // the band columns
    const bands = RANGES.map((r) => ({ ...r, count: counts[r.band] }));
    const total = c.Total;
    const sum = bands.reduce((s, b) => s + b.count, 0);
    if (sum !== total) return rowError("Total", `the age bands add up to ${sum}, not the total ${total}`);
    return ok({ lsoaCode: c.mnemonic, lsoaName: c[NAME_COLUMN], total, bands });
  },
  key: (r) => r.lsoaCode,
};
