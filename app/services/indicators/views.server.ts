/**
 * The indicator views commissioners and strategists read: an area's profile, one
 * indicator across an ICB's places, neighbourhoods or local authorities (with funnel
 * and map), inequality by deprivation and trends. Built on the indicator engine
 * (query.server.ts): its figures and England comparisons are used as they are; the
 * queries here only add what the engine has no call for (every indicator of one area,
 * spine ranges, benchmark figures, deprivation groups, boundaries), each aggregated
 * in SQL, never one query per row.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { areas, customPlaces, icbPlaceSchemes, importRuns, indicators, indicatorValues, refBoundaries } from "../../../db/schema/index";
import { type Available, chooseBreakdown, headlineBreakdowns, PROFILE_SECTIONS, profileSection } from "../../domain/charts/breakdowns";
import { funnelData, type FunnelData } from "../../domain/charts/funnel";
import { deprivationQuantile, inequalitySlope, isDeprivationCategoryType, type QuantileFigure, type SiiOutcome } from "../../domain/charts/inequality";
import { type ChoroplethGeometry, projectChoropleth } from "../../domain/charts/map-layout";
import { type IndicatorViewSelection, type InequalitySelection, LEVEL_LABELS, type ProfileSelection, type TrendSelection, type ViewLevel } from "../../domain/charts/selection";
import { proportionFigure, weightedMeanFromSums } from "../../domain/indicators/aggregate";
import { breakdownKey, compareFigure, publishedEnglandComparison } from "../../domain/indicators/compare";
import { FLAGS } from "../../domain/indicators/figures";
import type { Geometry } from "../../domain/maps/projection";
import type { BenchmarkOutcome, ComparisonMethod, FunnelSignificance, Polarity } from "../../domain/statistics";
import { placeMembership } from "../geography/areas.server";
import { type DataRow, footprintAreas, getIndicatorData, QueryProblem } from "./query.server";

export const ENGLAND = "E92000001";
const GREATER_MANCHESTER = "E54000057";

// ---------------------------------------------------------------------------------------------
// Timing: how much of a view's server time is spent waiting for SQL
// ---------------------------------------------------------------------------------------------

export type Timings = { sqlMs: number; totalMs: number };

/**
 * The same database handle with every query timed: the time during which at least one
 * query was running (so overlapping queries are not counted twice). It wraps drizzle's
 * session, so it sees the engine's queries too; if drizzle changes shape, timing reads NaN
 * and the queries run untimed.
 */
export function timedDb(db: Queryable): { db: Queryable; sqlMs: () => number } {
  const session = (db as unknown as { session?: { prepareQuery?: (...args: unknown[]) => Record<string, unknown> } }).session;
  if (!session || typeof session.prepareQuery !== "function") return { db, sqlMs: () => Number.NaN };
  let active = 0;
  let since = 0;
  let total = 0;
  const begin = () => {
    if (active++ === 0) since = performance.now();
  };
  const end = () => {
    if (--active === 0) total += performance.now() - since;
  };
  const original = session.prepareQuery;
  const timedSession = Object.create(session) as typeof session;
  timedSession.prepareQuery = function prepareQuery(this: unknown, ...args: unknown[]) {
    const prepared = original.apply(this, args);
    for (const method of ["execute", "all", "values"]) {
      const run = prepared[method];
      if (typeof run !== "function") continue;
      prepared[method] = async function timed(this: unknown, ...params: unknown[]) {
        begin();
        try {
          return await (run as (...p: unknown[]) => Promise<unknown>).apply(this, params);
        } finally {
          end();
        }
      };
    }
    return prepared;
  };
  const timed = Object.create(db) as Queryable & { session: unknown };
  timed.session = timedSession;
  return { db: timed, sqlMs: () => total };
}

function stopwatch(db: Queryable) {
  const started = performance.now();
  const timed = timedDb(db);
  return { db: timed.db, timings: (): Timings => ({ sqlMs: timed.sqlMs(), totalMs: performance.now() - started }) };
}

/** Runs a view, turning the engine's expected failures (unknown indicator or area) into 400/404 responses. */
export async function runView<T>(view: () => Promise<T>): Promise<T> {
  try {
    return await view();
  } catch (error) {
    if (error instanceof QueryProblem) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** "NHS Greater Manchester ICB" for "NHS Greater Manchester Integrated Care Board", for chart labels. */
export const shortName = (name: string) => name.replace(/ Integrated Care Board$/, " ICB");

// ---------------------------------------------------------------------------------------------
// Indicators, ICBs and what an indicator has figures for
// ---------------------------------------------------------------------------------------------

export type ViewIndicator = {
  id: string;
  name: string;
  definition: string;
  source: string;
  sourceFile: string | null;
  unit: string;
  multiplier: number;
  valueType: string;
  polarity: Polarity;
  comparisonMethod: ComparisonMethod;
  disclosureRule: string;
  caveats: string[];
  lacks: string[];
  licence: string;
  aggregation: string;
  origin: string;
};

const metaColumns = {
  id: indicators.id,
  name: indicators.name,
  definition: indicators.definition,
  source: indicators.source,
  sourceFile: indicators.sourceFile,
  unit: indicators.unit,
  multiplier: indicators.multiplier,
  valueType: indicators.valueType,
  polarity: indicators.polarity,
  comparisonMethod: indicators.comparisonMethod,
  disclosureRule: indicators.disclosureRule,
  caveats: indicators.caveats,
  lacks: indicators.lacks,
  licence: indicators.licence,
  aggregation: indicators.aggregation,
  origin: indicators.origin,
};

async function indicatorMetas(db: Queryable, id?: string): Promise<ViewIndicator[]> {
  return (await db.select(metaColumns).from(indicators).where(id ? eq(indicators.id, id) : undefined).orderBy(asc(indicators.name))) as ViewIndicator[];
}

async function indicatorMeta(db: Queryable, id: string): Promise<ViewIndicator> {
  const [meta] = await indicatorMetas(db, id);
  if (!meta) throw new QueryProblem(404, "There is no indicator with this id.");
  return meta;
}

type AvailableRow = Available & { areaType: string; figures: number };

/** Every breakdown an indicator has, by area type (one grouped query over the indicator's figures). */
async function availability(db: Queryable, indicatorId: string): Promise<AvailableRow[]> {
  const found = await db
    .select({
      areaType: indicatorValues.areaType,
      period: indicatorValues.period,
      periodStart: sql<string>`min(${indicatorValues.periodStart})::text`,
      sex: indicatorValues.sex,
      age: indicatorValues.age,
      categoryType: indicatorValues.categoryType,
      category: indicatorValues.category,
      figures: sql<number>`count(*)::int`,
    })
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, indicatorId))
    .groupBy(indicatorValues.areaType, indicatorValues.period, indicatorValues.sex, indicatorValues.age, indicatorValues.categoryType, indicatorValues.category);
  return found.map((r) => ({ ...r, figures: Number(r.figures) }));
}

export type AreaName = { code: string; name: string };

async function icbList(db: Queryable): Promise<(AreaName & { odsCode: string | null })[]> {
  return db.select({ code: areas.code, name: areas.name, odsCode: areas.odsCode }).from(areas).where(eq(areas.level, "icb")).orderBy(asc(areas.name));
}

function pickIcb(icbs: (AreaName & { odsCode: string | null })[], asked: string | undefined, fallback: string | null): AreaName {
  if (asked) {
    const up = asked.toUpperCase();
    const found = icbs.find((i) => i.code === up || i.odsCode === up);
    if (!found) throw new QueryProblem(404, "There is no integrated care board with this code.");
    return found;
  }
  return icbs.find((i) => i.code === fallback) ?? icbs.find((i) => i.code === GREATER_MANCHESTER) ?? icbs[0];
}

async function usesOwnPlaces(db: Queryable, icbCode: string): Promise<boolean> {
  const [scheme] = await db.select({ scheme: icbPlaceSchemes.scheme }).from(icbPlaceSchemes).where(eq(icbPlaceSchemes.icbCode, icbCode));
  return scheme?.scheme === "custom";
}

