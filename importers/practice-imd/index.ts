import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type PracticeImdRecord } from "./parse";

export const practiceImdImporter: Importer<PracticeImdRecord> = {
  source: "practice-imd",
  description: "OHID Fingertips 93553 GP practice deprivation score",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_practice_imd",
    columns: [
      { name: "practice_code", type: "text" },
      { name: "practice_name", type: "text" },
      { name: "imd_year", type: "integer" },
      { name: "imd_score", type: "double precision" },
      { name: "is_current", type: "integer" },
    ],
    toRow: (r) => ({
      practice_code: r.practiceCode,
      practice_name: r.practiceName,
      imd_year: r.imdYear,
      imd_score: r.imdScore,
      is_current: r.isCurrent ? 1 : 0,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
