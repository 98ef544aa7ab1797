import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { areaLinks, areas, customPlaceMembers, customPlaces, icbPlaceSchemes, practices, refBoundaries } from "../../../db/schema/index";
import { type Geometry, type ProjectedMap, projectMap } from "../../domain/maps/projection";

export type AreaSummary = {
  code: string;
  name: string;
  level: string;
  odsCode: string | null;
  icbCode: string | null;
  residentPopulation: number | null;
  registeredPopulation: number | null;
  registeredAdults: number | null;
  imdScore: number | null;
  imdVintage: string | null;
  imdDecile: number | null;
};

const summaryColumns = {
  code: areas.code,
  name: areas.name,
  level: areas.level,
  odsCode: areas.odsCode,
  icbCode: areas.icbCode,
  residentPopulation: areas.residentPopulation,
  registeredPopulation: areas.registeredPopulation,
  registeredAdults: areas.registeredAdults,
  imdScore: areas.imdScore,
  imdVintage: areas.imdVintage,
  imdDecile: areas.imdDecile,
};

/** ICBs, optionally filtered by a search on name, ONS code or ODS code. */
export async function listIcbs({ db, search }: { db: Queryable; search?: string }): Promise<AreaSummary[]> {
  const q = search?.trim();
  const filter = q
    ? and(eq(areas.level, "icb"), or(ilike(areas.name, `%${q.replace(/[%_\\]/g, "\\$&")}%`), eq(sql`upper(${areas.code})`, q.toUpperCase()), eq(sql`upper(${areas.odsCode})`, q.toUpperCase())))
    : eq(areas.level, "icb");
  return db.select(summaryColumns).from(areas).where(filter).orderBy(asc(areas.name));
}

/** Finds an area of a level by its ONS code or, where it has one, its ODS code. */
export async function findArea({ db, level, code }: { db: Queryable; level: string; code: string }): Promise<AreaSummary | null> {
  const upper = code.toUpperCase();
  const [row] = await db
    .select(summaryColumns)
    .from(areas)
    .where(and(eq(areas.level, level), or(eq(areas.code, upper), eq(areas.odsCode, upper), eq(areas.code, code))))
    .limit(1);
  return row ?? null;
}

export type PlaceMembership = { pcnCode: string; placeCode: string; share: number };

/**
 * Which places an ICB's neighbourhoods roll up to: its own places (groups of PCNs)
 * when it has defined them, otherwise the default upper-tier authority places with
 * each PCN split by its practices' registered lists. Every roll-up uses this.
 */
export async function placeMembership({ db, icbCode }: { db: Queryable; icbCode: string }): Promise<{ scheme: "default" | "custom"; members: PlaceMembership[] }> {
  const [scheme] = await db.select().from(icbPlaceSchemes).where(eq(icbPlaceSchemes.icbCode, icbCode));
  if (scheme?.scheme === "custom") {
    const members = await db
      .select({ pcnCode: customPlaceMembers.pcnCode, placeCode: customPlaceMembers.placeCode })
      .from(customPlaceMembers)
      .innerJoin(customPlaces, eq(customPlaces.code, customPlaceMembers.placeCode))
      .where(and(eq(customPlaces.icbCode, icbCode), eq(customPlaces.active, true)));
    return { scheme: "custom", members: members.map((m) => ({ ...m, share: 1 })) };
  }
  const members = await db
    .select({ pcnCode: areaLinks.childCode, placeCode: areaLinks.parentCode, share: areaLinks.share })
    .from(areaLinks)
    .innerJoin(areas, eq(areas.code, areaLinks.childCode))
    .where(and(eq(areaLinks.relation, "neighbourhood-place"), eq(areas.icbCode, icbCode)));
  return { scheme: "default", members };
}

export type PlaceRow = AreaSummary & {
  custom: boolean;
  subIcbs: { code: string; name: string; share: number }[];
  neighbourhoodCount: number;
  utlaCode: string | null;
};

export type NeighbourhoodRow = AreaSummary & {
  places: { code: string; name: string; share: number }[];
  lat: number | null;
  lng: number | null;
};

export type IcbOverview = {
  icb: AreaSummary;
  scheme: "default" | "custom";
  places: PlaceRow[];
  neighbourhoods: NeighbourhoodRow[];
  subIcbs: AreaSummary[];
  /** Places (default scheme only: custom places have no boundaries) and PCN points, projected for an SVG. */
  map: ProjectedMap;
};

