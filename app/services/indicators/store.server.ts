import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { type BulkColumn, bulkInsert } from "../../../importers/shared/bulk";
import { areaTypeFromCode, importedAreaLevel } from "../../domain/indicators/area-types";
import type { IndicatorMeta } from "../../domain/indicators/catalogue";
import type { Figure } from "../../domain/indicators/figures";

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type Quirk = { rule: string; count: number; examples?: string[] };

export type IndicatorRecord = IndicatorMeta & {
  metadataBasis: "catalogue" | "inferred";
  sourceFile: string | null;
  quirks: Quirk[];
};

/** Writes indicators' metadata, replacing what an earlier load wrote for the same ids. */
export async function upsertIndicators(db: Queryable, records: readonly IndicatorRecord[]) {
  if (!records.length) return;
  await bulkInsert(
    db,
    "indicators",
    [
      { name: "id", type: "text" },
      { name: "name", type: "text" },
      { name: "definition", type: "text" },
      { name: "source", type: "text" },
      { name: "source_file", type: "text" },
      { name: "unit", type: "text" },
      { name: "multiplier", type: "double precision" },
      { name: "value_type", type: "text" },
      { name: "polarity", type: "text" },
      { name: "comparison_method", type: "text" },
      { name: "disclosure_rule", type: "text" },
      { name: "caveats", type: "jsonb" },
      { name: "licence", type: "text" },
      { name: "aggregation", type: "text" },
      { name: "origin", type: "text" },
      { name: "quirks", type: "jsonb" },
      { name: "metadata_basis", type: "text" },
    ],
    records.map((r) => ({
      id: r.id,
      name: r.name,
      definition: r.definition,
      source: r.source,
      source_file: r.sourceFile,
      unit: r.unit,
      multiplier: r.multiplier,
      value_type: r.valueType,
      polarity: r.polarity,
      comparison_method: r.comparisonMethod,
      disclosure_rule: r.disclosureRule,
      caveats: r.caveats,
      licence: r.licence,
      aggregation: r.aggregation,
      origin: r.origin,
      quirks: r.quirks,
      metadata_basis: r.metadataBasis,
    })),
    {
      onConflict:
        "on conflict (id) do update set name = excluded.name, definition = excluded.definition, source = excluded.source, source_file = excluded.source_file, unit = excluded.unit, multiplier = excluded.multiplier, value_type = excluded.value_type, polarity = excluded.polarity, comparison_method = excluded.comparison_method, disclosure_rule = excluded.disclosure_rule, caveats = excluded.caveats, licence = excluded.licence, aggregation = excluded.aggregation, origin = excluded.origin, quirks = excluded.quirks, metadata_basis = excluded.metadata_basis, updated_at = now()",
    },
  );
}

const VALUE_COLUMNS: BulkColumn[] = [
  { name: "indicator_id", type: "text" },
  { name: "area_code", type: "text" },
  { name: "area_type", type: "text" },
  { name: "parent_code", type: "text" },
  { name: "period", type: "text" },
  { name: "period_start", type: "date" },
  { name: "period_end", type: "date" },
  { name: "sex", type: "text" },
  { name: "age", type: "text" },
  { name: "category_type", type: "text" },
  { name: "category", type: "text" },
  { name: "count", type: "double precision" },
  { name: "denominator", type: "double precision" },
  { name: "value", type: "double precision" },
  { name: "lower95", type: "double precision" },
  { name: "upper95", type: "double precision" },
  { name: "lower998", type: "double precision" },
  { name: "upper998", type: "double precision" },
  { name: "value_note", type: "text" },
  { name: "flags", type: "jsonb" },
  { name: "published", type: "jsonb" },
  { name: "source", type: "text" },
  { name: "source_sha256", type: "text" },
  { name: "source_line", type: "integer" },
];

const UPDATE_VALUES = VALUE_COLUMNS.filter((c) => !["indicator_id", "area_code", "period", "sex", "age", "category_type", "category"].includes(c.name))
  .map((c) => `"${c.name}" = excluded."${c.name}"`)
  .join(", ");

