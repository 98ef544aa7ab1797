import { replaceTableLoader } from "../shared/replace-table";
import type { Importer } from "../shared/importer";
import { rebuildGeographyAfterLoad } from "../shared/geography-hook";
import { parser, type IcbBoundaryRecord } from "./parse";

export const boundariesIcbImporter: Importer<IcbBoundaryRecord> = {
  source: "boundaries-icb",
  description: "ONS simplified ICB boundaries, April 2023 (GeoJSON, WGS84)",
  parser,
  batchSize: 50,
  createLoader: replaceTableLoader({
    table: "ref_boundaries",
    where: "kind = 'icb'",
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
      kind: "icb",
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
