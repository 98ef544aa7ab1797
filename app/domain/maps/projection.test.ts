import { describe, expect, it } from "vitest";
import { type Geometry, projectMap, rewindForD3 } from "./projection";

// A 1° square near Manchester, exterior ring anticlockwise as RFC 7946 writes it.
const square: Geometry = {
  type: "Polygon",
  coordinates: [
    [
      [-2.5, 53.0],
      [-1.5, 53.0],
      [-1.5, 54.0],
      [-2.5, 54.0],
      [-2.5, 53.0],
    ],
  ],
};

describe("map projection", () => {
  it("rewinds an anticlockwise ring so d3 draws the shape, not the rest of the globe", () => {
    const wound = rewindForD3(square) as { coordinates: number[][][] };
    expect(wound.coordinates[0][1]).toEqual([-2.5, 54.0]);
    // Rewinding twice is stable: an already clockwise ring is left alone.
    expect(rewindForD3(wound as Geometry)).toEqual(wound);
  });

  it("fits the shapes into the box and places points inside them", () => {
    const map = projectMap({ shapes: [{ code: "A", geometry: square }], points: [{ code: "P", lat: 53.5, lng: -2.0 }], width: 400, height: 400 });
    expect(map.shapes[0].d).toMatch(/^M[\d.]+,[\d.]+L/);
    const numbers = map.shapes[0].d.match(/[\d.]+/g)!.map(Number);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(400);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    const [p] = map.points;
    expect(p.x).toBeGreaterThan(150);
    expect(p.x).toBeLessThan(250);
    expect(p.y).toBeGreaterThan(150);
    expect(p.y).toBeLessThan(250);
  });
});