/** Everything the ICB page shows: its places (under its own scheme), neighbourhoods, sub-ICBs and map shapes. */
export async function getIcbOverview({ db, code }: { db: Queryable; code: string }): Promise<IcbOverview | null> {
  const icb = await findArea({ db, level: "icb", code });
  if (!icb) return null;
  const [{ scheme, members }, neighbourhoods, subIcbs, defaultPlaces] = await Promise.all([
    placeMembership({ db, icbCode: icb.code }),
    db.select({ ...summaryColumns, lat: areas.lat, lng: areas.lng }).from(areas).where(and(eq(areas.level, "neighbourhood"), eq(areas.icbCode, icb.code))).orderBy(asc(areas.name)),
    db.select(summaryColumns).from(areas).where(and(eq(areas.level, "sub-icb"), eq(areas.icbCode, icb.code))).orderBy(asc(areas.name)),
    db.select({ ...summaryColumns, details: areas.details }).from(areas).where(and(eq(areas.level, "place"), eq(areas.icbCode, icb.code))).orderBy(asc(areas.name)),
  ]);
  const utlaCodes = defaultPlaces.map((p) => (p.details as { utlaCode?: string } | null)?.utlaCode).filter((c): c is string => Boolean(c));
  const boundaries = await db
    .select({ code: refBoundaries.code, kind: refBoundaries.kind, geometry: refBoundaries.geometry })
    .from(refBoundaries)
    .where(or(and(eq(refBoundaries.kind, "icb"), eq(refBoundaries.code, icb.code)), and(eq(refBoundaries.kind, "ctyua"), inArray(refBoundaries.code, utlaCodes.concat([""])))));
  const byCode = new Map(neighbourhoods.map((n) => [n.code, n]));

  let places: PlaceRow[];
  if (scheme === "custom") {
    const defs = await db.select().from(customPlaces).where(and(eq(customPlaces.icbCode, icb.code), eq(customPlaces.active, true))).orderBy(asc(customPlaces.name));
    places = defs.map((d) => {
      const pcns = members.filter((m) => m.placeCode === d.code).map((m) => byCode.get(m.pcnCode)).filter((n): n is NonNullable<typeof n> => Boolean(n));
      return { ...aggregateRegistered(d.code, d.name, icb.code, pcns), custom: true, subIcbs: [], neighbourhoodCount: pcns.length, utlaCode: null };
    });
  } else {
    const links = await db.select().from(areaLinks).where(and(eq(areaLinks.relation, "place-sub-icb"), inArray(areaLinks.childCode, defaultPlaces.map((p) => p.code).concat([""]))));
    const subNames = new Map(subIcbs.map((s) => [s.code, s.name]));
    places = defaultPlaces.map(({ details, ...p }) => ({
      ...p,
      custom: false,
      utlaCode: (details as { utlaCode?: string } | null)?.utlaCode ?? null,
      subIcbs: links.filter((l) => l.childCode === p.code).map((l) => ({ code: l.parentCode, name: subNames.get(l.parentCode) ?? l.parentCode, share: l.share })).sort((a, b) => b.share - a.share),
      neighbourhoodCount: new Set(members.filter((m) => m.placeCode === p.code).map((m) => m.pcnCode)).size,
    }));
  }
  const placeNames = new Map(places.map((p) => [p.code, p.name]));
  const ctyua = new Map(boundaries.filter((b) => b.kind === "ctyua").map((b) => [b.code, b.geometry as Geometry]));
  return {
    icb,
    scheme,
    places,
    subIcbs,
    neighbourhoods: neighbourhoods.map((n) => ({
      ...n,
      places: members
        .filter((m) => m.pcnCode === n.code)
        .map((m) => ({ code: m.placeCode, name: placeNames.get(m.placeCode) ?? m.placeCode, share: m.share }))
        .sort((a, b) => b.share - a.share),
    })),
    map: projectMap({
      width: 640,
      height: 520,
      outline: (boundaries.find((b) => b.kind === "icb")?.geometry as Geometry | undefined) ?? null,
      shapes: scheme === "default" ? places.filter((p) => p.utlaCode && ctyua.has(p.utlaCode)).map((p) => ({ code: p.code, geometry: ctyua.get(p.utlaCode!)! })) : [],
      points: neighbourhoods.filter((n) => n.lat !== null && n.lng !== null).map((n) => ({ code: n.code, lat: n.lat!, lng: n.lng! })),
    }),
  };
}

