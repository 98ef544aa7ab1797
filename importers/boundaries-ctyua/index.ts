import { boundaryImporter } from "../shared/boundary-importer";
import { parser } from "./parse";

export const boundariesCtyuaImporter = boundaryImporter({
  source: "boundaries-ctyua",
  kind: "ctyua",
  description: "ONS simplified county and unitary authority boundaries, December 2023 (GeoJSON, WGS84)",
  parser,
});
