import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type LsoaLadRecord } from "./parse";

export const lsoaLadImporter: Importer<LsoaLadRecord> = {
  source: "lsoa-lad",
  description: "ONS LSOA 2021 → ward → local authority district lookup",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_lsoa_lad",
    columns: [
      { name: "lsoa_code", type: "text" },
      { name: "ward_code", type: "text" },
      { name: "ward_name", type: "text" },
      { name: "lad_code", type: "text" },
      { name: "lad_name", type: "text" },
    ],
    toRow: (r) => ({
      lsoa_code: r.lsoaCode,
      ward_code: r.wardCode,
      ward_name: r.wardName,
      lad_code: r.ladCode,
      lad_name: r.ladName,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
