import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { areas, customPlaces, icbPlaceSchemes, importRuns, indicators, indicatorValues } from "../../../db/schema/index";
import { type Numbers, sumProportions, weightedMean } from "../../domain/indicators/aggregate";
import { areaTypesForQuery } from "../../domain/indicators/area-types";
import { breakdownKey, type Comparison, compareFigure, publishedEnglandComparison } from "../../domain/indicators/compare";
import type { BenchmarkOutcome, ComparisonMethod, Polarity } from "../../domain/statistics";
import { placeMembership } from "../geography/areas.server";

const ENGLAND = "E92000001";

export type ApiLevel = "system" | "place" | "neighbourhood";

export type IndicatorSummary = {
  id: string;
  name: string;
  definition: string;
  source: string;
  sourceFile: string | null;
  unit: string;
  multiplier: number;
  valueType: string;
  polarity: string;
  comparisonMethod: string;
  disclosureRule: string;
  caveats: string[];
  licence: string;
  aggregation: string;
  origin: string;
  lacks: string[];
  quirks: { rule: string; count: number; examples?: string[] }[];
  metadataBasis: string;
  updatedAt: string;
  periods: { period: string; start: string; end: string }[];
  areaTypes: { areaType: string; figures: number }[];
  footprints: ApiLevel[];
  figures: number;
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
  licence: indicators.licence,
  aggregation: indicators.aggregation,
  origin: indicators.origin,
  lacks: indicators.lacks,
  quirks: indicators.quirks,
  metadataBasis: indicators.metadataBasis,
  updatedAt: indicators.updatedAt,
};

/** Which footprint levels an indicator's area types reach. */
function footprintsOf(types: string[]): ApiLevel[] {
  const out: ApiLevel[] = [];
  if (types.includes("icb")) out.push("system");
  if (types.some((t) => t === "place" || t === "ua" || t === "county")) out.push("place");
  if (types.includes("pcn")) out.push("neighbourhood");
  return out;
}

/** Every indicator with its metadata, the periods it covers and the area types it has figures for. */
export async function listIndicators({ db, id }: { db: Queryable; id?: string }): Promise<IndicatorSummary[]> {
  const where = id ? eq(indicators.id, id) : undefined;
  const [metas, periods, types] = await Promise.all([
    db.select(metaColumns).from(indicators).where(where).orderBy(asc(indicators.id)),
    db
      .select({ id: indicatorValues.indicatorId, period: indicatorValues.period, start: sql<string>`min(${indicatorValues.periodStart})::text`, end: sql<string>`max(${indicatorValues.periodEnd})::text` })
      .from(indicatorValues)
      .where(id ? eq(indicatorValues.indicatorId, id) : undefined)
      .groupBy(indicatorValues.indicatorId, indicatorValues.period)
      .orderBy(sql`min(${indicatorValues.periodStart})`, indicatorValues.period),
    db
      .select({ id: indicatorValues.indicatorId, areaType: indicatorValues.areaType, figures: sql<number>`count(*)::int` })
      .from(indicatorValues)
      .where(id ? eq(indicatorValues.indicatorId, id) : undefined)
      .groupBy(indicatorValues.indicatorId, indicatorValues.areaType)
      .orderBy(indicatorValues.areaType),
  ]);
  return metas.map((m) => {
    const mine = types.filter((t) => t.id === m.id);
    return {
      ...m,
      updatedAt: m.updatedAt.toISOString(),
      periods: periods.filter((p) => p.id === m.id).map(({ period, start, end }) => ({ period, start, end })),
      areaTypes: mine.map(({ areaType, figures }) => ({ areaType, figures })),
      footprints: footprintsOf(mine.map((t) => t.areaType)),
      figures: mine.reduce((s, t) => s + t.figures, 0),
    };
  });
}

export class QueryProblem extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

type Parent =
  | { kind: "england"; code: string; name: string }
  | { kind: "icb"; code: string; name: string }
  | { kind: "place"; code: string; name: string; icbCode: string; custom: boolean }
  | { kind: "neighbourhood"; code: string; name: string; icbCode: string }
  | { kind: "other"; code: string; name: string; level: string };