/** Local authority districts (and unitaries) with any part in the ICB, from its default places' districts. */
async function ladsOfIcb(db: Queryable, icbCode: string): Promise<(AreaName & { share: number })[]> {
  const places = await db.select({ details: areas.details }).from(areas).where(and(eq(areas.level, "place"), eq(areas.icbCode, icbCode), eq(areas.source, "reference")));
  const out = new Map<string, AreaName & { share: number }>();
  for (const p of places) {
    const details = p.details as { districts?: { ladCode: string; ladName: string; lsoaCount: number }[]; shareOfAuthority?: number } | null;
    for (const d of details?.districts ?? []) if (!out.has(d.ladCode)) out.set(d.ladCode, { code: d.ladCode, name: d.ladName, share: 1 });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** Summary of every indicator, for the list of indicators. */
export async function listViewIndicators({ db }: { db: Queryable }) {
  const [metas, levels] = await Promise.all([
    indicatorMetas(db),
    db
      .select({ id: indicatorValues.indicatorId, areaType: indicatorValues.areaType, periods: sql<number>`count(distinct ${indicatorValues.period})::int` })
      .from(indicatorValues)
      .groupBy(indicatorValues.indicatorId, indicatorValues.areaType),
  ]);
  return metas.map((m) => {
    const mine = levels.filter((l) => l.id === m.id);
    const types = new Set(mine.map((l) => l.areaType));
    return {
      id: m.id,
      name: m.name,
      source: m.source,
      unit: m.unit,
      polarity: m.polarity,
      section: profileSection(m),
      levels: (["neighbourhood", "place", "lad"] as ViewLevel[]).filter((l) => LEVEL_TYPES[l].some((t) => types.has(t))),
      periods: Math.max(0, ...mine.map((l) => Number(l.periods))),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Stored figures: an area's own, a whole authority's for a split place, summed for an ICB's own place
// ---------------------------------------------------------------------------------------------

export type Figure = {
  indicatorId: string;
  areaCode: string;
  areaType: string;
  period: string;
  periodStart: string;
  sex: string;
  age: string;
  categoryType: string;
  category: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  flags: string[];
  valueNote: string | null;
  publishedEngland: string | null;
};

type Filter = { indicatorId?: string; period?: string; sex?: string; age?: string; categoryType?: string; category?: string; overallOnly?: boolean };

function filterSql(f: Filter) {
  return [
    f.indicatorId ? sql`v.indicator_id = ${f.indicatorId}` : sql`v.indicator_id in (select id from indicators)`,
    f.period !== undefined ? sql`v.period = ${f.period}` : null,
    f.sex !== undefined ? sql`v.sex = ${f.sex}` : null,
    f.age !== undefined ? sql`v.age = ${f.age}` : null,
    f.categoryType !== undefined ? sql`v.category_type = ${f.categoryType}` : null,
    f.category !== undefined ? sql`v.category = ${f.category}` : null,
    f.overallOnly ? sql`v.category_type = '' and v.category = ''` : null,
  ].filter((s): s is ReturnType<typeof sql> => s !== null);
}

type RawFigure = {
  indicator_id: string;
  area_code: string;
  area_type: string;
  period: string;
  period_start: string;
  sex: string;
  age: string;
  category_type: string;
  category: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  flags: string[] | string | null;
  value_note: string | null;
  published_england: string | null;
};

const toFigure = (r: RawFigure): Figure => ({
  indicatorId: r.indicator_id,
  areaCode: r.area_code,
  areaType: r.area_type,
  period: r.period,
  periodStart: String(r.period_start).slice(0, 10),
  sex: r.sex,
  age: r.age,
  categoryType: r.category_type,
  category: r.category,
  count: num(r.count),
  denominator: num(r.denominator),
  value: num(r.value),
  lower95: num(r.lower95),
  upper95: num(r.upper95),
  lower998: num(r.lower998),
  upper998: num(r.upper998),
  flags: typeof r.flags === "string" ? (JSON.parse(r.flags) as string[]) : (r.flags ?? []),
  valueNote: r.value_note,
  publishedEngland: r.published_england,
});

/** The stored figures of some areas (one query, on the indicator and area index). */
async function storedFigures(db: Queryable, codes: string[], filter: Filter): Promise<Figure[]> {
  if (!codes.length) return [];
  const where = sql.join([sql`v.area_code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`, ...filterSql(filter)], sql` and `);
  const found = await rows<RawFigure>(
    db,
    sql`select v.indicator_id, v.area_code, v.area_type, v.period, v.period_start::text as period_start, v.sex, v.age, v.category_type, v.category,
      v.count, v.denominator, v.value, v.lower95, v.upper95, v.lower998, v.upper998, v.flags, v.value_note,
      coalesce(v.published->>'Compared to England value or percentiles', v.published->>'compared_to_England') as published_england
      from indicator_values v where ${where}`,
  );
  return found.map(toFigure);
}

/**
 * An ICB's own place as the sum of its neighbourhoods, grouped in SQL: counts and
 * denominators for proportions, value × weight for weighted means (the engine's rule,
 * query.server.ts sumMembers), then intervals by the shared aggregate functions.
 */
async function summedFigures(db: Queryable, placeCode: string, members: string[], filter: Filter): Promise<Figure[]> {
  if (!members.length) return [];
  const where = sql.join([sql`v.area_code in (${sql.join(members.map((c) => sql`${c}`), sql`, `)})`, sql`i.aggregation <> 'none'`, ...filterSql(filter)], sql` and `);
  const sums = await rows<{
    indicator_id: string;
    aggregation: string;
    multiplier: number;
    period: string;
    period_start: string;
    sex: string;
    age: string;
    category_type: string;
    category: string;
    count: number | null;
    denominator: number | null;
    weighted: number | null;
    weight: number | null;
    parts: number;
  }>(
    db,
    sql`select v.indicator_id, i.aggregation, i.multiplier, v.period, min(v.period_start)::text as period_start, v.sex, v.age, v.category_type, v.category,
      sum(v.count) filter (where v.count is not null and v.denominator is not null)::float8 as count,
      sum(v.denominator) filter (where v.count is not null and v.denominator is not null)::float8 as denominator,
      sum(v.value * v.denominator) filter (where v.value is not null and v.denominator > 0)::float8 as weighted,
      sum(v.denominator) filter (where v.value is not null and v.denominator > 0)::float8 as weight,
      count(distinct v.area_code)::int as parts
      from indicator_values v join indicators i on i.id = v.indicator_id
      where ${where}
      group by v.indicator_id, i.aggregation, i.multiplier, v.period, v.sex, v.age, v.category_type, v.category`,
  );
  return sums.flatMap((s) => {
    const numbers =
      s.aggregation === "proportion"
        ? s.count !== null && s.denominator !== null
          ? proportionFigure(Number(s.count), Number(s.denominator), Number(s.multiplier))
          : null
        : weightedMeanFromSums(num(s.weighted), num(s.weight));
    if (!numbers) return [];
    return [
      {
        indicatorId: s.indicator_id,
        areaCode: placeCode,
        areaType: "place",
        period: s.period,
        periodStart: String(s.period_start).slice(0, 10),
        sex: s.sex,
        age: s.age,
        categoryType: s.category_type,
        category: s.category,
        ...numbers,
        flags: [...numbers.flags, "custom-place"],
        valueNote: `${s.parts} neighbourhood${s.parts === 1 ? "" : "s"}`,
        publishedEngland: null,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Areas a profile or trend is about, and what they can be compared with
// ---------------------------------------------------------------------------------------------

export type ResolvedArea = {
  code: string;
  name: string;
  kind: "neighbourhood" | "place" | "icb" | "local-authority" | "other";
  kindLabel: string;
  icb: AreaName | null;
  /** The area's page in the product, if it has one. */
  page: string | null;
  /** Whose stored figures are this area's: its own, plus a whole authority standing in for a split place. */
  standIn: string | null;
  /** An ICB's own place: the neighbourhoods summed for its figures. */
  members: string[] | null;
};

type Comparator = AreaName & { kindLabel: string; area: ResolvedArea };

async function resolveArea(db: Queryable, raw: string): Promise<{ area: ResolvedArea; comparators: Comparator[] }> {
  const upper = raw.trim().toUpperCase();
  const [row] = await db
    .select({ code: areas.code, name: areas.name, level: areas.level, icbCode: areas.icbCode, parentCode: areas.parentCode, details: areas.details })
    .from(areas)
    .where(sql`${areas.code} = ${raw.trim()} or ${areas.code} = ${upper} or (${areas.level} = 'icb' and ${areas.odsCode} = ${upper})`)
    .limit(1);
  const icbOf = async (code: string | null): Promise<AreaName | null> => {
    if (!code) return null;
    const [icb] = await db.select({ code: areas.code, name: areas.name }).from(areas).where(and(eq(areas.level, "icb"), eq(areas.code, code)));
    return icb ?? null;
  };
  const simple = (a: { code: string; name: string }, kind: ResolvedArea["kind"], kindLabel: string, icb: AreaName | null, page: string | null): ResolvedArea => ({
    code: a.code,
    name: a.name,
    kind,
    kindLabel,
    icb,
    page,
    standIn: null,
    members: null,
  });
  const icbComparator = (icb: AreaName | null): Comparator[] => (icb ? [{ code: icb.code, name: shortName(icb.name), kindLabel: "ICB", area: simple(icb, "icb", "Integrated care board", null, `/icb/${icb.code}`) }] : []);

  if (row?.level === "icb") return { area: simple(row, "icb", "Integrated care board (system)", null, `/icb/${row.code}`), comparators: [] };

  if (row?.level === "neighbourhood") {
    const icb = await icbOf(row.icbCode);
    const { members } = await placeMembership({ db, icbCode: row.icbCode! });
    const mine = members.filter((m) => m.pcnCode === row.code).sort((a, b) => b.share - a.share);
    const placeTargets = mine.length ? (await footprintAreas({ db, level: "place", parent: row.icbCode! })).targets : [];
    const places = mine
      .map((m) => placeTargets.find((t) => t.code === m.placeCode))
      .filter((t): t is NonNullable<typeof t> => Boolean(t))
      .map((t) => ({ code: t.code, name: t.name, kindLabel: "place", area: placeArea(t, icb) }));
    return { area: simple(row, "neighbourhood", "Neighbourhood (primary care network)", icb, `/neighbourhood/${row.code}`), comparators: [...places, ...icbComparator(icb)] };
  }

  const custom = row ? null : (await db.select().from(customPlaces).where(eq(customPlaces.code, raw.trim())))[0];
  if (row?.level === "place" || custom) {
    const icbCode = row?.icbCode ?? custom!.icbCode;
    const icb = await icbOf(icbCode);
    const code = row?.code ?? custom!.code;
    const { targets } = await footprintAreas({ db, level: "place", parent: code });
    const target = targets.find((t) => t.code === code);
    const area = target
      ? placeArea(target, icb)
      : simple({ code, name: row?.name ?? custom!.name }, "place", "Place", icb, `/place/${code}`);
    return { area, comparators: icbComparator(icb) };
  }

  if (row && row.level !== "england") {
    const parent = row.parentCode ? (await db.select({ code: areas.code, name: areas.name, level: areas.level }).from(areas).where(eq(areas.code, row.parentCode)))[0] : undefined;
    const isAuthority = ["district", "ua", "county"].includes(row.level);
    const area = simple(row, isAuthority ? "local-authority" : "other", isAuthority ? "Local authority" : row.level, null, null);
    return { area, comparators: parent && parent.level !== "england" ? [{ code: parent.code, name: parent.name, kindLabel: parent.level, area: simple(parent, "other", parent.level, null, null) }] : [] };
  }
  throw new QueryProblem(404, "There is no area with this code.");
}

function placeArea(t: { code: string; name: string; custom: boolean; wholeAuthorityCode?: string; memberCodes?: string[] }, icb: AreaName | null): ResolvedArea {
  return {
    code: t.code,
    name: t.name,
    kind: "place",
    kindLabel: t.custom ? "Place (defined by the ICB from its PCNs)" : "Place",
    icb,
    page: `/place/${t.code}`,
    standIn: t.wholeAuthorityCode ?? null,
    members: t.custom ? (t.memberCodes ?? []) : null,
  };
}

/** The figures of resolved areas, each under its own code (stand-ins flagged, own places summed). */
async function figuresOfAreas(db: Queryable, list: ResolvedArea[], filter: Filter): Promise<Map<string, Figure[]>> {
  const direct = new Set<string>();
  for (const a of list) {
    if (a.members) continue;
    direct.add(a.code);
    if (a.standIn) direct.add(a.standIn);
  }
  const [stored, ...summed] = await Promise.all([storedFigures(db, [...direct], filter), ...list.filter((a) => a.members).map((a) => summedFigures(db, a.code, a.members!, filter))]);
  const byCode = new Map<string, Figure[]>();
  for (const f of stored) byCode.set(f.areaCode, [...(byCode.get(f.areaCode) ?? []), f]);
  const out = new Map<string, Figure[]>();
  for (const s of summed) if (s.length) out.set(s[0].areaCode, s);
  for (const a of list) {
    if (a.members) {
      if (!out.has(a.code)) out.set(a.code, []);
      continue;
    }
    const own = byCode.get(a.code) ?? [];
    if (a.standIn) {
      const have = new Set(own.map((f) => `${f.indicatorId}\u001f${breakdownKey(f)}`));
      const stand = (byCode.get(a.standIn) ?? [])
        .filter((f) => !have.has(`${f.indicatorId}\u001f${breakdownKey(f)}`))
        .map((f) => ({ ...f, areaCode: a.code, flags: [...f.flags, "whole-authority"], valueNote: f.valueNote ?? `Figure for the whole of ${a.standIn}` }));
      out.set(a.code, [...own, ...stand]);
    } else {
      out.set(a.code, own);
    }
  }
  return out;
}

const keyOf = (f: Pick<Figure, "indicatorId"> & Parameters<typeof breakdownKey>[0]) => `${f.indicatorId}\u001f${breakdownKey(f)}`;

function compareWith(figure: Figure, benchmarkCode: string | null, benchmark: Figure | undefined, meta: Pick<ViewIndicator, "polarity" | "comparisonMethod">, published?: string | null): BenchmarkOutcome {
  return compareFigure({
    figure,
    benchmarkCode,
    benchmarkFigures: new Map(benchmark ? [[breakdownKey(benchmark), benchmark]] : []),
    polarity: meta.polarity,
    method: meta.comparisonMethod,
    published,
  }).outcome;
}

// ---------------------------------------------------------------------------------------------
// Spine ranges: the spread of values across areas of the same type, cached per data version
// ---------------------------------------------------------------------------------------------

export type Spread = { n: number; min: number; q25: number; median: number; q75: number; max: number };

const spreadCache = new WeakMap<object, { stamp: string; spreads: Map<string, Spread | null> }>();

/** Changes whenever figures are imported or rebuilt, so cached spreads are never stale. */
async function dataStamp(db: Queryable): Promise<string> {
  const [runs] = await db.select({ n: sql<number>`count(*)::int`, last: sql<string>`max(${importRuns.id})::text`, at: sql<string>`max(${importRuns.finishedAt})::text` }).from(importRuns);
  const [meta] = await db.select({ at: sql<string>`max(${indicators.updatedAt})::text` }).from(indicators);
  return `${runs?.n}:${runs?.last}:${runs?.at}:${meta?.at}`;
}

type SpreadKey = { indicatorId: string; period: string; sex: string; age: string; areaType: string };
const spreadKey = (k: SpreadKey) => [k.indicatorId, k.period, k.sex, k.age, k.areaType].join("\u001f");

/**
 * The lowest, quartiles, median and highest value across all areas of the same type in
 * England, for each indicator breakdown: one grouped query for whatever is not cached.
 * Reading every PCN's value of 22 indicators is costly on the embedded database, and
 * the spreads change only when figures are loaded, so they are kept per data version.
 */
async function spreads(db: Queryable, cacheKey: object, keys: SpreadKey[]): Promise<Map<string, Spread | null>> {
  const stamp = await dataStamp(db);
  let cache = spreadCache.get(cacheKey);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, spreads: new Map() };
    spreadCache.set(cacheKey, cache);
  }
  const wanted = [...new Map(keys.map((k) => [spreadKey(k), k])).values()].filter((k) => !cache!.spreads.has(spreadKey(k)));
  if (wanted.length) {
    const found = await rows<{ indicator_id: string; period: string; sex: string; age: string; area_type: string; n: number; q: number[] | string }>(
      db,
      sql`select v.indicator_id, v.period, v.sex, v.age, v.area_type, count(*)::int as n,
        percentile_cont(array[0, 0.25, 0.5, 0.75, 1]::float8[]) within group (order by v.value) as q
        from indicator_values v
        join jsonb_to_recordset(${JSON.stringify(wanted.map((k) => ({ i: k.indicatorId, p: k.period, s: k.sex, a: k.age, t: k.areaType })))}::jsonb) as k(i text, p text, s text, a text, t text)
          on v.indicator_id = k.i and v.area_type = k.t and v.period = k.p and v.sex = k.s and v.age = k.a
        where v.category_type = '' and v.category = '' and v.value is not null
        group by v.indicator_id, v.period, v.sex, v.age, v.area_type`,
    );
    for (const k of wanted) cache.spreads.set(spreadKey(k), null);
    for (const r of found) {
      const q = (typeof r.q === "string" ? r.q.replace(/[{}]/g, "").split(",").map(Number) : r.q.map(Number)) as number[];
      cache.spreads.set(spreadKey({ indicatorId: r.indicator_id, period: r.period, sex: r.sex, age: r.age, areaType: r.area_type }), { n: Number(r.n), min: q[0], q25: q[1], median: q[2], q75: q[3], max: q[4] });
    }
  }
  return new Map(keys.map((k) => [spreadKey(k), cache!.spreads.get(spreadKey(k)) ?? null]));
}

// ---------------------------------------------------------------------------------------------
// Area profile
// ---------------------------------------------------------------------------------------------

export type ProfileRow = {
  indicatorId: string;
  name: string;
  unit: string;
  polarity: Polarity;
  comparisonMethod: ComparisonMethod;
  valueType: string;
  period: string;
  sex: string;
  age: string;
  areaType: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  england: number | null;
  comparatorValue: number | null;
  comparedToEngland: BenchmarkOutcome;
  comparedToComparator: BenchmarkOutcome | null;
  spread: Spread | null;
  flags: string[];
  valueNote: string | null;
  /** Periods the area has for this indicator and breakdown (a trend needs two). */
  periods: number;
};

const sexRank = (sex: string) => (/^persons$/i.test(sex) ? 0 : /^male$/i.test(sex) ? 1 : /^female$/i.test(sex) ? 2 : 3);

export type AreaProfile = {
  area: ResolvedArea;
  comparators: (AreaName & { kindLabel: string })[];
  comparator: (AreaName & { kindLabel: string }) | null;
  selection: { period: string | null; comparator: string | null };
  canonical: boolean;
  periods: string[];
  sections: { section: string; rows: ProfileRow[] }[];
  flags: Record<string, string>;
  timings: Timings;
};

/**
 * Every indicator for one area: its headline figure, England's and the comparator's
 * values, the comparisons (by the indicator's method and polarity) and the spread of
 * areas of the same type for the spine chart.
 */
export async function getAreaProfile({
  db: base,
  code,
  selection,
  stopIfIncomplete = false,
}: {
  db: Queryable;
  code: string;
  selection: ProfileSelection;
  /** A page about to redirect to the complete address needs only the resolved selection: skip the figures. */
  stopIfIncomplete?: boolean;
}): Promise<AreaProfile> {
  const { db, timings } = stopwatch(base);
  const { area, comparators } = await resolveArea(db, code);
  const chosen = selection.comparator === "england" ? null : (comparators.find((c) => c.code === selection.comparator?.toUpperCase() || c.code === selection.comparator) ?? comparators[0] ?? null);
  const resolvedComparator = comparators.length ? (chosen?.code ?? "england") : null;
  if (stopIfIncomplete && (code !== area.code || (selection.comparator ?? null) !== resolvedComparator)) {
    return {
      area,
      comparators: [],
      comparator: null,
      selection: { period: selection.period ?? null, comparator: resolvedComparator },
      canonical: false,
      periods: [],
      sections: [],
      flags: {},
      timings: timings(),
    };
  }
  const england: ResolvedArea = { code: ENGLAND, name: "England", kind: "other", kindLabel: "Country", icb: null, page: null, standIn: null, members: null };
  const [metas, figures] = await Promise.all([indicatorMetas(db), figuresOfAreas(db, [area, england, ...(chosen ? [chosen.area] : [])], { overallOnly: true })]);
  const metaOf = new Map(metas.map((m) => [m.id, m]));
  const own = (figures.get(area.code) ?? []).filter((f) => metaOf.has(f.indicatorId));
  const periods = [...new Map(own.map((f) => [f.period, f.periodStart])).entries()].sort((a, b) => b[1].localeCompare(a[1])).map(([p]) => p);
  const period = selection.period && periods.includes(selection.period) ? selection.period : null;
  const headline = headlineBreakdowns(own, period ?? undefined);
  const englandByKey = new Map((figures.get(ENGLAND) ?? []).map((f) => [keyOf(f), f]));
  const comparatorByKey = new Map((chosen ? (figures.get(chosen.code) ?? []) : []).map((f) => [keyOf(f), f]));
  const periodCount = new Map<string, Set<string>>();
  for (const f of own) {
    const k = `${f.indicatorId}\u001f${f.sex}\u001f${f.age}`;
    periodCount.set(k, (periodCount.get(k) ?? new Set()).add(f.period));
  }
  const spreadOf = await spreads(db, base, headline.map((f) => ({ indicatorId: f.indicatorId, period: f.period, sex: f.sex, age: f.age, areaType: f.areaType })));
  const profileRows: (ProfileRow & { section: string })[] = headline.map((f) => {
    const meta = metaOf.get(f.indicatorId)!;
    const eng = englandByKey.get(keyOf(f));
    const cmp = comparatorByKey.get(keyOf(f));
    return {
      section: profileSection(meta),
      indicatorId: f.indicatorId,
      name: meta.name,
      unit: meta.unit,
      polarity: meta.polarity,
      comparisonMethod: meta.comparisonMethod,
      valueType: meta.valueType,
      period: f.period,
      sex: f.sex,
      age: f.age,
      areaType: f.areaType,
      count: f.count,
      denominator: f.denominator,
      value: f.value,
      lower95: f.lower95,
      upper95: f.upper95,
      england: eng?.value ?? null,
      comparatorValue: cmp?.value ?? null,
      comparedToEngland: compareWith(f, ENGLAND, eng, meta, publishedEnglandComparison(f.publishedEngland ? { "Compared to England value or percentiles": f.publishedEngland } : null)),
      comparedToComparator: chosen ? compareWith(f, chosen.code, cmp, meta) : null,
      spread: spreadOf.get(spreadKey({ indicatorId: f.indicatorId, period: f.period, sex: f.sex, age: f.age, areaType: f.areaType })) ?? null,
      flags: f.flags,
      valueNote: f.valueNote,
      periods: periodCount.get(`${f.indicatorId}\u001f${f.sex}\u001f${f.age}`)?.size ?? 1,
    };
  });
  const sections = PROFILE_SECTIONS.map((section) => ({
    section,
    rows: profileRows
      .filter((r) => r.section === section)
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || sexRank(a.sex) - sexRank(b.sex))
      .map(({ section: _section, ...r }) => r),
  })).filter((s) => s.rows.length);
  const used = new Set(profileRows.flatMap((r) => r.flags));
  return {
    area,
    comparators: comparators.map(({ area: _a, ...c }) => c),
    comparator: chosen ? { code: chosen.code, name: chosen.name, kindLabel: chosen.kindLabel } : null,
    selection: { period, comparator: resolvedComparator },
    canonical: code === area.code && (selection.period ?? null) === period && (selection.comparator ?? null) === resolvedComparator,
    periods,
    sections,
    flags: Object.fromEntries(Object.entries(FLAGS).filter(([flag]) => used.has(flag))),
    timings: timings(),
  };
}

// ---------------------------------------------------------------------------------------------
// Indicator view: one indicator across the places, neighbourhoods or local authorities of an ICB
// ---------------------------------------------------------------------------------------------

export const LEVEL_TYPES: Record<ViewLevel, string[]> = {
  neighbourhood: ["pcn"],
  place: ["place", "ua", "county"],
  lad: ["district", "ua"],
};

export type BenchmarkValue = { code: string; label: string; value: number | null; lower95: number | null; upper95: number | null };

export type ViewRow = {
  code: string;
  name: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  comparedToEngland: BenchmarkOutcome;
  comparedToParent: BenchmarkOutcome | null;
  /** Against the comparator the view is set to. */
  outcome: BenchmarkOutcome;
  funnel: FunnelSignificance | "Not applicable" | null;
  flags: string[];
  valueNote: string | null;
};

export type ViewMap = {
  geometry: ChoroplethGeometry | null;
  /** The area each point stands for (a PCN, or a PCN of an ICB's own place). */
  pointAreas: Record<string, string>;
  note: string | null;
};

export type IndicatorView = {
  indicator: ViewIndicator;
  selection: {
    icb: string;
    level: ViewLevel;
    place: string | null;
    period: string | null;
    sex: string | null;
    age: string | null;
    categoryType: string | null;
    category: string | null;
    comparator: "england" | "parent";
    peers: string[];
  };
  canonical: boolean;
  icb: AreaName;
  place: AreaName | null;
  title: string;
  options: {
    icbs: AreaName[];
    levels: { level: ViewLevel; available: boolean }[];
    places: AreaName[];
    periods: string[];
    sexAges: { sex: string; age: string }[];
    categories: { categoryType: string; category: string }[];
    candidates: AreaName[];
  };
  england: BenchmarkValue;
  parent: BenchmarkValue | null;
  comparator: BenchmarkValue;
  rows: ViewRow[];
  missing: { code: string; name: string; reason: string }[];
  funnel: FunnelData;
  map: ViewMap;
  hasTrend: boolean;
  hasInequality: boolean;
  flags: Record<string, string>;
  timings: Timings;
};

const asFigure = (indicatorId: string, r: Pick<DataRow, "areaCode" | "areaType" | "period" | "periodStart" | "sex" | "age" | "categoryType" | "category" | "count" | "denominator" | "value" | "lower95" | "upper95" | "lower998" | "upper998" | "flags" | "valueNote">): Figure => ({
  indicatorId,
  ...r,
  publishedEngland: null,
});

async function boundariesOf(db: Queryable, kind: string, codes: string[]): Promise<Map<string, Geometry>> {
  if (!codes.length) return new Map();
  const found = await db.select({ code: refBoundaries.code, geometry: refBoundaries.geometry }).from(refBoundaries).where(and(eq(refBoundaries.kind, kind), inArray(refBoundaries.code, codes)));
  return new Map(found.map((b) => [b.code, b.geometry as Geometry]));
}

async function viewMap(
  db: Queryable,
  args: { level: ViewLevel; icbCode: string; rows: { code: string }[]; peers: boolean; ownPlaces: boolean },
): Promise<ViewMap> {
  const codes = args.rows.map((r) => r.code);
  const icbOutline = args.peers ? null : ((await boundariesOf(db, "icb", [args.icbCode])).get(args.icbCode) ?? null);
  const size = { width: 640, height: 520 };
  if (args.level === "neighbourhood" || (args.level === "place" && args.ownPlaces)) {
    let pointAreas: Record<string, string> = {};
    let pcnCodes = codes;
    if (args.level === "place") {
      const { members } = await placeMembership({ db, icbCode: args.icbCode });
      const wanted = new Set(codes);
      const mine = members.filter((m) => wanted.has(m.placeCode));
      pcnCodes = mine.map((m) => m.pcnCode);
      pointAreas = Object.fromEntries(mine.map((m) => [m.pcnCode, m.placeCode]));
    } else {
      pointAreas = Object.fromEntries(codes.map((c) => [c, c]));
    }
    const located = pcnCodes.length
      ? await db.select({ code: areas.code, lat: areas.lat, lng: areas.lng, icbCode: areas.icbCode }).from(areas).where(and(eq(areas.level, "neighbourhood"), inArray(areas.code, pcnCodes)))
      : [];
    // Context in grey: the ICB's places, or for chosen PCNs anywhere in England the ICBs they lie in.
    const context = args.peers
      ? await boundariesOf(db, "icb", [...new Set(located.map((p) => p.icbCode).filter((c): c is string => Boolean(c)))])
      : args.ownPlaces
        ? new Map<string, Geometry>()
        : await placeBoundaries(db, args.icbCode);
    return {
      geometry: projectChoropleth({
        ...size,
        outline: icbOutline,
        shapes: [],
        background: [...context].map(([code, geometry]) => ({ code, geometry })),
        points: located.filter((p) => p.lat !== null && p.lng !== null).map((p) => ({ code: p.code, lat: p.lat!, lng: p.lng! })),
      }),
      pointAreas,
      note:
        args.level === "place"
          ? "This ICB's places are groups of primary care networks, which have no official boundaries: each network is drawn as a point at its practices' location, in its place's category."
          : "Primary care networks have no official boundaries: each is drawn as a point at its practices' registered-list-weighted location.",
    };
  }
  if (args.level === "place") {
    const details = codes.length ? await db.select({ code: areas.code, details: areas.details }).from(areas).where(inArray(areas.code, codes)) : [];
    const utlaOf = new Map(details.map((d) => [d.code, (d.details as { utlaCode?: string } | null)?.utlaCode ?? d.code]));
    const shapes = await boundariesOf(db, "ctyua", [...new Set(utlaOf.values())]);
    return {
      geometry: projectChoropleth({
        ...size,
        outline: icbOutline,
        shapes: codes.filter((c) => shapes.has(utlaOf.get(c) ?? c)).map((c) => ({ code: c, geometry: shapes.get(utlaOf.get(c) ?? c)! })),
        points: [],
      }),
      pointAreas: {},
      note: "Places that are part of an authority split between ICBs are drawn with the authority's boundary, cut at the ICB's edge.",
    };
  }
  const shapes = await boundariesOf(db, "lad", codes);
  if (!shapes.size) return { geometry: null, pointAreas: {}, note: "No local authority district boundaries are loaded, so the map is not drawn." };
  return {
    geometry: projectChoropleth({ ...size, outline: icbOutline, shapes: codes.filter((c) => shapes.has(c)).map((c) => ({ code: c, geometry: shapes.get(c)! })), points: [] }),
    pointAreas: {},
    note: args.peers ? null : "Districts that lie partly in the ICB are cut at the ICB's edge; their figures are for the whole district.",
  };
}

/** The ICB's default places' boundaries, drawn in grey behind neighbourhood points. */
async function placeBoundaries(db: Queryable, icbCode: string): Promise<Map<string, Geometry>> {
  const places = await db.select({ code: areas.code, details: areas.details }).from(areas).where(and(eq(areas.level, "place"), eq(areas.icbCode, icbCode), eq(areas.source, "reference")));
  const utlas = places.map((p) => (p.details as { utlaCode?: string } | null)?.utlaCode ?? p.code);
  return boundariesOf(db, "ctyua", [...new Set(utlas)]);
}

async function benchmarkFigure(db: Queryable, indicatorId: string, code: string, label: string, filter: Filter): Promise<{ value: BenchmarkValue; figure: Figure | undefined }> {
  const [figure] = await storedFigures(db, [code], { ...filter, indicatorId });
  return { figure, value: { code, label, value: figure?.value ?? null, lower95: figure?.lower95 ?? null, upper95: figure?.upper95 ?? null } };
}

export async function getIndicatorView({
  db: base,
  indicatorId,
  selection,
  userIcbCode,
  stopIfIncomplete = false,
}: {
  db: Queryable;
  indicatorId: string;
  selection: IndicatorViewSelection;
  userIcbCode: string | null;
  /** A page about to redirect to the complete address needs only the resolved selection: skip the figures. */
  stopIfIncomplete?: boolean;
}): Promise<IndicatorView> {
  const { db, timings } = stopwatch(base);
  const [indicator, available, icbs] = await Promise.all([indicatorMeta(db, indicatorId), availability(db, indicatorId), icbList(db)]);
  const icb = pickIcb(icbs, selection.icb, userIcbCode);
  const ownPlaces = await usesOwnPlaces(db, icb.code);
  const types = new Set(available.map((a) => a.areaType));
  const levelAvailable: Record<ViewLevel, boolean> = {
    neighbourhood: types.has("pcn"),
    place: ownPlaces ? types.has("pcn") && indicator.aggregation !== "none" : LEVEL_TYPES.place.some((t) => types.has(t)),
    lad: LEVEL_TYPES.lad.some((t) => types.has(t)),
  };
  const level: ViewLevel = selection.level ?? (["neighbourhood", "place", "lad"] as ViewLevel[]).find((l) => levelAvailable[l]) ?? "place";
  const placeTargets = (await footprintAreas({ db, level: "place", parent: icb.code })).targets;
  const place = level === "neighbourhood" && selection.place ? (placeTargets.find((p) => p.code === selection.place || p.code === selection.place!.toUpperCase()) ?? null) : null;
  if (selection.place && level === "neighbourhood" && !place) throw new QueryProblem(404, "There is no place with this code in this ICB.");
  const levelTypes = level === "place" && ownPlaces ? ["pcn"] : LEVEL_TYPES[level];
  const chosen = chooseBreakdown(
    available.filter((a) => levelTypes.includes(a.areaType)),
    { period: selection.period, sex: selection.sex, age: selection.age, categoryType: selection.categoryType, category: selection.category },
  );
  const peers = selection.peers;
  const comparatorKey = peers.length ? "england" : (selection.comparator ?? "england");
  const resolved: IndicatorView["selection"] = {
    icb: icb.code,
    level,
    place: place?.code ?? null,
    period: chosen?.period ?? null,
    sex: chosen?.sex ?? null,
    age: chosen?.age ?? null,
    categoryType: chosen?.categoryType || null,
    category: chosen?.categoryType ? chosen.category : null,
    comparator: comparatorKey,
    peers,
  };
  const canonical =
    selection.icb === resolved.icb &&
    selection.level === resolved.level &&
    (selection.place ?? null) === resolved.place &&
    (selection.period ?? null) === resolved.period &&
    (selection.sex ?? null) === resolved.sex &&
    (selection.age ?? null) === resolved.age &&
    (selection.categoryType ?? null) === resolved.categoryType &&
    (selection.category ?? null) === resolved.category &&
    (selection.comparator ?? "england") === resolved.comparator;

  if (stopIfIncomplete && !canonical) {
    return {
      indicator,
      selection: resolved,
      canonical,
      icb,
      place: null,
      title: "",
      options: { icbs: [], levels: [], places: [], periods: [], sexAges: [], categories: [], candidates: [] },
      england: { code: ENGLAND, label: "England", value: null, lower95: null, upper95: null },
      parent: null,
      comparator: { code: ENGLAND, label: "England", value: null, lower95: null, upper95: null },
      rows: [],
      missing: [],
      funnel: { available: false, reason: "" },
      map: { geometry: null, pointAreas: {}, note: null },
      hasTrend: false,
      hasInequality: false,
      flags: {},
      timings: timings(),
    };
  }

  const filter: Filter = chosen ? { period: chosen.period, sex: chosen.sex, age: chosen.age, categoryType: chosen.categoryType, category: chosen.category } : {};
  const breakdown = chosen ? { period: chosen.period, sex: chosen.sex, age: chosen.age, categoryType: chosen.categoryType, category: chosen.category } : {};

  // The areas of the view, with the engine's figures and England comparisons.
  const lads = level === "lad" ? await ladsOfIcb(db, icb.code) : [];
  const candidates: AreaName[] =
    level === "neighbourhood"
      ? await db.select({ code: areas.code, name: areas.name }).from(areas).where(and(eq(areas.level, "neighbourhood"), eq(areas.icbCode, icb.code))).orderBy(asc(areas.name))
      : level === "place"
        ? placeTargets.map((p) => ({ code: p.code, name: p.name }))
        : lads;
  let dataRows: DataRow[] = [];
  let missing: IndicatorView["missing"] = [];
  if (chosen) {
    if (level === "lad") {
      const data = await getIndicatorData({ db, query: { indicatorId, areaType: "district-ua", ...breakdown } });
      const wanted = peers.length ? peers : lads.map((l) => l.code);
      dataRows = data.rows.filter((r) => wanted.includes(r.areaCode));
      const have = new Set(dataRows.map((r) => r.areaCode));
      missing = wanted.filter((c) => !have.has(c)).map((c) => ({ code: c, name: lads.find((l) => l.code === c)?.name ?? c, reason: "No figure published for this local authority" }));
    } else {
      const data = await getIndicatorData({ db, query: { indicatorId, level: level === "neighbourhood" ? "neighbourhood" : "place", parent: peers.length ? undefined : (place?.code ?? icb.code), ...breakdown } });
      if (peers.length) {
        const wanted = new Set(peers);
        dataRows = data.rows.filter((r) => wanted.has(r.areaCode));
        const have = new Set(dataRows.map((r) => r.areaCode));
        missing = data.missing.filter((m) => wanted.has(m.code));
        const known = new Set([...have, ...missing.map((m) => m.code)]);
        missing.push(...peers.filter((c) => !known.has(c)).map((c) => ({ code: c, name: c, reason: `Not a ${LEVEL_LABELS[level].one}, or has no figure` })));
      } else {
        dataRows = data.rows;
        missing = data.missing;
      }
    }
  } else {
    missing = candidates.map((c) => ({ ...c, reason: `This indicator has no figures for ${LEVEL_LABELS[level].many.toLowerCase()}` }));
  }

  // Benchmarks: England and the parent (the ICB, or the place whose neighbourhoods these are).
  const englandBenchmark = chosen ? await benchmarkFigure(db, indicatorId, ENGLAND, "England", filter) : { value: { code: ENGLAND, label: "England", value: null, lower95: null, upper95: null }, figure: undefined };
  let parent: { value: BenchmarkValue; figure: Figure | undefined } | null = null;
  if (chosen && !peers.length) {
    if (place) {
      const data = await getIndicatorData({ db, query: { indicatorId, level: "place", parent: place.code, ...breakdown } });
      const row = data.rows[0];
      parent = { figure: row ? asFigure(indicatorId, row) : undefined, value: { code: place.code, label: place.name, value: row?.value ?? null, lower95: row?.lower95 ?? null, upper95: row?.upper95 ?? null } };
    } else {
      parent = await benchmarkFigure(db, indicatorId, icb.code, shortName(icb.name), filter);
    }
  }
  const comparator = comparatorKey === "parent" && parent ? parent.value : englandBenchmark.value;

  let viewRows: ViewRow[] = dataRows.map((r) => {
    const figure = asFigure(indicatorId, r);
    const toParent = parent ? compareWith(figure, parent.value.code, parent.figure, indicator) : null;
    return {
      code: r.areaCode,
      name: r.areaName,
      count: r.count,
      denominator: r.denominator,
      value: r.value,
      lower95: r.lower95,
      upper95: r.upper95,
      lower998: r.lower998,
      upper998: r.upper998,
      comparedToEngland: r.comparedToEngland,
      comparedToParent: toParent,
      outcome: comparatorKey === "parent" && toParent ? toParent : r.comparedToEngland,
      funnel: null,
      flags: r.flags,
      valueNote: r.valueNote,
    };
  });
  const funnel = funnelData({
    valueType: indicator.valueType,
    multiplier: indicator.multiplier,
    baseline: { label: comparator.label, value: comparator.value },
    areas: viewRows.map((r) => ({ code: r.code, label: r.name, count: r.count, denominator: r.denominator, value: r.value })),
  });
  if (funnel.available) {
    const significance = new Map(funnel.points.map((p) => [p.code, p.significance]));
    viewRows = viewRows.map((r) => ({ ...r, funnel: significance.get(r.code) ?? null }));
  }
  const map = viewRows.length ? await viewMap(db, { level, icbCode: icb.code, rows: viewRows, peers: peers.length > 0, ownPlaces: level === "place" && ownPlaces }) : { geometry: null, pointAreas: {}, note: null };
  const scope = peers.length ? "Chosen areas" : `${LEVEL_LABELS[level].many} of ${place ? place.name : icb.name}`;
  const used = new Set(viewRows.flatMap((r) => r.flags));
  return {
    indicator,
    selection: resolved,
    canonical,
    icb,
    place: place ? { code: place.code, name: place.name } : null,
    title: scope,
    options: {
      icbs: icbs.map(({ code, name }) => ({ code, name })),
      levels: (["neighbourhood", "place", "lad"] as ViewLevel[]).map((l) => ({ level: l, available: levelAvailable[l] })),
      places: placeTargets.map((p) => ({ code: p.code, name: p.name })),
      periods: chosen?.periods ?? [],
      sexAges: chosen?.sexAges ?? [],
      categories: chosen?.categories ?? [],
      candidates,
    },
    england: englandBenchmark.value,
    parent: parent?.value ?? null,
    comparator,
    rows: viewRows,
    missing,
    funnel,
    map,
    hasTrend: (chosen?.periods.length ?? 0) > 1,
    hasInequality: types.has("pcn") || available.some((a) => isDeprivationCategoryType(a.categoryType)),
    flags: Object.fromEntries(Object.entries(FLAGS).filter(([flag]) => used.has(flag))),
    timings: timings(),
  };
}

// ---------------------------------------------------------------------------------------------
// Inequality by deprivation
// ---------------------------------------------------------------------------------------------

/**
 * The SII's simulated limits cost tens of milliseconds per set; they are seeded, so the
 * same figures always give the same answer, and recent answers are kept.
 */
const siiCache = new Map<string, SiiOutcome>();
function cachedSlope(args: Parameters<typeof inequalitySlope>[0]): SiiOutcome {
  const key = JSON.stringify(args);
  const hit = siiCache.get(key);
  if (hit) return hit;
  const outcome = inequalitySlope(args);
  if (siiCache.size >= 200) siiCache.delete(siiCache.keys().next().value!);
  siiCache.set(key, outcome);
  return outcome;
}

export type DecileRow = QuantileFigure & { areas: number; count: number | null; denominator: number | null; flags: string[] };

export type DecileSet = {
  key: string;
  title: string;
  of: 5 | 10;
  rows: DecileRow[];
  sii: SiiOutcome;
  note: string;
};

export type InequalityView = {
  indicator: ViewIndicator;
  icb: AreaName;
  place: AreaName | null;
  selection: { icb: string; place: string | null; period: string | null; sex: string | null; age: string | null };
  canonical: boolean;
  options: { icbs: AreaName[]; places: AreaName[]; periods: string[]; sexAges: { sex: string; age: string }[] };
  /** The neighbourhoods of the ICB or place by their national deprivation decile, and all of England's. */
  local: DecileSet | null;
  national: DecileSet | null;
  localReason: string | null;
  /** Fingertips' own deprivation-decile rows, where an imported file has them. */
  fingertips: (DecileSet & { areaCode: string; areaName: string; period: string })[];
  timings: Timings;
};

function decileFigure(
  indicator: ViewIndicator,
  g: { decile: number; areas: number; count: number | null; denominator: number | null; weighted: number | null; weight: number | null },
): DecileRow {
  const numbers =
    indicator.aggregation === "proportion" && g.count !== null && g.denominator !== null
      ? proportionFigure(g.count, g.denominator, indicator.multiplier)
      : indicator.aggregation === "weighted-mean"
        ? weightedMeanFromSums(g.weighted, g.weight)
        : null;
  return {
    quantile: g.decile,
    areas: g.areas,
    population: g.denominator ?? g.weight ?? 0,
    count: numbers?.count ?? null,
    denominator: numbers?.denominator ?? null,
    value: numbers?.value ?? null,
    lower95: numbers?.lower95 ?? null,
    upper95: numbers?.upper95 ?? null,
    flags: numbers?.flags ?? [],
  };
}

export async function getInequalityView({
  db: base,
  indicatorId,
  selection,
  userIcbCode,
}: {
  db: Queryable;
  indicatorId: string;
  selection: InequalitySelection;
  userIcbCode: string | null;
}): Promise<InequalityView> {
  const { db, timings } = stopwatch(base);
  const [indicator, available, icbs] = await Promise.all([indicatorMeta(db, indicatorId), availability(db, indicatorId), icbList(db)]);
  const icb = pickIcb(icbs, selection.icb, userIcbCode);
  const placeTargets = (await footprintAreas({ db, level: "place", parent: icb.code })).targets;
  const place = selection.place ? (placeTargets.find((p) => p.code === selection.place || p.code === selection.place!.toUpperCase()) ?? null) : null;
  if (selection.place && !place) throw new QueryProblem(404, "There is no place with this code in this ICB.");
  const pcnAvailable = available.filter((a) => a.areaType === "pcn" && a.categoryType === "");
  const deprivationRows = available.filter((a) => isDeprivationCategoryType(a.categoryType));
  const chosen = chooseBreakdown(pcnAvailable.length ? pcnAvailable : deprivationRows, { period: selection.period, sex: selection.sex, age: selection.age });
  const resolved = { icb: icb.code, place: place?.code ?? null, period: chosen?.period ?? null, sex: chosen?.sex ?? null, age: chosen?.age ?? null };
  const canonical =
    selection.icb === resolved.icb &&
    (selection.place ?? null) === resolved.place &&
    (selection.period ?? null) === resolved.period &&
    (selection.sex ?? null) === resolved.sex &&
    (selection.age ?? null) === resolved.age;

  let local: DecileSet | null = null;
  let national: DecileSet | null = null;
  let localReason: string | null = null;
  const scopeName = place ? place.name : icb.name;
  if (!pcnAvailable.length) {
    localReason = "This indicator has no figures for neighbourhoods (primary care networks), so they cannot be grouped by deprivation.";
  } else if (indicator.aggregation === "none") {
    localReason = "This indicator's figures cannot be added together across neighbourhoods.";
  } else if (chosen) {
    let codes: string[];
    if (place) {
      const { members } = await placeMembership({ db, icbCode: icb.code });
      codes = [...new Set(members.filter((m) => m.placeCode === place.code).map((m) => m.pcnCode))];
    } else {
      codes = (await db.select({ code: areas.code }).from(areas).where(and(eq(areas.level, "neighbourhood"), eq(areas.icbCode, icb.code)))).map((r) => r.code);
    }
    // One pass over England's neighbourhoods: each decile for the ICB or place (local) and for England (national).
    const grouped = await rows<{ national: number; local: boolean | null; decile: number; areas: number; count: number | null; denominator: number | null; weighted: number | null; weight: number | null }>(
      db,
      sql`select grouping(s.local)::int as national, s.local, s.decile, count(*)::int as areas,
        sum(s.count) filter (where s.count is not null and s.denominator is not null)::float8 as count,
        sum(s.denominator) filter (where s.count is not null and s.denominator is not null)::float8 as denominator,
        sum(s.value * s.denominator) filter (where s.value is not null and s.denominator > 0)::float8 as weighted,
        sum(s.denominator) filter (where s.value is not null and s.denominator > 0)::float8 as weight
        from (
          select v.area_code in (${sql.join(codes.concat([""]).map((c) => sql`${c}`), sql`, `)}) as local, a.imd_decile as decile, v.count, v.denominator, v.value
          from indicator_values v join areas a on a.code = v.area_code and a.level = 'neighbourhood'
          where v.indicator_id = ${indicatorId} and v.area_type = 'pcn' and v.period = ${chosen.period} and v.sex = ${chosen.sex} and v.age = ${chosen.age}
            and v.category_type = '' and v.category = '' and a.imd_decile is not null
        ) s
        group by grouping sets ((s.local, s.decile), (s.decile))`,
    );
    const toSet = (key: string, title: string, list: typeof grouped, note: string): DecileSet => {
      const deciles = list.map((g) => decileFigure(indicator, { decile: Number(g.decile), areas: Number(g.areas), count: num(g.count), denominator: num(g.denominator), weighted: num(g.weighted), weight: num(g.weight) })).sort((a, b) => a.quantile - b.quantile);
      return { key, title, of: 10, rows: deciles, sii: cachedSlope({ quantiles: deciles, valueType: indicator.valueType, multiplier: indicator.multiplier, unit: indicator.unit }), note };
    };
    const note =
      "Neighbourhoods are grouped by the national decile of their IMD 2019 score (weighted by registered patients; 1 = most deprived tenth of PCNs in England); each group's figure is summed from its neighbourhoods' counts and denominators, weighted by registered patients in the slope index.";
    local = toSet("local", `Neighbourhoods of ${scopeName} by deprivation decile`, grouped.filter((g) => Number(g.national) === 0 && g.local === true), note);
    national = toSet("national", "All neighbourhoods in England by deprivation decile", grouped.filter((g) => Number(g.national) === 1), note);
    if (!local.rows.length) localReason = `No neighbourhood of ${scopeName} has a figure for this period.`;
  }

  // Fingertips' own deprivation rows for England, the ICB or the place.
  const fingertips: InequalityView["fingertips"] = [];
  if (deprivationRows.length) {
    const codes = [ENGLAND, icb.code, ...(place ? [place.code] : [])];
    const found = (await storedFigures(db, codes, { indicatorId })).filter((f) => isDeprivationCategoryType(f.categoryType));
    const groups = new Map<string, Figure[]>();
    for (const f of found) groups.set(`${f.areaCode}\u001f${f.categoryType}`, [...(groups.get(`${f.areaCode}\u001f${f.categoryType}`) ?? []), f]);
    const names = new Map([[ENGLAND, "England"], [icb.code, icb.name], ...(place ? ([[place.code, place.name]] as [string, string][]) : [])]);
    for (const [key, list] of groups) {
      const pick = chooseBreakdown(list, { period: selection.period ?? chosen?.period, sex: chosen?.sex ?? undefined, age: chosen?.age ?? undefined });
      if (!pick) continue;
      const current = list.filter((f) => f.period === pick.period && f.sex === pick.sex && f.age === pick.age);
      const placed = current.map((f) => ({ f, q: deprivationQuantile(f.category) })).filter((x) => x.q !== null);
      if (placed.length < 2) continue;
      const of = placed[0].q!.of;
      const deciles: DecileRow[] = placed
        .filter((x) => x.q!.of === of)
        .map(({ f, q }) => ({ quantile: q!.quantile, population: 1, areas: 1, count: f.count, denominator: f.denominator, value: f.value, lower95: f.lower95, upper95: f.upper95, flags: f.flags }))
        .sort((a, b) => a.quantile - b.quantile);
      const [areaCode, categoryType] = key.split("\u001f");
      fingertips.push({
        key: `fingertips-${areaCode}`,
        title: `${names.get(areaCode) ?? areaCode}: ${categoryType}, ${pick.period} (as published by Fingertips)`,
        of,
        rows: deciles,
        sii: cachedSlope({ quantiles: deciles, valueType: indicator.valueType, multiplier: indicator.multiplier, unit: indicator.unit }),
        note: "Fingertips' own figures for the area's LSOAs grouped by deprivation decile. Each decile holds about a tenth of the area's small areas, so the slope index weights the deciles equally.",
        areaCode,
        areaName: names.get(areaCode) ?? areaCode,
        period: pick.period,
      });
    }
  }

  const periods = chosen?.periods ?? [];
  return {
    indicator,
    icb,
    place: place ? { code: place.code, name: place.name } : null,
    selection: resolved,
    canonical,
    options: { icbs: icbs.map(({ code, name }) => ({ code, name })), places: placeTargets.map((p) => ({ code: p.code, name: p.name })), periods, sexAges: chosen?.sexAges ?? [] },
    local: local && local.rows.length ? local : null,
    national,
    localReason,
    fingertips,
    timings: timings(),
  };
}

// ---------------------------------------------------------------------------------------------
// Trend
// ---------------------------------------------------------------------------------------------

export type TrendRow = {
  period: string;
  periodStart: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  england: number | null;
  comparatorValue: number | null;
  comparedToEngland: BenchmarkOutcome;
  comparedToComparator: BenchmarkOutcome | null;
  flags: string[];
};

export type TrendView = {
  indicator: ViewIndicator;
  area: ResolvedArea | null;
  comparators: (AreaName & { kindLabel: string })[];
  comparator: (AreaName & { kindLabel: string }) | null;
  selection: { area: string | null; sex: string | null; age: string | null; categoryType: string | null; category: string | null; comparator: string | null };
  canonical: boolean;
  options: { sexAges: { sex: string; age: string }[]; categories: { categoryType: string; category: string }[]; areas: AreaName[] };
  periods: string[];
  rows: TrendRow[];
  timings: Timings;
};

export async function getTrendView({
  db: base,
  indicatorId,
  selection,
  userIcbCode,
}: {
  db: Queryable;
  indicatorId: string;
  selection: TrendSelection;
  userIcbCode: string | null;
}): Promise<TrendView> {
  const { db, timings } = stopwatch(base);
  const indicator = await indicatorMeta(db, indicatorId);
  // Areas to offer: the user's ICB, its places and its local authorities that have figures.
  const icbCode = userIcbCode ?? GREATER_MANCHESTER;
  const [icbRow] = await db.select({ code: areas.code, name: areas.name }).from(areas).where(and(eq(areas.level, "icb"), eq(areas.code, icbCode)));
  const [placeTargets, lads] = await Promise.all([footprintAreas({ db, level: "place", parent: icbCode }).then((r) => r.targets), ladsOfIcb(db, icbCode)]);
  const offered = [...(icbRow ? [icbRow] : []), ...placeTargets.map((p) => ({ code: p.code, name: p.name })), ...lads.filter((l) => !placeTargets.some((p) => p.code === l.code))];
  const haveFigures = new Set((await availabilityByArea(db, indicatorId, offered.map((o) => o.code))).filter((a) => a.periods > 1).map((a) => a.code));
  const options = { areas: offered.filter((o) => haveFigures.has(o.code)) };
  if (!selection.area) {
    return {
      indicator,
      area: null,
      comparators: [],
      comparator: null,
      selection: { area: null, sex: null, age: null, categoryType: null, category: null, comparator: null },
      canonical: true,
      options: { ...options, sexAges: [], categories: [] },
      periods: [],
      rows: [],
      timings: timings(),
    };
  }
  const { area, comparators } = await resolveArea(db, selection.area);
  const england: ResolvedArea = { code: ENGLAND, name: "England", kind: "other", kindLabel: "Country", icb: null, page: null, standIn: null, members: null };
  const all = await figuresOfAreas(db, [area], { indicatorId });
  const own = all.get(area.code) ?? [];
  const chosen = chooseBreakdown(own, { sex: selection.sex, age: selection.age, categoryType: selection.categoryType, category: selection.category });
  const filter: Filter = chosen ? { indicatorId, sex: chosen.sex, age: chosen.age, categoryType: chosen.categoryType, category: chosen.category } : { indicatorId };
  const benchmarks = await figuresOfAreas(db, [england, ...comparators.map((c) => c.area)], filter);
  // By default the first comparator that has figures for this indicator (an ICB has no life expectancy, for example).
  const withFigures = comparators.filter((c) => (benchmarks.get(c.code) ?? []).length > 0);
  const chosenComparator = selection.comparator === "england" ? null : (comparators.find((c) => c.code === selection.comparator) ?? withFigures[0] ?? null);
  const mine = chosen ? own.filter((f) => f.sex === chosen.sex && f.age === chosen.age && f.categoryType === chosen.categoryType && f.category === chosen.category) : [];
  const englandBy = new Map((benchmarks.get(ENGLAND) ?? []).map((f) => [f.period, f]));
  const comparatorBy = new Map((chosenComparator ? (benchmarks.get(chosenComparator.code) ?? []) : []).map((f) => [f.period, f]));
  const trendRows: TrendRow[] = mine
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.period.localeCompare(b.period))
    .map((f) => {
      const eng = englandBy.get(f.period);
      const cmp = comparatorBy.get(f.period);
      return {
        period: f.period,
        periodStart: f.periodStart,
        count: f.count,
        denominator: f.denominator,
        value: f.value,
        lower95: f.lower95,
        upper95: f.upper95,
        england: eng?.value ?? null,
        comparatorValue: cmp?.value ?? null,
        comparedToEngland: compareWith(f, ENGLAND, eng, indicator, publishedEnglandComparison(f.publishedEngland ? { "Compared to England value or percentiles": f.publishedEngland } : null)),
        comparedToComparator: chosenComparator ? compareWith(f, chosenComparator.code, cmp, indicator) : null,
        flags: f.flags,
      };
    });
  const periods = [...new Map([...mine, ...(benchmarks.get(ENGLAND) ?? [])].map((f) => [f.period, f.periodStart])).entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([p]) => p);
  const resolved = {
    area: area.code,
    sex: chosen?.sex ?? null,
    age: chosen?.age ?? null,
    categoryType: chosen?.categoryType || null,
    category: chosen?.categoryType ? chosen.category : null,
    comparator: chosenComparator?.code ?? (comparators.length ? "england" : null),
  };
  return {
    indicator,
    area,
    comparators: comparators.map(({ area: _a, ...c }) => c),
    comparator: chosenComparator ? { code: chosenComparator.code, name: chosenComparator.name, kindLabel: chosenComparator.kindLabel } : null,
    selection: resolved,
    canonical:
      selection.area === resolved.area &&
      (selection.sex ?? null) === resolved.sex &&
      (selection.age ?? null) === resolved.age &&
      (selection.categoryType ?? null) === resolved.categoryType &&
      (selection.category ?? null) === resolved.category &&
      (selection.comparator ?? null) === resolved.comparator,
    options: { ...options, sexAges: chosen?.sexAges ?? [], categories: chosen?.categories ?? [] },
    periods,
    rows: trendRows,
    timings: timings(),
  };
}

async function availabilityByArea(db: Queryable, indicatorId: string, codes: string[]): Promise<{ code: string; periods: number }[]> {
  if (!codes.length) return [];
  const found = await db
    .select({ code: indicatorValues.areaCode, periods: sql<number>`count(distinct ${indicatorValues.period})::int` })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), inArray(indicatorValues.areaCode, codes)))
    .groupBy(indicatorValues.areaCode);
  return found.map((r) => ({ code: r.code, periods: Number(r.periods) }));
}

/** The Server-Timing header of a view: time waiting for SQL, the rest of the service's time, and the total. */
export function serverTimingHeaders(t: Timings): Record<string, string> {
  const app = Math.max(0, t.totalMs - t.sqlMs);
  return { "Server-Timing": `sql;desc="SQL";dur=${t.sqlMs.toFixed(1)}, app;desc="Application";dur=${app.toFixed(1)}, service;desc="View service";dur=${t.totalMs.toFixed(1)}` };
}
