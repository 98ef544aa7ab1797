/**
 * HJP activity, outcomes and funding rolled up in the database, unrounded: from the
 * roll-up cells (cells.server.ts, one query for every dimension) where the dates asked
 * for fall on quarter boundaries, otherwise from the episodes (a grouped query per
 * kind of dimension). Both paths count by the rules below and give the same figures.
 * Disclosure control is applied afterwards, by dashboard.server.ts, to everything a
 * page or export shows; these figures never leave the server as they are.
 *
 * Rules (stated on the pages and in the README):
 *
 * - Scope: an ICB's HJP activity is the activity of the services it commissions
 *   (services whose ICB is that ICB), optionally only one organisation's or one service's.
 * - Period: an episode counts once, in the financial quarter (and year) of its referral
 *   date, whatever quarter it was reported or closed in; outcomes count with it.
 * - Footprint: an episode belongs to its client's neighbourhood (the PCN of their GP
 *   practice). Clients registered in another ICB's neighbourhood count in "Outside the
 *   ICB", clients with no neighbourhood recorded in "Not known"; both are rows, so that
 *   system = Σ places + those rows = Σ neighbourhoods + those rows, exactly.
 * - Places follow the ICB's own place scheme (placeMembership). An episode counts whole
 *   in one place: at a GP practice, the practice's place when that is one of its
 *   neighbourhood's places; otherwise, for a neighbourhood split across places, the place
 *   chosen by a fixed hash of the service and episode reference, with chances equal to the
 *   neighbourhood's shares. Counts stay whole numbers and each place gets its share on
 *   average. A neighbourhood in no place counts in "Not in a place".
 * - Each service's reporting period counts once (app/services/returns/totals.server.ts):
 *   where the latest accepted return for a period is a web-form return, its aggregates
 *   count and that period's episodes are left out. Form figures have no footprint, so
 *   at the ICB level they count under "Not known" for places, neighbourhoods,
 *   deprivation and setting (app/domain/returns/rollup-rows.ts); place and neighbourhood
 *   pages cannot include them.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { addRows, formContributions } from "../../domain/returns/rollup-rows";
import { placeMembership } from "../geography/areas.server";
import { ANY, ensureHjpCells, isQuarterEnd, isQuarterStart, summedOutcomes } from "./cells.server";
import { episodesWithFootprint, fyOf, NO_PLACE, NOT_KNOWN, OUTSIDE_ICB } from "./footprint.server";
import { countedByForm, formCountedAggregates } from "../returns/totals.server";
import type { ServiceSummary } from "./view-types";

export type HjpScope = {
  icbCode: string;
  /** Only this organisation's services (VCSE users see their own organisation's). */
  organisationId?: number | null;
  serviceId?: number | null;
};

export { NO_PLACE, NOT_KNOWN, OUTSIDE_ICB };

export type FootprintFilter = { level: "icb" } | { level: "place"; code: string } | { level: "neighbourhood"; code: string };

