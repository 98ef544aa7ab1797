import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type Imd2025LsoaRecord } from "./parse";

export const imd2025LsoaImporter: Importer<Imd2025LsoaRecord> = {
  source: "imd2025-lsoa",
  description: "English Indices of Deprivation 2025 by LSOA 2021",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_imd2025_lsoa",
    columns: [
      { name: "lsoa_code", type: "text" },
      { name: "imd_score", type: "double precision" },
      { name: "imd_rank", type: "integer" },
      { name: "imd_decile", type: "integer" },
      { name: "domains", type: "jsonb" },
    ],
    toRow: (r) => ({
      lsoa_code: r.lsoaCode,
      imd_score: r.imdScore,
      imd_rank: r.imdRank,
      imd_decile: r.imdDecile,
      domains: r.domains,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
