import type { BoundaryRecord } from "../reference-data/boundary-parser";
import { rebuildGeographyAfterLoad } from "./geography-hook";
import type { Importer } from "./importer";
import { replaceTableLoader } from "./replace-table";
import type { SourceParser } from "./types";

/**
 * Every boundary file loads the same way: its features replace the boundaries of
 * its kind (icb, sicbl, ctyua, …) in ref_boundaries.
 */
export function boundaryImporter(options: { source: string; kind: string; description: string; parser: SourceParser<BoundaryRecord> }): Importer<BoundaryRecord> {
  return {
    source: options.source,
    description: options.description,
    parser: options.parser,
    batchSize: 50,
    createLoader: replaceTableLoader({
      table: "ref_boundaries",
      where: `kind = '${options.kind.replace(/'/g, "''")}'`,
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
        kind: options.kind,
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
}
