import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type PcnImdRecord } from "./parse";

export const pcnImdImporter: Importer<PcnImdRecord> = {
  source: "pcn-imd",
  description: "PCN IMD 2019 score weighted by registered patients (derived)",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_pcn_imd",
    columns: [
      { name: "pcn_code", type: "text" },
      { name: "pcn_name", type: "text" },
      { name: "postcode", type: "text" },
      { name: "sicbl_ods_code", type: "text" },
      { name: "imd2019_score", type: "double precision" },
      { name: "file_decile", type: "integer" },
    ],
    toRow: (r) => ({
      pcn_code: r.pcnCode,
      pcn_name: r.pcnName,
      postcode: r.postcode,
      sicbl_ods_code: r.sicblOdsCode,
      imd2019_score: r.imd2019Score,
      file_decile: r.fileDecile,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
