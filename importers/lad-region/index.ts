import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type LadRegionRecord } from "./parse";

export const ladRegionImporter: Importer<LadRegionRecord> = {
  source: "lad-region",
  description: "ONS local authority district → region lookup",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_lad_region",
    columns: [
      { name: "lad_code", type: "text" },
      { name: "lad_name", type: "text" },
      { name: "region_code", type: "text" },
      { name: "region_name", type: "text" },
    ],
    toRow: (r) => ({
      lad_code: r.ladCode,
      lad_name: r.ladName,
      region_code: r.regionCode,
      region_name: r.regionName,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
