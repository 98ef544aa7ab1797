import { boundaryImporter } from "../shared/boundary-importer";
import { parser } from "./parse";

export const boundariesSicblImporter = boundaryImporter({
  source: "boundaries-sicbl",
  kind: "sicbl",
  description: "ONS simplified sub-ICB location boundaries, April 2023 (GeoJSON, WGS84)",
  parser,
});
