/**
 * One GeoJSON parser for the ONS boundary files (ICB, sub-ICB location, county/unitary).
 *
 * ONS names the code and name properties after the vintage (ICB23CD, ICB24CD, …), so
 * the parser finds them by pattern: a later vintage of the same boundaries loads with
 * the same command. Coordinates must be WGS84 longitude/latitude pairs (the files are
 * EPSG:4326); a British National Grid file would fail here rather than draw nowhere.
 */
import type { CodePattern } from "../../app/domain/geography/codes";
import type { GeoJsonParser, RowResult } from "../shared/types";

export type Position = [number, number];
export type BoundaryGeometry =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };

export type BoundaryRecord = {
  code: string;
  name: string;
  /** Two-digit year of the boundary vintage, from the property names (e.g. "23"). */
  vintage: string;
  /** ONS label point (LAT/LONG properties), when the file gives one. */
  labelPoint: { lat: number; lng: number } | null;
  geometry: BoundaryGeometry;
};

type Options = {
  /** Property prefix, e.g. "ICB" for ICB23CD / ICB23NM. */
  prefix: string;
  pattern: CodePattern;
  /** Features whose code matches this are out of scope and skipped with `skipReason`. */
  skip?: { pattern: RegExp; reason: string };
};

function validRing(ring: unknown): ring is Position[] {
  if (!Array.isArray(ring) || ring.length < 4) return false;
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2) return false;
    const [lng, lat] = p;
    if (typeof lng !== "number" || typeof lat !== "number" || !(Math.abs(lng) <= 180) || !(Math.abs(lat) <= 90)) return false;
  }
  return true;
}

function validGeometry(geometry: unknown): string | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== "object") return "missing geometry";
  if (g.type === "Polygon") {
    return Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(validRing)
      ? null
      : "Polygon coordinates must be rings of at least 4 [longitude, latitude] positions";
  }
  if (g.type === "MultiPolygon") {
    return Array.isArray(g.coordinates) &&
      g.coordinates.length > 0 &&
      g.coordinates.every((poly) => Array.isArray(poly) && poly.length > 0 && poly.every(validRing))
      ? null
      : "MultiPolygon coordinates must be polygons of rings of at least 4 [longitude, latitude] positions";
  }
  return `geometry type must be Polygon or MultiPolygon, found ${JSON.stringify(g.type ?? null)}`;
}

export function boundaryParser({ prefix, pattern, skip }: Options): GeoJsonParser<BoundaryRecord> {
  const codeKey = new RegExp(`^${prefix}(\\d{2})CD$`);
  return {
    format: "geojson",
    parseFeature(feature): RowResult<BoundaryRecord> {
      const props = feature.properties ?? {};
      const codeProp = Object.keys(props).find((k) => codeKey.test(k));
      if (!codeProp) return { kind: "error", errors: [{ column: `${prefix}yyCD`, message: `no ${prefix}yyCD code property` }] };
      const vintage = codeKey.exec(codeProp)![1];
      const nameProp = `${prefix}${vintage}NM`;
      const code = String(props[codeProp] ?? "").trim();
      if (skip?.pattern.test(code)) return { kind: "skip", reason: skip.reason };
      const errors: { column?: string; message: string }[] = [];
      if (!pattern.pattern.test(code)) errors.push({ column: codeProp, message: `not a valid ${pattern.label}: ${JSON.stringify(code)}` });
      const name = typeof props[nameProp] === "string" ? (props[nameProp] as string).trim() : "";
      if (!name) errors.push({ column: nameProp, message: "missing value" });
      const geometryProblem = validGeometry(feature.geometry);
      if (geometryProblem) errors.push({ column: "geometry", message: geometryProblem });
      if (errors.length) return { kind: "error", errors };
      const lat = props.LAT;
      const lng = props.LONG;
      return {
        kind: "ok",
        record: {
          code,
          name,
          vintage,
          labelPoint: typeof lat === "number" && typeof lng === "number" ? { lat, lng } : null,
          geometry: feature.geometry as BoundaryGeometry,
        },
      };
    },
    key: (r) => r.code,
  };
}
