import { boundaryImporter } from "../shared/boundary-importer";
import { parser } from "./parse";

export const boundariesIcbImporter = boundaryImporter({
  source: "boundaries-icb",
  kind: "icb",
  description: "ONS simplified ICB boundaries, April 2023 (GeoJSON, WGS84)",
  parser,
});
