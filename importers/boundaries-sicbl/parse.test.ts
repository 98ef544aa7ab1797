import { describe, expect, it } from "vitest";
import { parseBundled } from "../reference-data/read-bundled";
import { parser } from "./parse";

describe("boundaries-sicbl parser", () => {
  const parsed = parseBundled(parser, "boundaries/ons_sicbl_apr2023_en_bsc.geojson.gz");

  it("reads the 106 sub-ICB location polygons without an error", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(106);
  });

  it("reports a ring of bad positions", () => {
    if (parser.format !== "geojson") throw new Error("expected a GeoJSON parser");
    const result = parser.parseFeature(
      { type: "Feature", properties: { SICBL23CD: "E38000006", SICBL23NM: "x" }, geometry: { type: "Polygon", coordinates: [[[400000, 300000]]] } },
      0,
    );
    expect(result.kind === "error" && result.errors.map((e) => e.column)).toEqual(["geometry"]);
  });
});