function withoutNulls(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

export type FigureOrigin = { source: string; sha256: string | null };

/**
 * Writes figures. A figure already stored under the same key (indicator, area,
 * period, sex, age, category) is replaced, so loading a file twice changes nothing and
 * a later export of an indicator updates the figures it repeats and keeps the rest.
 */
export async function writeFigures(db: Queryable, figures: readonly Omit<Figure, "indicatorName" | "areaName" | "areaTypeLabel" | "parentName">[], origin: FigureOrigin) {
  await bulkInsert(
    db,
    "indicator_values",
    VALUE_COLUMNS,
    // Missing keys read as null in json_to_recordset: leaving nulls out keeps the
    // payload, which the embedded database parses slowly, small.
    figures.map((f) =>
      withoutNulls({
        indicator_id: f.indicatorId,
        area_code: f.areaCode,
        area_type: f.areaType,
        parent_code: f.parentCode,
        period: f.period,
        period_start: f.periodStart,
        period_end: f.periodEnd,
        sex: f.sex,
        age: f.age,
        category_type: f.categoryType,
        category: f.category,
        count: f.count,
        denominator: f.denominator,
        value: f.value,
        lower95: f.lower95,
        upper95: f.upper95,
        lower998: f.lower998,
        upper998: f.upper998,
        value_note: f.valueNote,
        flags: f.flags,
        published: Object.keys(f.published).length ? f.published : null,
        source: origin.source,
        source_sha256: origin.sha256,
        source_line: f.line > 0 ? f.line : null,
      }),
    ),
    {
      chunkSize: 10_000,
      onConflict: `on conflict (indicator_id, area_code, period, sex, age, category_type, category) do update set ${UPDATE_VALUES}`,
    },
  );
}

export type NamedArea = { code: string; name: string; areaType: string; areaTypeLabel: string; parentCode: string | null };

/**
 * Records the areas a file names that the bundled geography lacks (older codes, other
 * area types), from the file's own code, name, type and parent, so that historic
 * exports load and read back with names. Areas already known are left as they are:
 * reference geography always wins. Returns the codes that are not reference areas
 * (recorded now or by an earlier load), so that loading a file again reports the same.
 */
export async function recordNamedAreas(db: Queryable, named: readonly NamedArea[], recordedBy: string): Promise<string[]> {
  if (!named.length) return [];
  const codes = [...new Set(named.map((a) => a.code))];
  const known = new Map(
    (
      await rows<{ code: string; source: string }>(db, sql`select code, source from areas where code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`)
    ).map((r) => [r.code, r.source]),
  );
  const fresh = new Map<string, NamedArea>();
  for (const a of named) if (!known.has(a.code) && !fresh.has(a.code)) fresh.set(a.code, a);
  if (fresh.size) {
    await bulkInsert(
      db,
      "areas",
      [
        { name: "code", type: "text" },
        { name: "level", type: "text" },
        { name: "name", type: "text" },
        { name: "parent_code", type: "text" },
        { name: "source", type: "text" },
        { name: "details", type: "jsonb" },
      ],
      [...fresh.values()].map((a) => ({
        code: a.code,
        level: importedAreaLevel(a.areaType),
        name: a.name,
        parent_code: a.parentCode,
        source: "imported",
        details: { areaType: a.areaType, areaTypeLabel: a.areaTypeLabel, recordedBy },
      })),
      { onConflict: "on conflict (code) do nothing" },
    );
  }
  return codes.filter((c) => fresh.has(c) || known.get(c) === "imported");
}

/** The areas a set of figures names, parents included (a parent only named gets its type from its code). */
export function namedAreas(figures: readonly Figure[]): NamedArea[] {
  const out = new Map<string, NamedArea>();
  for (const f of figures) {
    if (!out.has(f.areaCode)) out.set(f.areaCode, { code: f.areaCode, name: f.areaName, areaType: f.areaType, areaTypeLabel: f.areaTypeLabel, parentCode: f.parentCode });
  }
  for (const f of figures) {
    if (f.parentCode && !out.has(f.parentCode)) {
      const type = areaTypeFromCode(f.parentCode);
      out.set(f.parentCode, { code: f.parentCode, name: f.parentName ?? f.parentCode, areaType: type, areaTypeLabel: `${type} (named as a parent)`, parentCode: null });
    }
  }
  return [...out.values()];
}

/**
 * What each indicator's stored figures lack (counts, denominators, intervals), worked
 * out from the figures themselves so that a later, fuller export clears the mark.
 */
export async function refreshLacks(db: Queryable, indicatorIds: readonly string[]) {
  if (!indicatorIds.length) return;
  await db.execute(sql`
    update indicators i set lacks = coalesce((
      select jsonb_agg(what order by what) from (
        select 'counts' as what from indicator_values v where v.indicator_id = i.id having bool_and(v.count is null)
        union all select 'denominators' from indicator_values v where v.indicator_id = i.id having bool_and(v.denominator is null)
        union all select '95% confidence intervals' from indicator_values v where v.indicator_id = i.id having bool_and(v.lower95 is null)
        union all select '99.8% confidence intervals' from indicator_values v where v.indicator_id = i.id having bool_and(v.lower998 is null)
      ) missing
    ), '[]'::jsonb)
    where i.id in (select jsonb_array_elements_text(${JSON.stringify(indicatorIds)}::jsonb))`);
}

/** Removes every figure of the given indicators (a derived step about to rewrite them). */
export async function clearFigures(db: Queryable, indicatorIds: readonly string[]) {
  if (!indicatorIds.length) return;
  await db.execute(sql`delete from indicator_values where indicator_id in (select jsonb_array_elements_text(${JSON.stringify(indicatorIds)}::jsonb))`);
}
