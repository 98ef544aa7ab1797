import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type CensusAgeRecord } from "./parse";

export const censusAgeImporter: Importer<CensusAgeRecord> = {
  source: "census-age",
  description: "Census 2021 TS007A usual residents by five-year age band, per LSOA",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_census_age",
    columns: [
      { name: "lsoa_code", type: "text" },
      { name: "lsoa_name", type: "text" },
      { name: "total", type: "integer" },
      { name: "bands", type: "integer[]" },
    ],
    toRow: (r) => ({
      lsoa_code: r.lsoaCode,
      lsoa_name: r.lsoaName,
      total: r.total,
      bands: r.bands.map((b) => b.count),
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
