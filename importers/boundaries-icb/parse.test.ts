import { describe, expect, it } from "vitest";
import { parseBundled } from "../reference-data/read-bundled";
import { parser } from "./parse";

describe("boundaries-icb parser", () => {
  const parsed = parseBundled(parser, "boundaries/ons_icb_apr2023_en_bsc.geojson.gz");

  it("reads the 42 ICB polygons of April 2023 without an error", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(42);
    expect(parsed.records.every((r) => r.vintage === "23" && r.labelPoint !== null)).toBe(true);
  });

  it("reports a bad code, a missing name and a non-polygon geometry by property", () => {
    if (parser.format !== "geojson") throw new Error("expected a GeoJSON parser");
    const result = parser.parseFeature(
      { type: "Feature", properties: { ICB23CD: "E38000006", ICB23NM: "" }, geometry: { type: "Point", coordinates: [0, 51] } },
      0,
    );
    expect(result).toEqual({
      kind: "error",
      errors: [
        { column: "ICB23CD", message: 'not a valid ICB code (E54 and 6 digits): "E38000006"' },
        { column: "ICB23NM", message: "missing value" },
        { column: "geometry", message: 'geometry type must be Polygon or MultiPolygon, found "Point"' },
      ],
    });
  });

  it("accepts a later vintage's property names", () => {
    if (parser.format !== "geojson") throw new Error("expected a GeoJSON parser");
    const square = [[[0, 51], [0, 52], [1, 52], [0, 51]]];
    const result = parser.parseFeature({ type: "Feature", properties: { ICB24CD: "E54000057", ICB24NM: "NHS Greater Manchester ICB" }, geometry: { type: "Polygon", coordinates: square } }, 0);
    expect(result.kind === "ok" && result.record.vintage).toBe("24");
  });
});
