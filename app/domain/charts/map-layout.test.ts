import { describe, expect, it } from "vitest";
import type { Geometry } from "../maps/projection";
import { projectChoropleth } from "./map-layout";

// Two squares side by side near Manchester, wound anticlockwise as RFC 7946 GeoJSON is.
const square = (lng: number, lat: number, size = 0.1): Geometry => ({
  type: "Polygon",
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

describe("categorised map projection", () => {
  it("fits the outline to the frame and draws each area and point inside it", () => {
    const map = projectChoropleth({
      width: 400,
      height: 300,
      outline: square(-2.4, 53.4, 0.2),
      shapes: [
        { code: "A", geometry: square(-2.4, 53.4) },
        { code: "B", geometry: square(-2.3, 53.4) },
      ],
      points: [{ code: "P", lat: 53.45, lng: -2.35 }],
    })!;
    expect(map.outline).toMatch(/^M/);
    expect(map.shapes.map((s) => s.code)).toEqual(["A", "B"]);
    for (const s of map.shapes) expect(s.d.length).toBeGreaterThan(10);
    const [a, b] = map.shapes.map((s) => s.label!);
    expect(a.x).toBeLessThan(b.x);
    expect(Math.abs(a.y - b.y)).toBeLessThanOrEqual(1);
    const [p] = map.points;
    expect(p.x).toBeGreaterThan(12);
    expect(p.x).toBeLessThan(388);
    expect(p.y).toBeGreaterThan(12);
    expect(p.y).toBeLessThan(288);
  });

  it.each([
    ["two points", [{ code: "P", lat: 53.4, lng: -2.3 }, { code: "Q", lat: 51.5, lng: -0.1 }]],
    ["one point", [{ code: "P", lat: 53.4, lng: -2.3 }]],
  ])("frames %s when there are no areas to draw", (_, points) => {
    const map = projectChoropleth({ width: 400, height: 300, outline: null, shapes: [], points })!;
    for (const p of map.points) {
      expect(p.x).toBeGreaterThanOrEqual(11.9);
      expect(p.x).toBeLessThanOrEqual(388.1);
    }
  });

  it("has nothing to draw without areas or points", () => {
    expect(projectChoropleth({ width: 400, height: 300, outline: null, shapes: [], points: [] })).toBeNull();
  });
});
