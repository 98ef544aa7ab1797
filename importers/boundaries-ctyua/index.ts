import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type CtyuaBoundaryRecord } from "./parse";

export const boundariesCtyuaImporter: Importer<CtyuaBoundaryRecord> = {
  source: "boundaries-ctyua",
  description: "ONS simplified county and unitary authority boundaries, December 2023 (GeoJSON, WGS84)",
  parser,
  batchSize: 50,
  createLoader: replaceTableLoader({
    table: "ref_boundaries",
    where: "kind = 'ctyua'",
    columns: [
      { name: "kind", type: "text" },
      { name: "code", type: "text" },
      { name: "name", type: "text" },
      { name: "vintage", type: "text" },
      { name: "label_lat", type: "double precision" },
      { name: "label_lng", type: "double precision" },
      { name: "geometry", type: "jsonb" },
    ],
    toRow: (r) => ({
      kind: "ctyua",
      code: r.code,
      name: r.name,
      vintage: r.vintage,
      label_lat: r.labelPoint?.lat ?? null,
      label_lng: r.labelPoint?.lng ?? null,
      geometry: r.geometry,
    }),
    afterLoad: rebuildGeographyAfterLoad,
  }),
};
