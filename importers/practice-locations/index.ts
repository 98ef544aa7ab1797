import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type PracticeLocationRecord } from "./parse";

export const practiceLocationsImporter: Importer<PracticeLocationRecord> = {
  source: "practice-locations",
  description: "GP practice locations geocoded to LSOA 2021, with PCN (derived from ONSPD)",
  parser,
  createLoader: replaceTableLoader({
    table: "ref_practice_locations",
    columns: [
      { name: "practice_code", type: "text" },
      { name: "practice_name", type: "text" },
      { name: "postcode", type: "text" },
      { name: "lat", type: "double precision" },
      { name: "lng", type: "double precision" },
      { name: "lsoa21_code", type: "text" },
      { name: "pcn_code", type: "text" },
      { name: "pcn_name", type: "text" },
      { name: "pcn_lat", type: "double precision" },
      { name: "pcn_lng", type: "double precision" },
      { name: "sicbl_code", type: "text" },
      { name: "sicbl_ods_code", type: "text" },
      { name: "icb_code", type: "text" },
      { name: "icb_ods_code", type: "text" },
    ],
    toRow: (r) => ({
      practice_code: r.practiceCode,
      practice_name: r.practiceName,
      postcode: r.postcode,
      lat: r.lat,
      lng: r.lng,
      lsoa21_code: r.lsoa21Code,
      pcn_code: r.pcnCode,
      pcn_name: r.pcnName,
      pcn_lat: r.pcnLat,
      pcn_lng: r.pcnLng,
      sicbl_code: r.sicblCode,
      sicbl_ods_code: r.sicblOdsCode,
      icb_code: r.icbCode,
      icb_ods_code: r.icbOdsCode,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
