import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type Imd2025IcbRecord } from "./parse";

export const imd2025IcbImporter: Importer<Imd2025IcbRecord> = {
  source: "imd2025-icb",
  description: "English Indices of Deprivation 2025 ICB summaries",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_imd2025_icb",
    columns: [
      { name: "icb_code", type: "text" },
      { name: "icb_name", type: "text" },
      { name: "imd_average_score", type: "double precision" },
      { name: "imd_average_rank", type: "double precision" },
      { name: "imd_proportion_most_deprived_10", type: "real" },
      { name: "measures", type: "jsonb" },
    ],
    toRow: (r) => ({
      icb_code: r.icbCode,
      icb_name: r.icbName,
      imd_average_score: r.imdAverageScore,
      imd_average_rank: r.imdAverageRank,
      imd_proportion_most_deprived_10: r.imdProportionMostDeprived10,
      measures: r.measures,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
