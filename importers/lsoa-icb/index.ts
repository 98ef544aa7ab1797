import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type LsoaIcbRecord } from "./parse";

export const lsoaIcbImporter: Importer<LsoaIcbRecord> = {
  source: "lsoa-icb",
  description: "ONS LSOA 2021 → sub-ICB location → ICB lookup",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_lsoa_icb",
    columns: [
      { name: "lsoa_code", type: "text" },
      { name: "lsoa_name", type: "text" },
      { name: "sicbl_code", type: "text" },
      { name: "sicbl_ods_code", type: "text" },
      { name: "sicbl_name", type: "text" },
      { name: "icb_code", type: "text" },
      { name: "icb_ods_code", type: "text" },
      { name: "icb_name", type: "text" },
    ],
    toRow: (r) => ({
      lsoa_code: r.lsoaCode,
      lsoa_name: r.lsoaName,
      sicbl_code: r.sicblCode,
      sicbl_ods_code: r.sicblOdsCode,
      sicbl_name: r.sicblName,
      icb_code: r.icbCode,
      icb_ods_code: r.icbOdsCode,
      icb_name: r.icbName,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