/** What kind of area a `parent=` code names: ONS codes, an ICB's ODS code, or an ICB's own place. */
async function findParent(db: Queryable, code: string): Promise<Parent> {
  const upper = code.trim().toUpperCase();
  if (upper === ENGLAND) return { kind: "england", code: ENGLAND, name: "England" };
  const [area] = await db
    .select({ code: areas.code, name: areas.name, level: areas.level, icbCode: areas.icbCode })
    .from(areas)
    .where(sql`${areas.code} = ${code.trim()} or ${areas.code} = ${upper} or (${areas.level} = 'icb' and ${areas.odsCode} = ${upper})`)
    .limit(1);
  if (area?.level === "icb") return { kind: "icb", code: area.code, name: area.name };
  if (area?.level === "place") return { kind: "place", code: area.code, name: area.name, icbCode: area.icbCode!, custom: false };
  if (area?.level === "neighbourhood") return { kind: "neighbourhood", code: area.code, name: area.name, icbCode: area.icbCode! };
  if (area) return { kind: "other", code: area.code, name: area.name, level: area.level };
  const [custom] = await db.select().from(customPlaces).where(and(eq(customPlaces.code, code.trim()), eq(customPlaces.active, true)));
  if (custom) return { kind: "place", code: custom.code, name: custom.name, icbCode: custom.icbCode, custom: true };
  throw new QueryProblem(404, `No area has the code ${JSON.stringify(code)}`);
}

/** An area of a footprint, with what its figures are read from. */
export type Target = {
  code: string;
  name: string;
  level: ApiLevel;
  /** The area compared with as "parent". */
  parentCode: string | null;
  icbCode: string | null;
  custom: boolean;
  /** A place that is part of an authority split between ICBs: the authority's own figures stand in, flagged. */
  wholeAuthorityCode?: string;
  /** An ICB's own place: its neighbourhoods, whose figures are summed. */
  memberCodes?: string[];
};

async function icbsUsingOwnPlaces(db: Queryable, icbCode?: string): Promise<Set<string>> {
  const rows = await db
    .select({ icbCode: icbPlaceSchemes.icbCode })
    .from(icbPlaceSchemes)
    .where(and(eq(icbPlaceSchemes.scheme, "custom"), icbCode ? eq(icbPlaceSchemes.icbCode, icbCode) : undefined));
  return new Set(rows.map((r) => r.icbCode));
}

/** Default places (upper-tier authorities within ICBs), or one ICB's. */
async function defaultPlaces(db: Queryable, icbCode?: string): Promise<Target[]> {
  const rows = await db
    .select({ code: areas.code, name: areas.name, icbCode: areas.icbCode, details: areas.details })
    .from(areas)
    .where(and(eq(areas.level, "place"), icbCode ? eq(areas.icbCode, icbCode) : undefined))
    .orderBy(asc(areas.name));
  return rows.map((r) => {
    const utla = (r.details as { utlaCode?: string } | null)?.utlaCode;
    return {
      code: r.code,
      name: r.name,
      level: "place" as const,
      parentCode: r.icbCode,
      icbCode: r.icbCode,
      custom: false,
      ...(utla && utla !== r.code ? { wholeAuthorityCode: utla } : {}),
    };
  });
}

/** An ICB's own places, each with its neighbourhoods (placeMembership decides which). */
async function ownPlaces(db: Queryable, icbCode: string): Promise<Target[]> {
  const [{ members }, defs] = await Promise.all([
    placeMembership({ db, icbCode }),
    db.select().from(customPlaces).where(and(eq(customPlaces.icbCode, icbCode), eq(customPlaces.active, true))).orderBy(asc(customPlaces.name)),
  ]);
  return defs.map((d) => ({
    code: d.code,
    name: d.name,
    level: "place" as const,
    parentCode: icbCode,
    icbCode,
    custom: true,
    memberCodes: members.filter((m) => m.placeCode === d.code).map((m) => m.pcnCode),
  }));
}

async function placesOf(db: Queryable, icbCode?: string): Promise<Target[]> {
  const own = await icbsUsingOwnPlaces(db, icbCode);
  const defaults = (await defaultPlaces(db, icbCode)).filter((p) => !own.has(p.icbCode!));
  const custom = (await Promise.all([...own].map((icb) => ownPlaces(db, icb)))).flat();
  return [...defaults, ...custom].sort((a, b) => a.name.localeCompare(b.name));
}