export const DIMENSIONS = [
  "quarter",
  "financial-year",
  "system",
  "place",
  "neighbourhood",
  "service",
  "setting",
  "delivery-model",
  "problem-area",
  "problem-category",
  "referral-source",
  "deprivation-decile",
  "housing-outcome",
  "problem-resolved",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type RollupRow = {
  key: string;
  referrals: number;
  attended: number;
  /** Attended with a referral date in the `recent` window asked for (reach per 1,000 adults). */
  attendedRecent: number;
  /** Attended and closed: the clients whose outcomes are known. */
  closedAttended: number;
  clientsWithGains: number;
  gainsRecurringPence: number;
  gainsOneOffPence: number;
  clientsWithDebtOutcome: number;
  debtManagedPence: number;
  debtWrittenOffPence: number;
  /** Closed clients with a housing outcome other than "none". */
  housingOutcomes: number;
  dampMould: number;
  dampMouldRepaired: number;
  resolvedYes: number;
  resolvedPartly: number;
  resolvedNo: number;
  wellbeingN: number;
  wellbeingMeanChange: number | null;
  wellbeingSdChange: number | null;
};

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Each dimension's key, per episode (null where the episode has none: no housing outcome yet). */
const KEY: Record<Dimension, string> = {
  quarter: `${fyOf("e.referral_date")} || ' Q' || extract(quarter from e.referral_date - interval '3 months')::int::text`,
  "financial-year": fyOf("e.referral_date"),
  system: "'system'",
  place: "e.place",
  neighbourhood: "e.nbh",
  service: "e.service_id::text",
  setting: "e.setting",
  "delivery-model": "e.delivery_model",
  "problem-area": "x.item",
  "problem-category": "x.item",
  "referral-source": "e.referral_source",
  "deprivation-decile": `coalesce(e.imd_decile::text, '${NOT_KNOWN}')`,
  "housing-outcome": "e.housing_outcome",
  "problem-resolved": "e.problem_resolved",
};

/** Dimensions with several keys per episode: grouped in their own query over the unnested lists. */
const LISTS: Partial<Record<Dimension, string>> = {
  "problem-area": "e.problem_areas",
  "problem-category": "e.problem_categories",
};

/**
 * The episodes in scope with their footprint: `nbh` (an ICB neighbourhood, or
 * outside-icb / not-known) and `place` (allocated as the module comment says).
 * Also used by the value-for-money roll-ups, so both count episodes in the same places.
 */
export async function scopedEpisodes({ db, scope, from, to }: { db: Queryable; scope: HjpScope; from?: string; to?: string }): Promise<SQL> {
  const { members } = await placeMembership({ db, icbCode: scope.icbCode });
  const conditions: SQL[] = [sql`s.icb_code = ${scope.icbCode}`];
  if (scope.organisationId != null) conditions.push(sql`s.organisation_id = ${scope.organisationId}`);
  if (scope.serviceId != null) conditions.push(sql`s.id = ${scope.serviceId}`);
  if (from) conditions.push(sql`ep.referral_date >= ${from}`);
  if (to) conditions.push(sql`ep.referral_date <= ${to}`);
  // A period an accepted form return covers counts from the form instead (never both).
  conditions.push(sql`not ${countedByForm("ep")}`);
  return episodesWithFootprint(members, conditions);
}

export function footprintCondition(footprint: FootprintFilter): SQL {
  if (footprint.level === "place") return sql`e.place = ${footprint.code}`;
  if (footprint.level === "neighbourhood") return sql`e.nbh = ${footprint.code}`;
  return sql`true`;
}

function measures(recent?: { from: string; to: string }): SQL {
  return sql`count(*)::int as referrals,
        count(*) filter (where e.attended)::int as attended,
        count(*) filter (where e.attended and e.referral_date between ${recent?.from ?? "1900-01-01"} and ${recent?.to ?? "1900-01-01"})::int as attended_recent,
        count(*) filter (where e.attended and e.closed_date is not null)::int as closed_attended,
        count(*) filter (where coalesce(e.gains_recurring_annual_pence, 0) + coalesce(e.gains_one_off_pence, 0) > 0)::int as clients_with_gains,
        coalesce(sum(e.gains_recurring_annual_pence), 0)::float8 as gains_recurring_pence,
        coalesce(sum(e.gains_one_off_pence), 0)::float8 as gains_one_off_pence,
        count(*) filter (where coalesce(e.debt_managed_pence, 0) + coalesce(e.debt_written_off_pence, 0) > 0)::int as clients_with_debt_outcome,
        coalesce(sum(e.debt_managed_pence), 0)::float8 as debt_managed_pence,
        coalesce(sum(e.debt_written_off_pence), 0)::float8 as debt_written_off_pence,
        count(*) filter (where e.housing_outcome is not null and e.housing_outcome <> 'none')::int as housing_outcomes,
        count(*) filter (where 'housing:damp-mould' = any(e.problem_categories))::int as damp_mould,
        count(*) filter (where 'housing:damp-mould' = any(e.problem_categories) and e.housing_outcome = 'repairs-secured')::int as damp_mould_repaired,
        count(*) filter (where e.problem_resolved = 'yes')::int as resolved_yes,
        count(*) filter (where e.problem_resolved = 'partly')::int as resolved_partly,
        count(*) filter (where e.problem_resolved = 'no')::int as resolved_no,
        count(*) filter (where e.swemwbs_baseline is not null and e.swemwbs_followup is not null)::int as wellbeing_n,
        avg(e.swemwbs_followup - e.swemwbs_baseline)::float8 as wellbeing_mean_change,
        stddev_samp(e.swemwbs_followup - e.swemwbs_baseline)::float8 as wellbeing_sd_change`;
}

function toRow(r: Record<string, unknown>): RollupRow {
  return {
    key: String(r.key),
    referrals: Number(r.referrals),
    attended: Number(r.attended),
    attendedRecent: Number(r.attended_recent),
    closedAttended: Number(r.closed_attended),
    clientsWithGains: Number(r.clients_with_gains),
    gainsRecurringPence: Number(r.gains_recurring_pence),
    gainsOneOffPence: Number(r.gains_one_off_pence),
    clientsWithDebtOutcome: Number(r.clients_with_debt_outcome),
    debtManagedPence: Number(r.debt_managed_pence),
    debtWrittenOffPence: Number(r.debt_written_off_pence),
    housingOutcomes: Number(r.housing_outcomes),
    dampMould: Number(r.damp_mould),
    dampMouldRepaired: Number(r.damp_mould_repaired),
    resolvedYes: Number(r.resolved_yes),
    resolvedPartly: Number(r.resolved_partly),
    resolvedNo: Number(r.resolved_no),
    wellbeingN: Number(r.wellbeing_n),
    wellbeingMeanChange: r.wellbeing_mean_change == null ? null : Number(r.wellbeing_mean_change),
    wellbeingSdChange: r.wellbeing_sd_change == null ? null : Number(r.wellbeing_sd_change),
  };
}

export type RollupQuery = {
  db: Queryable;
  scope: HjpScope;
  footprint?: FootprintFilter;
  /** Referral dates from and to (inclusive, ISO). */
  from?: string;
  to?: string;
  /** The window `attendedRecent` counts (clients per 1,000 adults a year). */
  recent?: { from: string; to: string };
  /**
   * Where the figures come from: the roll-up cells (the default, when every date asked
   * for falls on a quarter boundary) or the episodes themselves (always possible; the
   * tests compare the two).
   */
  source?: "cells" | "episodes";
};

/** Whether the cells can answer: their finest time is the quarter of referral. */
export function cellsCanAnswer({ from, to, recent }: Pick<RollupQuery, "from" | "to" | "recent">): boolean {
  const starts = (d?: string) => d === undefined || isQuarterStart(d);
  const ends = (d?: string) => d === undefined || isQuarterEnd(d);
  return starts(from) && ends(to) && (!recent || (isQuarterStart(recent.from) && isQuarterEnd(recent.to)));
}

/**
 * Activity and outcomes in scope, unrounded, grouped by each dimension asked for: one
 * pass over the episodes (GROUPING SETS) for the single-valued dimensions, and one over
 * the unnested lists for the problem dimensions. Rows come sorted by key.
 */
export async function rollUpHjpBy(query: RollupQuery & { by: readonly Dimension[] }): Promise<Map<Dimension, RollupRow[]>> {
  const { db, scope, footprint = { level: "icb" }, from, to, recent } = query;
  let out: Map<Dimension, RollupRow[]>;
  if ((query.source ?? "cells") === "cells" && cellsCanAnswer(query)) {
    await ensureHjpCells(db, scope.icbCode);
    out = await rollUpCells(query);
  } else {
    out = await rollUpEpisodes(query);
  }
  if (footprint.level === "icb") {
    const periods = await formCountedAggregates({ db, icbCode: scope.icbCode, organisationId: scope.organisationId, serviceId: scope.serviceId, from, to });
    if (periods.length) {
      const added = formContributions(periods, query.by, { notKnown: NOT_KNOWN, recent });
      for (const [d, extra] of added) {
        const merged = new Map((out.get(d as Dimension) ?? []).map((r) => [r.key, r]));
        for (const r of extra) merged.set(r.key, merged.has(r.key) ? addRows(merged.get(r.key)!, r) : r);
        out.set(d as Dimension, [...merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
      }
    }
  }
  return out;
}

/** The roll-ups from the episodes themselves, placing each one as the module comment says. */
async function rollUpEpisodes(query: RollupQuery & { by: readonly Dimension[] }): Promise<Map<Dimension, RollupRow[]>> {
  const { db, scope, footprint = { level: "icb" }, from, to, recent } = query;
  const episodes = await scopedEpisodes({ db, scope, from, to });
  const out = new Map<Dimension, RollupRow[]>(query.by.map((d) => [d, []]));
  const single = query.by.filter((d) => !LISTS[d]);
  if (single.length) {
    const keys = single.map((d, i) => sql.raw(`${KEY[d]} as k${i}`));
    const sets = single.map((_, i) => sql.raw(`(k${i})`));
    const which = sql.raw(`case ${single.map((d, i) => `when grouping(k${i}) = 0 then '${d}'`).join(" ")} end`);
    const coalesced = sql.raw(single.length > 1 ? `coalesce(${single.map((_, i) => `k${i}`).join(", ")})` : "k0");
    const result = await rows<Record<string, unknown>>(
      db,
      sql`with ${episodes},
        keyed as (select e.*, ${sql.join(keys, sql`, `)} from e where ${footprintCondition(footprint)})
        select ${which} as dimension, ${coalesced} as key, ${measures(recent)}
        from keyed e
        group by grouping sets (${sql.join(sets, sql`, `)})
        order by 1, 2`
    );
    for (const r of result) if (r.key !== null) out.get(r.dimension as Dimension)!.push(toRow(r));
  }
  for (const d of query.by.filter((d) => LISTS[d])) {
    const result = await rows<Record<string, unknown>>(
      db,
      sql`with ${episodes}
        select x.item as key, ${measures(recent)}
        from e cross join lateral unnest(${sql.raw(LISTS[d]!)}) as x(item)
        where ${footprintCondition(footprint)}
        group by 1 order by 1`
    );
    out.set(d, result.map(toRow));
  }
  return out;
}

/** Each dimension's key in a cell (dim = ''): the time, footprint, service and setting keys of its episodes. */
const CELL_KEY: Partial<Record<Dimension, string>> = {
  quarter: `${fyOf("c.referral_quarter")} || ' Q' || extract(quarter from c.referral_quarter - interval '3 months')::int::text`,
  "financial-year": fyOf("c.referral_quarter"),
  system: "'system'",
  place: "c.place",
  neighbourhood: "c.neighbourhood",
  service: "c.service_id::text",
  setting: "c.setting",
  "delivery-model": "c.delivery_model",
  "housing-outcome": "c.housing_outcome",
};

/** The episode measures, summed over cells: means and standard deviations from n, Σx and Σx². */
function cellMeasures(recent?: { from: string; to: string }): SQL {
  const recentAttended = recent ? sql`coalesce(sum(c.attended) filter (where c.referral_quarter between ${recent.from} and ${recent.to}), 0)::int` : sql`0`;
  return sql`sum(c.referrals)::int as referrals,
        sum(c.attended)::int as attended,
        ${recentAttended} as attended_recent,
        sum(c.closed_attended)::int as closed_attended,
        ${sql.raw(summedOutcomes("c"))}`;
}

/** The roll-ups from the ICB's cells (built first if anything has changed): one query for every dimension. */
async function rollUpCells(query: RollupQuery & { by: readonly Dimension[] }): Promise<Map<Dimension, RollupRow[]>> {
  const { db, scope, footprint = { level: "icb" }, from, to, recent } = query;
  const out = new Map<Dimension, RollupRow[]>(query.by.map((d) => [d, []]));
  const conditions: SQL[] = [sql`c.icb_code = ${scope.icbCode}`];
  if (scope.organisationId != null) conditions.push(sql`c.organisation_id = ${scope.organisationId}`);
  if (scope.serviceId != null) conditions.push(sql`c.service_id = ${scope.serviceId}`);
  if (from) conditions.push(sql`c.referral_quarter >= ${from}`);
  if (to) conditions.push(sql`c.referral_quarter <= ${to}`);
  if (footprint.level === "place") conditions.push(sql`c.place = ${footprint.code}`);
  if (footprint.level === "neighbourhood") conditions.push(sql`c.neighbourhood = ${footprint.code}`);
  // A period an accepted form return covers counts from the form instead (never both).
  conditions.push(sql`not ${countedByForm("c")}`);
  const where = sql.join(conditions, sql` and `);
  const single = query.by.filter((d) => CELL_KEY[d]);
  const broken = query.by.filter((d) => !CELL_KEY[d]);
  const parts: SQL[] = [];
  if (single.length) {
    const keys = single.map((d, i) => sql.raw(`${CELL_KEY[d]} as k${i}`));
    const sets = single.map((_, i) => sql.raw(`(k${i})`));
    const which = sql.raw(`case ${single.map((d, i) => `when grouping(k${i}) = 0 then '${d}'`).join(" ")} end`);
    const coalesced = sql.raw(single.length > 1 ? `coalesce(${single.map((_, i) => `k${i}`).join(", ")})` : "k0");
    parts.push(sql`select ${which} as dimension, ${coalesced} as key, ${cellMeasures(recent)}
      from (select c.*, ${sql.join(keys, sql`, `)} from hjp_rollup_cells c where c.dim = '' and ${where}) c
      group by grouping sets (${sql.join(sets, sql`, `)})`);
  }
  if (broken.length) {
    // The whole ICB reads the breakdown rows that cover every footprint; a place or
    // neighbourhood reads its own.
    const footprintRows = footprint.level === "icb" ? sql`c.neighbourhood = ${ANY}` : sql`c.neighbourhood <> ${ANY}`;
    parts.push(sql`select c.dim as dimension, c.key, ${cellMeasures(recent)}
      from hjp_rollup_cells c
      where c.dim in (${sql.join(
        broken.map((d) => sql`${d}`),
        sql`, `
      )}) and ${footprintRows} and ${where}
      group by c.dim, c.key`);
  }
  if (!parts.length) return out;
  const result = await rows<Record<string, unknown>>(db, sql`select * from (${sql.join(parts, sql` union all `)}) r order by 1, 2`);
  for (const r of result) if (r.key !== null) out.get(r.dimension as Dimension)!.push(toRow(r));
  return out;
}

/** One dimension (see rollUpHjpBy). */
export async function rollUpHjp(query: RollupQuery & { by: Dimension }): Promise<RollupRow[]> {
  return (await rollUpHjpBy({ ...query, by: [query.by] })).get(query.by)!;
}

export type TrainingRollup = { key: string; sessions: number; gp: number; nurse: number; receptionist: number; other: number };

/** Health staff trained to spot legal needs and refer, by financial year of the training quarter. */
export async function rollUpTraining({ db, scope }: { db: Queryable; scope: HjpScope }): Promise<TrainingRollup[]> {
  const conditions: SQL[] = [sql`s.icb_code = ${scope.icbCode}`];
  if (scope.organisationId != null) conditions.push(sql`s.organisation_id = ${scope.organisationId}`);
  if (scope.serviceId != null) conditions.push(sql`s.id = ${scope.serviceId}`);
  const result = await rows<Record<string, unknown>>(
    db,
    sql`select ${sql.raw(fyOf("t.period_start"))} as key, sum(t.sessions_delivered)::int as sessions, sum(t.attendees_gp)::int as gp, sum(t.attendees_nurse)::int as nurse,
          sum(t.attendees_receptionist)::int as receptionist, sum(t.attendees_other)::int as other
        from hjp_training t join hjp_services s on s.id = t.service_id
        where ${sql.join(conditions, sql` and `)}
        group by 1 order by 1`
  );
  return result.map((r) => ({ key: String(r.key), sessions: Number(r.sessions), gp: Number(r.gp), nurse: Number(r.nurse), receptionist: Number(r.receptionist), other: Number(r.other) }));
}

export type AwardRow = {
  grantId: string;
  title: string;
  funderName: string;
  funderType: string;
  amountAwardedPence: number;
  amountDisbursedPence: number | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  serviceId: number | null;
  serviceName: string | null;
  organisationName: string;
  months: number | null;
};

export function awardScope(scope: HjpScope): SQL {
  // Awards for a service follow the service's ICB; awards to an organisation in general
  // follow the organisation's main ICB.
  const conditions: SQL[] = [sql`(s.icb_code = ${scope.icbCode} or (f.service_id is null and o.primary_icb_code = ${scope.icbCode}))`];
  if (scope.organisationId != null) conditions.push(sql`f.recipient_organisation_id = ${scope.organisationId}`);
  if (scope.serviceId != null) conditions.push(sql`f.service_id = ${scope.serviceId}`);
  return sql.join(conditions, sql` and `);
}

/** Every award in scope (current, past and future), soonest ending first. */
export async function listAwards({ db, scope }: { db: Queryable; scope: HjpScope }): Promise<AwardRow[]> {
  return awards(db, awardScope(scope), sql`f.planned_end nulls last, f.grant_id`);
}

async function awards(db: Queryable, where: SQL, order: SQL): Promise<AwardRow[]> {
  const result = await rows<Record<string, unknown>>(
    db,
    sql`select f.grant_id, f.title, f.funder_name, f.funder_type, f.amount_awarded_pence::float8 as amount, f.amount_disbursed_pence::float8 as disbursed,
          f.planned_start::text as planned_start, f.planned_end::text as planned_end, f.service_id, s.name as service_name, o.name as organisation_name,
          case when f.planned_start is not null and f.planned_end is not null
               then (extract(year from age(f.planned_end + 1, f.planned_start)) * 12 + extract(month from age(f.planned_end + 1, f.planned_start)))::int end as months
        from hjp_funding_awards f
        join organisations o on o.id = f.recipient_organisation_id
        left join hjp_services s on s.id = f.service_id
        where ${where}
        order by ${order}`
  );
  return result.map((r) => ({
    grantId: String(r.grant_id),
    title: String(r.title),
    funderName: String(r.funder_name),
    funderType: String(r.funder_type),
    amountAwardedPence: Number(r.amount),
    amountDisbursedPence: r.disbursed == null ? null : Number(r.disbursed),
    plannedStart: (r.planned_start as string | null) ?? null,
    plannedEnd: (r.planned_end as string | null) ?? null,
    serviceId: r.service_id == null ? null : Number(r.service_id),
    serviceName: (r.service_name as string | null) ?? null,
    organisationName: String(r.organisation_name),
    months: r.months == null ? null : Number(r.months),
  }));
}

/** The services in scope with their sites (GP practices located) and footprint served. */
export async function listServices({ db, scope }: { db: Queryable; scope: HjpScope }): Promise<ServiceSummary[]> {
  const conditions: SQL[] = [sql`s.icb_code = ${scope.icbCode}`];
  if (scope.organisationId != null) conditions.push(sql`s.organisation_id = ${scope.organisationId}`);
  if (scope.serviceId != null) conditions.push(sql`s.id = ${scope.serviceId}`);
  const result = await rows<Record<string, unknown>>(
    db,
    sql`select s.id, s.service_ref, s.name, s.organisation_id, o.name as organisation_name, s.delivery_model, s.adviser_fte,
          exists (select 1 from hjp_synthetic_organisations so where so.organisation_id = s.organisation_id) as synthetic,
          coalesce((select json_agg(json_build_object('setting', ss.setting, 'odsCode', ss.ods_code, 'name', p.name, 'lat', p.lat, 'lng', p.lng) order by ss.setting, ss.ods_code)
                    from hjp_service_sites ss left join practices p on p.code = ss.ods_code where ss.service_id = s.id), '[]'::json) as sites,
          coalesce((select json_agg(json_build_object('code', sa.area_code, 'level', sa.level, 'name', coalesce(a.name, cp.name)) order by sa.level, coalesce(a.name, cp.name, sa.area_code))
                    from hjp_service_areas sa left join areas a on a.code = sa.area_code left join custom_places cp on cp.code = sa.area_code where sa.service_id = s.id), '[]'::json) as areas
        from hjp_services s join organisations o on o.id = s.organisation_id
        where ${sql.join(conditions, sql` and `)}
        order by s.name, s.id`
  );
  const parse = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
  return result.map((r) => {
    const sites = parse<ServiceSummary["sites"]>(r.sites);
    return {
      id: Number(r.id),
      ref: String(r.service_ref),
      name: String(r.name),
      organisationId: Number(r.organisation_id),
      organisationName: String(r.organisation_name),
      deliveryModel: String(r.delivery_model),
      settings: [...new Set(sites.map((s) => s.setting))],
      adviserFte: Number(r.adviser_fte),
      synthetic: Boolean(r.synthetic),
      sites,
      areasServed: parse<ServiceSummary["areasServed"]>(r.areas),
    };
  });
}

/** The first and last referral dates in scope, and whether any of it is synthetic. */
export async function describeScope({
  db,
  scope,
}: {
  db: Queryable;
  scope: HjpScope;
}): Promise<{ firstReferral: string | null; lastReferral: string | null; services: number; synthetic: boolean; syntheticOrganisations: string[] }> {
  const conditions: SQL[] = [sql`s.icb_code = ${scope.icbCode}`];
  if (scope.organisationId != null) conditions.push(sql`s.organisation_id = ${scope.organisationId}`);
  if (scope.serviceId != null) conditions.push(sql`s.id = ${scope.serviceId}`);
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`select (select min(ep.referral_date)::text from hjp_episodes ep where ep.service_id in (select s.id from hjp_services s where ${sql.join(conditions, sql` and `)})) as first_referral,
          (select max(ep.referral_date)::text from hjp_episodes ep where ep.service_id in (select s.id from hjp_services s where ${sql.join(conditions, sql` and `)})) as last_referral,
          (select count(*)::int from hjp_services s where ${sql.join(conditions, sql` and `)}) as services,
          coalesce((select json_agg(distinct o.name) from hjp_services s join organisations o on o.id = s.organisation_id
                     join hjp_synthetic_organisations so on so.organisation_id = s.organisation_id where ${sql.join(conditions, sql` and `)}), '[]'::json) as synthetic_organisations`
  );
  const synthetic = (typeof r.synthetic_organisations === "string" ? JSON.parse(r.synthetic_organisations) : r.synthetic_organisations) as string[];
  return {
    firstReferral: (r.first_referral as string | null) ?? null,
    lastReferral: (r.last_referral as string | null) ?? null,
    services: Number(r.services),
    synthetic: synthetic.length > 0,
    syntheticOrganisations: synthetic.sort(),
  };
}
