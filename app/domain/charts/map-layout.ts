/**
 * Projects a categorised map for an SVG on the server: areas to colour, grey areas
 * for context, an outline that clips them (an authority split between ICBs reaches
 * beyond the ICB) and points for areas with no official boundary (PCNs). Fitted to
 * the outline, else to the areas, else to the points, so that a set of peers spread
 * across England still fills the frame.
 */
// d3-geo is pure spherical maths (no I/O, no DOM), so it is allowed in the domain.
import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { type Geometry, rewindForD3 } from "../maps/projection";

export type ChoroplethInput = {
  width: number;
  height: number;
  outline: Geometry | null;
  shapes: { code: string; geometry: Geometry }[];
  background?: { code: string; geometry: Geometry }[];
  points: { code: string; lat: number; lng: number }[];
};

export type ChoroplethGeometry = {
  width: number;
  height: number;
  outline: string | null;
  /** Each area's path and where its name goes (the centre of its largest part). */
  shapes: { code: string; d: string; label: { x: number; y: number } | null }[];
  background: { code: string; d: string }[];
  points: { code: string; x: number; y: number }[];
};

const feature = (geometry: Geometry) => ({ type: "Feature" as const, properties: {}, geometry });

export function projectChoropleth({ width, height, outline, shapes, background = [], points }: ChoroplethInput): ChoroplethGeometry | null {
  const wound = shapes.map((s) => ({ code: s.code, geometry: rewindForD3(s.geometry) }));
  const grey = background.map((s) => ({ code: s.code, geometry: rewindForD3(s.geometry) }));
  const woundOutline = outline ? rewindForD3(outline) : null;
  let fitTo: unknown;
  if (woundOutline) fitTo = feature(woundOutline);
  else if (wound.length) fitTo = { type: "FeatureCollection", features: wound.map((s) => feature(s.geometry)) };
  else if (grey.length) fitTo = { type: "FeatureCollection", features: grey.map((s) => feature(s.geometry)) };
  else if (points.length > 1) fitTo = { type: "MultiPoint", coordinates: points.map((p) => [p.lng, p.lat]) };
  else if (points.length === 1) {
    // One point alone has no extent: frame about 20 km around it.
    const [p] = points;
    fitTo = { type: "MultiPoint", coordinates: [[p.lng - 0.15, p.lat - 0.1], [p.lng + 0.15, p.lat + 0.1]] };
  } else return null;
  const pad = 12;
  const projection = geoMercator().fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    fitTo as GeoPermissibleObjects,
  );
  const path = geoPath(projection).digits(1);
  const draw = (list: { code: string; geometry: Geometry }[]) => list.map((s) => ({ code: s.code, d: path(feature(s.geometry) as GeoPermissibleObjects) ?? "" }));
  const labelOf = (geometry: Geometry) => {
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let best: { area: number; at: [number, number] } | null = null;
    for (const rings of parts) {
      const part = feature({ type: "Polygon", coordinates: rings }) as GeoPermissibleObjects;
      const area = path.area(part);
      if (!best || area > best.area) best = { area, at: path.centroid(part) as [number, number] };
    }
    return best && Number.isFinite(best.at[0]) ? { x: Math.round(best.at[0]), y: Math.round(best.at[1]) } : null;
  };
  return {
    width,
    height,
    outline: woundOutline ? (path(feature(woundOutline) as GeoPermissibleObjects) ?? null) : null,
    shapes: draw(wound).map((d, i) => ({ ...d, label: labelOf(wound[i].geometry) })),
    background: draw(grey),
    points: points
      .map((p) => {
        const xy = projection([p.lng, p.lat]);
        return xy ? { code: p.code, x: Math.round(xy[0] * 10) / 10, y: Math.round(xy[1] * 10) / 10 } : null;
      })
      .filter((p): p is { code: string; x: number; y: number } => p !== null),
  };
}
