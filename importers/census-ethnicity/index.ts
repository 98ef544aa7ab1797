import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type CensusEthnicityRecord } from "./parse";

export const censusEthnicityImporter: Importer<CensusEthnicityRecord> = {
  source: "census-ethnicity",
  description: "Census 2021 TS021 usual residents by ethnic group, per LSOA",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_census_ethnicity",
    columns: [
      { name: "lsoa_code", type: "text" },
      { name: "total", type: "integer" },
      { name: "groups", type: "jsonb" },
    ],
    toRow: (r) => ({
      lsoa_code: r.lsoaCode,
      total: r.total,
      groups: r.groups,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
