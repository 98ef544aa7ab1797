/**
 * imd2025-icb: English Indices of Deprivation 2025, File 13 ICB summaries (all sheets
 * joined by ICB, snake_case names from the humaniverse/IMD package): for the IMD and
 * each domain, the population-weighted average rank and score, the proportion of LSOAs
 * in the most deprived 10% nationally, each with its rank among the 42 ICBs; for the
 * IMD also extent and local concentration, for income and employment the scale.
 *
 * Kept as the official ICB figures beside the ones the footprint builder computes
 * from LSOAs (which weight by Census 2021 population, so differ slightly).
 */
import { codes } from "../../app/domain/geography/codes";
import { code, decimal, type Field, ok, rowSchema, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

const DOMAINS = [
  "imd",
  "income",
  "employment",
  "education_skills_and_training",
  "health_deprivation_and_disability",
  "crime",
  "barriers_to_housing_and_services",
  "living_environment",
] as const;

const PROPORTION = "proportion_of_lso_as_in_most_deprived_10_percent_nationally";

export const MEASURE_COLUMNS: readonly string[] = DOMAINS.flatMap((d) => [
  `${d}_average_rank`,
  `${d}_rank_of_average_rank`,
  `${d}_average_score`,
  `${d}_rank_of_average_score`,
  `${d}_${PROPORTION}`,
  `${d}_rank_of_${PROPORTION}`,
  ...(d === "imd"
    ? ["imd_2025_extent", "imd_2025_rank_of_extent", "imd_2025_local_concentration", "imd_2025_rank_of_local_concentration"]
    : d === "income" || d === "employment"
      ? [`${d}_scale`, `rank_of_${d}_scale`]
      : []),
]);

export type Imd2025IcbRecord = {
  icbCode: string;
  icbName: string;
  imdAverageScore: number;
  imdAverageRank: number;
  /** Share (0–1) of the ICB's LSOAs in the most deprived 10% of England. */
  imdProportionMostDeprived10: number;
  imdExtent: number;
  imdLocalConcentration: number;
  /** Every measure column, by its column name. */
  measures: Record<string, number>;
};

const row = rowSchema({
  icb24_code: code(codes.icb),
  icb24_name: text,
  ...(Object.fromEntries(MEASURE_COLUMNS.map((c) => [c, decimal])) as Record<string, Field<number>>),
});

export const parser: SourceParser<Imd2025IcbRecord> = {
  format: "csv",
  requiredColumns: ["icb24_code", "icb24_name", ...MEASURE_COLUMNS],
  parseRow(values): RowResult<Imd2025IcbRecord> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    const numbers = c as unknown as Record<string, number>; // the measure columns
    const measures = Object.fromEntries(MEASURE_COLUMNS.map((m) => [m, numbers[m]]));
    return ok({
      icbCode: c.icb24_code,
      icbName: c.icb24_name,
      imdAverageScore: measures.imd_average_score,
      imdAverageRank: measures.imd_average_rank,
      imdProportionMostDeprived10: measures[`imd_${PROPORTION}`],
      imdExtent: measures.imd_2025_extent,
      imdLocalConcentration: measures.imd_2025_local_concentration,
      measures,
    });
  },
  key: (r) => r.icbCode,
};