/** A group of neighbourhoods as one area: registered lists summed, IMD 2019 weighted by list. */
function aggregateRegistered(code: string, name: string, icbCode: string, pcns: AreaSummary[]): AreaSummary {
  const registered = pcns.reduce((s, p) => s + (p.registeredPopulation ?? 0), 0);
  const adults = pcns.reduce((s, p) => s + (p.registeredAdults ?? 0), 0);
  const weighted = pcns.filter((p) => p.imdScore !== null && p.registeredPopulation);
  const weight = weighted.reduce((s, p) => s + p.registeredPopulation!, 0);
  return {
    code,
    name,
    level: "place",
    odsCode: null,
    icbCode,
    residentPopulation: null,
    registeredPopulation: registered,
    registeredAdults: adults,
    imdScore: weight > 0 ? weighted.reduce((s, p) => s + p.imdScore! * p.registeredPopulation!, 0) / weight : null,
    imdVintage: "IMD 2019",
    imdDecile: null,
  };
}

export type PlaceDetail = {
  place: AreaSummary;
  icb: AreaSummary;
  custom: boolean;
  neighbourhoods: (AreaSummary & { share: number })[];
  subIcbs: { code: string; name: string; share: number }[];
  details: Record<string, unknown> | null;
};

export async function getPlace({ db, code }: { db: Queryable; code: string }): Promise<PlaceDetail | null> {
  const [place] = await db.select({ ...summaryColumns, details: areas.details, source: areas.source }).from(areas).where(and(eq(areas.level, "place"), eq(areas.code, code)));
  const custom = !place ? (await db.select().from(customPlaces).where(eq(customPlaces.code, code)))[0] : null;
  if (!place && !custom) return null;
  const icbCode = place?.icbCode ?? custom!.icbCode;
  const icb = await findArea({ db, level: "icb", code: icbCode });
  if (!icb) return null;
  const { members } = await placeMembership({ db, icbCode });
  const mine = members.filter((m) => m.placeCode === code);
  const pcns = mine.length ? await db.select(summaryColumns).from(areas).where(inArray(areas.code, mine.map((m) => m.pcnCode))).orderBy(asc(areas.name)) : [];
  const shares = new Map(mine.map((m) => [m.pcnCode, m.share]));
  const neighbourhoods = pcns.map((p) => ({ ...p, share: shares.get(p.code) ?? 0 }));
  let subIcbs: PlaceDetail["subIcbs"] = [];
  if (place) {
    subIcbs = await db
      .select({ code: areaLinks.parentCode, name: areas.name, share: areaLinks.share })
      .from(areaLinks)
      .innerJoin(areas, eq(areas.code, areaLinks.parentCode))
      .where(and(eq(areaLinks.relation, "place-sub-icb"), eq(areaLinks.childCode, code)));
  }
  const summary: AreaSummary = place ? { ...place } : aggregateRegistered(custom!.code, custom!.name, icbCode, pcns);
  return { place: summary, icb, custom: Boolean(custom), neighbourhoods, subIcbs, details: place?.details ?? null };
}

export type NeighbourhoodDetail = {
  neighbourhood: AreaSummary & { lat: number | null; lng: number | null };
  icb: AreaSummary;
  places: { code: string; name: string; share: number }[];
  practices: { code: string; name: string; listTotal: number | null; listAdults: number | null; placeCode: string | null; lat: number | null; lng: number | null }[];
};

export async function getNeighbourhood({ db, code }: { db: Queryable; code: string }): Promise<NeighbourhoodDetail | null> {
  const [n] = await db.select({ ...summaryColumns, lat: areas.lat, lng: areas.lng }).from(areas).where(and(eq(areas.level, "neighbourhood"), eq(areas.code, code.toUpperCase())));
  if (!n?.icbCode) return null;
  const icb = await findArea({ db, level: "icb", code: n.icbCode });
  if (!icb) return null;
  const [{ members }, prs] = await Promise.all([
    placeMembership({ db, icbCode: n.icbCode }),
    db.select({ code: practices.code, name: practices.name, listTotal: practices.listTotal, listAdults: practices.listAdults, placeCode: practices.placeCode, lat: practices.lat, lng: practices.lng }).from(practices).where(eq(practices.pcnCode, n.code)).orderBy(asc(practices.name)),
  ]);
  const mine = members.filter((m) => m.pcnCode === n.code);
  const names = mine.length ? await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, mine.map((m) => m.placeCode))) : [];
  const customNames = mine.length ? await db.select({ code: customPlaces.code, name: customPlaces.name }).from(customPlaces).where(inArray(customPlaces.code, mine.map((m) => m.placeCode))) : [];
  const nameOf = new Map([...names, ...customNames].map((r) => [r.code, r.name]));
  return {
    neighbourhood: n,
    icb,
    places: mine.map((m) => ({ code: m.placeCode, name: nameOf.get(m.placeCode) ?? m.placeCode, share: m.share })).sort((a, b) => b.share - a.share),
    practices: prs,
  };
}
