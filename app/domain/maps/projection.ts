// d3-geo is pure spherical maths (no I/O, no DOM), so it is allowed in the domain.
import { geoArea, geoMercator, geoPath } from "d3-geo";
import type { GeoPermissibleObjects } from "d3-geo";

export type Geometry = { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };
export type MapShape = { code: string; geometry: Geometry };
export type MapPoint = { code: string; lat: number; lng: number };

const feature = (geometry: Geometry) => ({ type: "Feature" as const, properties: {}, geometry });

/**
 * d3-geo works on the sphere and wants exterior rings clockwise; GeoJSON from ONS
 * follows RFC 7946 (anticlockwise). A polygon wound the "wrong" way covers the whole
 * globe except itself, which d3 reports as an area over a hemisphere: reverse it.
 */
export function rewindForD3(geometry: Geometry): Geometry {
  const fix = (rings: number[][][]) => {
    const polygon = { type: "Polygon" as const, coordinates: rings };
    return geoArea(polygon as GeoPermissibleObjects) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  };
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: fix(geometry.coordinates) };
  return { type: "MultiPolygon", coordinates: geometry.coordinates.map(fix) };
}

export type ProjectedMap = {
  width: number;
  height: number;
  shapes: { code: string; d: string }[];
  outline: string | null;
  points: { code: string; x: number; y: number }[];
};

/**
 * Projects shapes and points into an SVG box: Mercator fitted to the outline (or the
 * shapes), paths rounded to 0.1 px so the HTML stays small.
 */
export function projectMap({
  shapes,
  outline,
  points,
  width,
  height,
}: {
  shapes: MapShape[];
  outline?: Geometry | null;
  points: MapPoint[];
  width: number;
  height: number;
}): ProjectedMap {
  const wound = shapes.map((s) => ({ code: s.code, geometry: rewindForD3(s.geometry) }));
  const woundOutline = outline ? rewindForD3(outline) : null;
  const fitTo = woundOutline
    ? feature(woundOutline)
    : { type: "FeatureCollection" as const, features: wound.map((s) => feature(s.geometry)) };
  const projection = geoMercator().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    fitTo as GeoPermissibleObjects,
  );
  const path = geoPath(projection).digits(1);
  return {
    width,
    height,
    shapes: wound.map((s) => ({ code: s.code, d: path(feature(s.geometry) as GeoPermissibleObjects) ?? "" })),
    outline: woundOutline ? (path(feature(woundOutline) as GeoPermissibleObjects) ?? null) : null,
    points: points
      .map((p) => {
        const xy = projection([p.lng, p.lat]);
        return xy ? { code: p.code, x: Math.round(xy[0] * 10) / 10, y: Math.round(xy[1] * 10) / 10 } : null;
      })
      .filter((p): p is { code: string; x: number; y: number } => p !== null),
  };
}