async function neighbourhoods(db: Queryable, filter: SQL | undefined, parentCode: (row: { parentCode: string | null; icbCode: string | null }) => string | null): Promise<Target[]> {
  const rows = await db
    .select({ code: areas.code, name: areas.name, parentCode: areas.parentCode, icbCode: areas.icbCode })
    .from(areas)
    .where(and(eq(areas.level, "neighbourhood"), filter))
    .orderBy(asc(areas.name));
  return rows.map((r) => ({ code: r.code, name: r.name, level: "neighbourhood" as const, parentCode: parentCode(r), icbCode: r.icbCode, custom: false }));
}

/**
 * The areas of a footprint: ICBs (system); the places of an ICB under its own scheme
 * (its own places if it has defined them, otherwise upper-tier authorities); the
 * neighbourhoods (PCNs) of an ICB or of one place. `parent` narrows the footprint and
 * is what each area is compared with as its parent.
 */
export async function footprintAreas({ db, level, parent }: { db: Queryable; level: ApiLevel; parent?: string }): Promise<{ parent: Parent | null; targets: Target[] }> {
  const p = parent ? await findParent(db, parent) : null;
  const wrongParent = (allowed: string) => new QueryProblem(400, `parent=${parent} is ${p!.kind === "other" ? `a ${(p as { level: string }).level}` : `a ${p!.kind}`}: for level=${level} give ${allowed}`);
  if (level === "system") {
    if (p && p.kind !== "england" && p.kind !== "icb") throw wrongParent("England (E92000001) or an ICB");
    const rows = await db
      .select({ code: areas.code, name: areas.name })
      .from(areas)
      .where(and(eq(areas.level, "icb"), p?.kind === "icb" ? eq(areas.code, p.code) : undefined))
      .orderBy(asc(areas.name));
    return { parent: p, targets: rows.map((r) => ({ ...r, level: "system", parentCode: null, icbCode: r.code, custom: false })) };
  }
  if (level === "place") {
    if (!p || p.kind === "england") return { parent: p, targets: await placesOf(db) };
    if (p.kind === "icb") return { parent: p, targets: await placesOf(db, p.code) };
    if (p.kind === "place") return { parent: p, targets: (await placesOf(db, p.icbCode)).filter((t) => t.code === p.code) };
    throw wrongParent("an ICB or a place");
  }
  if (!p || p.kind === "england") return { parent: p, targets: await neighbourhoods(db, undefined, (r) => r.parentCode) };
  if (p.kind === "icb") return { parent: p, targets: await neighbourhoods(db, eq(areas.icbCode, p.code), () => p.code) };
  if (p.kind === "neighbourhood") return { parent: p, targets: await neighbourhoods(db, eq(areas.code, p.code), (r) => r.parentCode) };
  if (p.kind === "place") {
    const { members } = await placeMembership({ db, icbCode: p.icbCode });
    const codes = members.filter((m) => m.placeCode === p.code).map((m) => m.pcnCode);
    return { parent: p, targets: codes.length ? await neighbourhoods(db, inArray(areas.code, codes), () => p.code) : [] };
  }
  throw wrongParent("an ICB, a place or a neighbourhood");
}

export type AreaListing = { code: string; name: string; level: string; areaType: string | null; parentCode: string | null; icbCode: string | null; custom: boolean };

