import { boundaryImporter } from "../shared/boundary-importer";
import { parser } from "./parse";

export const boundariesLadImporter = boundaryImporter({
  source: "boundaries-lad",
  kind: "lad",
  description: "ONS simplified local authority district boundaries, May 2024 (GeoJSON, WGS84)",
  parser,
});
