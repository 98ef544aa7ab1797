import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type QofMappingRecord } from "./parse";

export const qofMappingImporter: Importer<QofMappingRecord> = {
  source: "qof-mapping",
  description: "QOF practice → PCN → sub-ICB → ICB → region mapping",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_qof_mapping",
    columns: [
      { name: "practice_code", type: "text" },
      { name: "practice_name", type: "text" },
      { name: "pcn_code", type: "text" },
      { name: "pcn_name", type: "text" },
      { name: "sicbl_ods_code", type: "text" },
      { name: "sicbl_code", type: "text" },
      { name: "sicbl_name", type: "text" },
      { name: "icb_ods_code", type: "text" },
      { name: "icb_code", type: "text" },
      { name: "icb_name", type: "text" },
      { name: "region_ods_code", type: "text" },
      { name: "region_code", type: "text" },
      { name: "region_name", type: "text" },
    ],
    toRow: (r) => ({
      practice_code: r.practiceCode,
      practice_name: r.practiceName,
      pcn_code: r.pcnCode,
      pcn_name: r.pcnName,
      sicbl_ods_code: r.sicblOdsCode,
      sicbl_code: r.sicblCode,
      sicbl_name: r.sicblName,
      icb_ods_code: r.icbOdsCode,
      icb_code: r.icbCode,
      icb_name: r.icbName,
      region_ods_code: r.regionOdsCode,
      region_code: r.regionCode,
      region_name: r.regionName,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