/** The areas of a footprint, or the areas that have figures of an imported area type. */
export async function listAreas({ db, level, parent, areaType }: { db: Queryable; level?: ApiLevel; parent?: string; areaType?: string }): Promise<AreaListing[]> {
  if (areaType) {
    const types = areaTypesForQuery(areaType);
    const rows = await db
      .selectDistinct({ code: indicatorValues.areaCode, areaType: indicatorValues.areaType, parentCode: indicatorValues.parentCode, name: areas.name, icbCode: areas.icbCode })
      .from(indicatorValues)
      .leftJoin(areas, eq(areas.code, indicatorValues.areaCode))
      .where(and(inArray(indicatorValues.areaType, types), parent ? eq(indicatorValues.parentCode, parent) : undefined));
    const seen = new Map<string, AreaListing>();
    for (const r of rows) {
      if (!seen.has(r.code)) seen.set(r.code, { code: r.code, name: r.name ?? r.code, level: r.areaType, areaType: r.areaType, parentCode: r.parentCode, icbCode: r.icbCode, custom: false });
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
  const { targets } = await footprintAreas({ db, level: level ?? "system", parent });
  return targets.map((t) => ({ code: t.code, name: t.name, level: t.level, areaType: null, parentCode: t.parentCode, icbCode: t.icbCode, custom: t.custom }));
}

export type DataQuery = {
  indicatorId: string;
  level?: ApiLevel;
  areaType?: string;
  parent?: string;
  /** A period label, or "latest". */
  period?: string;
  sex?: string;
  age?: string;
  categoryType?: string;
  category?: string;
};

export type DataRow = {
  areaCode: string;
  areaName: string;
  areaType: string;
  parentCode: string | null;
  period: string;
  periodStart: string;
  periodEnd: string;
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
  comparedToEngland: BenchmarkOutcome;
  comparedToParent: BenchmarkOutcome;
  /** Whether the England comparison was computed here from the interval or is the source's own. */
  comparisonBasis: Comparison["basis"];
  valueNote: string | null;
  flags: string[];
  source: string;
  sourceFile: string | null;
};

export const DATA_COLUMNS: (keyof DataRow)[] = [
  "areaCode",
  "areaName",
  "areaType",
  "parentCode",
  "period",
  "periodStart",
  "periodEnd",
  "sex",
  "age",
  "categoryType",
  "category",
  "count",
  "denominator",
  "value",
  "lower95",
  "upper95",
  "lower998",
  "upper998",
  "comparedToEngland",
  "comparedToParent",
  "comparisonBasis",
  "valueNote",
  "flags",
  "source",
  "sourceFile",
];

type Stored = {
  areaCode: string;
  areaType: string;
  parentCode: string | null;
  period: string;
  periodStart: string;
  periodEnd: string;
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
  valueNote: string | null;
  flags: string[];
  published: Record<string, string> | null;
  source: string;
  sourceSha256: string | null;
};

const storedColumns = {
  areaCode: indicatorValues.areaCode,
  areaType: indicatorValues.areaType,
  parentCode: indicatorValues.parentCode,
  period: indicatorValues.period,
  periodStart: indicatorValues.periodStart,
  periodEnd: indicatorValues.periodEnd,
  sex: indicatorValues.sex,
  age: indicatorValues.age,
  categoryType: indicatorValues.categoryType,
  category: indicatorValues.category,
  count: indicatorValues.count,
  denominator: indicatorValues.denominator,
  value: indicatorValues.value,
  lower95: indicatorValues.lower95,
  upper95: indicatorValues.upper95,
  lower998: indicatorValues.lower998,
  upper998: indicatorValues.upper998,
  valueNote: indicatorValues.valueNote,
  flags: indicatorValues.flags,
  published: indicatorValues.published,
  source: indicatorValues.source,
  sourceSha256: indicatorValues.sourceSha256,
};

function breakdownFilter(q: DataQuery): SQL[] {
  const out: SQL[] = [];
  if (q.period && q.period !== "latest") out.push(eq(indicatorValues.period, q.period));
  if (q.sex) out.push(eq(indicatorValues.sex, q.sex));
  if (q.age) out.push(eq(indicatorValues.age, q.age));
  if (q.categoryType !== undefined) out.push(eq(indicatorValues.categoryType, q.categoryType));
  if (q.category !== undefined) out.push(eq(indicatorValues.category, q.category));
  return out;
}

async function storedFigures(db: Queryable, q: DataQuery, where: SQL): Promise<Stored[]> {
  return (await db
    .select(storedColumns)
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, q.indicatorId), where, ...breakdownFilter(q)))) as Stored[];
}

