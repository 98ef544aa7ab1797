import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type LadUtlaRecord } from "./parse";

export const ladUtlaImporter: Importer<LadUtlaRecord> = {
  source: "lad-utla",
  description: "ONS lower-tier → upper-tier local authority lookup",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_lad_utla",
    columns: [
      { name: "lad_code", type: "text" },
      { name: "lad_name", type: "text" },
      { name: "utla_code", type: "text" },
      { name: "utla_name", type: "text" },
    ],
    toRow: (r) => ({
      lad_code: r.ladCode,
      lad_name: r.ladName,
      utla_code: r.utlaCode,
      utla_name: r.utlaName,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
