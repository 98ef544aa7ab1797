import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type QofPrevalenceRecord } from "./parse";

export const qofPrevalenceImporter: Importer<QofPrevalenceRecord> = {
  source: "qof-prevalence",
  description: "QOF practice disease registers and list sizes (total, 18+ and other age lists)",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_qof_prevalence",
    columns: [
      { name: "practice_code", type: "text" },
      { name: "group_code", type: "text" },
      { name: "list_type", type: "text" },
      { name: "register", type: "integer" },
      { name: "list_size", type: "integer" },
    ],
    toRow: (r) => ({
      practice_code: r.practiceCode,
      group_code: r.groupCode,
      list_type: r.listType,
      register: r.register,
      list_size: r.listSize,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