/** An ICB's own place as one set of figures, summed from its neighbourhoods' where the indicator allows. */
function sumMembers(target: Target, members: Stored[], aggregation: string, multiplier: number): Stored[] {
  const groups = new Map<string, Stored[]>();
  for (const m of members) {
    const key = breakdownKey(m);
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  const out: Stored[] = [];
  for (const list of groups.values()) {
    let numbers: Numbers | null = null;
    if (aggregation === "proportion") numbers = sumProportions(list, multiplier);
    else if (aggregation === "weighted-mean") numbers = weightedMean(list.map((m) => ({ value: m.value, weight: m.denominator })));
    if (!numbers) continue;
    const first = list[0];
    out.push({
      ...first,
      ...numbers,
      areaCode: target.code,
      areaType: "place",
      parentCode: target.parentCode,
      valueNote: `${list.length} neighbourhood${list.length === 1 ? "" : "s"}`,
      flags: [...numbers.flags, "custom-place"],
      published: null,
    });
  }
  return out;
}

const orderRows = (a: DataRow, b: DataRow) =>
  a.areaName.localeCompare(b.areaName) ||
  a.areaCode.localeCompare(b.areaCode) ||
  a.periodStart.localeCompare(b.periodStart) ||
  a.period.localeCompare(b.period) ||
  a.sex.localeCompare(b.sex) ||
  a.age.localeCompare(b.age) ||
  a.categoryType.localeCompare(b.categoryType) ||
  a.category.localeCompare(b.category);

export type IndicatorData = {
  indicator: IndicatorSummary;
  query: DataQuery;
  parent: { code: string; name: string } | null;
  rows: DataRow[];
  /** Areas of the footprint with no figure, and why. */
  missing: { code: string; name: string; reason: string }[];
};

/**
 * An indicator's figures for the areas of a footprint (or of an area type), each with
 * its comparison with England and with its parent, worked out from the stored
 * intervals by the indicator's method and polarity.
 */
export async function getIndicatorData({ db, query }: { db: Queryable; query: DataQuery }): Promise<IndicatorData> {
  const [indicator] = await listIndicators({ db, id: query.indicatorId });
  if (!indicator) throw new QueryProblem(404, `No indicator has the id ${JSON.stringify(query.indicatorId)}`);

  let targets: Target[] = [];
  let parent: Parent | null = null;
  let own: Stored[] = [];
  if (query.areaType) {
    own = await storedFigures(db, query, and(inArray(indicatorValues.areaType, areaTypesForQuery(query.areaType)), query.parent ? eq(indicatorValues.parentCode, query.parent) : undefined)!);
  } else {
    ({ parent, targets } = await footprintAreas({ db, level: query.level ?? "system", parent: query.parent }));
  }
  // Neighbourhoods of a place are compared with that place, which may itself be an
  // ICB's own place or part of a split authority: it is read the way places are.
  const helpers: Target[] = [];
  if (parent?.kind === "place" && query.level === "neighbourhood") {
    const place = parent;
    helpers.push(...(await placesOf(db, place.icbCode)).filter((t) => t.code === place.code));
  }

  // Everything the answer reads: the areas' own figures, stand-ins for split places,
  // neighbourhoods of own places, England and the parents.
  const codes = new Set<string>([ENGLAND]);
  for (const t of [...targets, ...helpers]) {
    codes.add(t.code);
    if (t.wholeAuthorityCode) codes.add(t.wholeAuthorityCode);
    for (const m of t.memberCodes ?? []) codes.add(m);
    if (t.parentCode) codes.add(t.parentCode);
  }
  for (const f of own) if (f.parentCode) codes.add(f.parentCode);
  const fetched = await storedFigures(db, query, inArray(indicatorValues.areaCode, [...codes]));
  const byArea = new Map<string, Stored[]>();
  for (const f of [...fetched, ...own]) {
    const list = byArea.get(f.areaCode) ?? [];
    if (!list.some((x) => breakdownKey(x) === breakdownKey(f))) list.push(f);
    byArea.set(f.areaCode, list);
  }

  // Own places and split places first, so that they can be parents too.
  const missing: IndicatorData["missing"] = [];
  const selected: { target: Pick<Target, "code" | "name" | "parentCode">; figures: Stored[] }[] = [];
  for (const t of [...targets, ...helpers].filter((x) => x.level === "place")) {
    if (t.custom) {
      const members = (t.memberCodes ?? []).flatMap((c) => byArea.get(c) ?? []);
      const summed = sumMembers(t, members, indicator.aggregation, indicator.multiplier);
      if (summed.length) byArea.set(t.code, summed);
    } else if (!byArea.get(t.code)?.length && t.wholeAuthorityCode && byArea.get(t.wholeAuthorityCode)?.length) {
      byArea.set(
        t.code,
        byArea.get(t.wholeAuthorityCode)!.map((f) => ({ ...f, areaCode: t.code, flags: [...f.flags, "whole-authority"], valueNote: f.valueNote ?? `Figure for the whole of ${t.wholeAuthorityCode}` })),
      );
    }
  }
  if (query.areaType) {
    const names = await areaNames(db, own.map((f) => f.areaCode));
    const grouped = new Map<string, Stored[]>();
    for (const f of own) grouped.set(f.areaCode, [...(grouped.get(f.areaCode) ?? []), f]);
    for (const [code, figures] of grouped) selected.push({ target: { code, name: names.get(code) ?? code, parentCode: figures[0].parentCode }, figures });
  } else {
    for (const t of targets) {
      const figures = byArea.get(t.code) ?? [];
      if (figures.length) selected.push({ target: t, figures });
      else missing.push({ code: t.code, name: t.name, reason: missingReason(t, indicator) });
    }
  }

  let latest: string | null = null;
  if (query.period === "latest") {
    for (const s of selected) for (const f of s.figures) if (!latest || f.periodStart > latest) latest = f.periodStart;
  }

  const runs = await runFiles(db);
  const keyed = (code: string | null) => new Map((code ? (byArea.get(code) ?? []) : []).map((f) => [breakdownKey(f), f]));
  const england = keyed(ENGLAND);
  const parentMaps = new Map<string, Map<string, Stored>>();
  const polarity = indicator.polarity as Polarity;
  const method = indicator.comparisonMethod as ComparisonMethod;
  const rows: DataRow[] = [];
  for (const { target, figures } of selected) {
    const parentCode = target.parentCode;
    if (parentCode && !parentMaps.has(parentCode)) parentMaps.set(parentCode, keyed(parentCode));
    for (const f of figures) {
      if (latest && f.periodStart !== latest) continue;
      const toEngland = compareFigure({ figure: f, benchmarkCode: ENGLAND, benchmarkFigures: england, polarity, method, published: publishedEnglandComparison(f.published) });
      const toParent = compareFigure({ figure: f, benchmarkCode: parentCode, benchmarkFigures: parentCode ? parentMaps.get(parentCode)! : new Map(), polarity, method });
      rows.push({
        areaCode: target.code,
        areaName: target.name,
        areaType: f.areaType,
        parentCode,
        period: f.period,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        sex: f.sex,
        age: f.age,
        categoryType: f.categoryType,
        category: f.category,
        count: f.count,
        denominator: f.denominator,
        value: f.value,
        lower95: f.lower95,
        upper95: f.upper95,
        lower998: f.lower998,
        upper998: f.upper998,
        comparedToEngland: toEngland.outcome,
        comparedToParent: toParent.outcome,
        comparisonBasis: toEngland.basis,
        valueNote: f.valueNote,
        flags: f.flags,
        source: f.source,
        sourceFile: f.source === "derived-indicators" ? indicator.sourceFile : (runs.get(`${f.source}\u001f${f.sourceSha256}`) ?? null),
      });
    }
  }
  rows.sort(orderRows);
  return {
    indicator,
    query,
    parent: parent ? { code: parent.code, name: parent.name } : null,
    rows,
    missing,
  };
}

function missingReason(t: Target, indicator: IndicatorSummary): string {
  if (t.custom) {
    return indicator.aggregation === "none"
      ? "An ICB's own place: this indicator cannot be summed from neighbourhoods"
      : "An ICB's own place whose neighbourhoods have no figures";
  }
  return `No figure published or derived for this area (the indicator covers: ${indicator.areaTypes.map((a) => a.areaType).join(", ") || "no areas"})`;
}

async function areaNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const unique = [...new Set(codes)];
  const rows = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The file each import run read, by source and checksum, so every figure can name its file. */
async function runFiles(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select({ source: importRuns.source, sha256: importRuns.sha256, fileName: importRuns.fileName }).from(importRuns).orderBy(asc(importRuns.finishedAt));
  return new Map(rows.map((r) => [`${r.source}\u001f${r.sha256}`, r.fileName]));
}
