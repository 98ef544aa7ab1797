/**
 * Spend and outcomes rolled up in the database, unrounded, for the value-for-money
 * views. Disclosure control is applied afterwards (app/domain/value-for-money/measures.ts).
 *
 * The outcomes come from the HJP roll-up cells (app/services/hjp/cells.server.ts)
 * where they can answer (chooseSource), otherwise from the episodes.
 *
 * Rules (stated on the pages and in the README):
 *
 * - Spend is the amount awarded, spread evenly over the award's days from its planned
 *   start (or award date) to its planned end, inclusive, and counted in a period for the
 *   days of the award that fall in it: pro rata by days, in pence. An award with no
 *   planned end counts in full on its start date. The current financial year counts only
 *   the days up to today.
 * - An award for a service is that service's spend. An award to an organisation in
 *   general is shared between the organisation's services in scope by their clients
 *   (attended) in the period; with no clients it is counted for the ICB as a whole only.
 * - Outcomes count with the episode, in the period of its referral date (as on the HJP
 *   dashboards). A footprint (place, neighbourhood) or group of episodes (setting,
 *   delivery model) gets each service's spend in the share of that service's clients in
 *   the period who are in it.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import type { VfmTotals } from "../../domain/value-for-money/measures";
import { HOUSING_OUTCOMES } from "../../domain/hjp/vocabularies";
import { MEANINGFUL_SWEMWBS_CHANGE } from "../../domain/value-for-money/measures";
import { cellsLastReferral, ensureHjpCells, isQuarterEnd, isQuarterStart, summedOutcomes } from "../hjp/cells.server";
import { awardScope, type FootprintFilter, footprintCondition, type HjpScope, scopedEpisodes } from "../hjp/rollups.server";
import { countedByForm } from "../returns/totals.server";

export type VfmPeriod = { key: string; start: string; end: string };

export const VFM_DIMENSIONS = ["system", "service", "organisation", "place", "neighbourhood", "delivery-model", "setting"] as const;
export type VfmDimension = (typeof VFM_DIMENSIONS)[number];

/** Case mix beside the totals: deprivation and problems, to read comparisons between models with. */
export type CaseMix = { imdKnown: number; mostDeprived: number; welfareBenefits: number; debt: number; housing: number };

export type VfmRow = VfmTotals & CaseMix & { key: string; period: string; /** Clients by the housing outcome recorded. */ housingByOutcome: Record<string, number> };

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Each dimension's key per episode (`e` is an episode with its footprint). */
const KEY: Record<VfmDimension, string> = {
  system: "'system'",
  service: "e.service_id::text",
  // Carried on each episode from its service (scopedEpisodes): a subquery here ran once per episode.
  organisation: "e.service_organisation_id::text",
  place: "e.place",
  neighbourhood: "e.nbh",
  "delivery-model": "e.delivery_model",
  setting: "e.setting",
};

/**
 * The awards in scope spread over the periods, and each service's spend per period
 * (awards to an organisation shared by clients). `svc` holds each service's attended
 * clients per period, over its whole footprint.
 */
function spendCtes(scope: HjpScope, source: Source): SQL {
  return sql`
    svc as (select service_id, period, ${ATTENDED[source]}::float8 as clients from ep group by 1, 2),
    org_svc as (select s.organisation_id, svc.period, sum(svc.clients) as clients from svc join hjp_services s on s.id = svc.service_id group by 1, 2),
    awards as (
      select f.id, f.service_id, f.recipient_organisation_id, f.funder_name, f.amount_awarded_pence::float8 as amount,
        coalesce(f.planned_start, f.award_date) as a0,
        greatest(coalesce(f.planned_end, f.planned_start, f.award_date), coalesce(f.planned_start, f.award_date)) as a1
      from hjp_funding_awards f
      join organisations o on o.id = f.recipient_organisation_id
      left join hjp_services s on s.id = f.service_id
      where ${awardScope(scope)}
    ),
    award_period as (
      select a.*, p.key as period,
        a.amount * (least(a.a1, p.p1) - greatest(a.a0, p.p0) + 1)::float8 / (a.a1 - a.a0 + 1)::float8 as pence
      from awards a join periods p on a.a0 <= p.p1 and a.a1 >= p.p0
    ),
    spend_svc as (
      select ap.service_id, ap.period, ap.funder_name, ap.pence from award_period ap where ap.service_id is not null
      union all
      select svc.service_id, ap.period, ap.funder_name, case when svc.service_id is null then ap.pence else ap.pence * svc.clients / os.clients end
      from award_period ap
      left join org_svc os on os.organisation_id = ap.recipient_organisation_id and os.period = ap.period and os.clients > 0
      left join hjp_services s on s.organisation_id = ap.recipient_organisation_id and os.clients is not null
      left join svc on svc.service_id = s.id and svc.period = ap.period
      where ap.service_id is null and (os.clients is null or svc.service_id is not null)
    )`;
}

/** Housing outcomes counted one by one, for the value estimate. */
const HOUSING_OUTCOME_CODES = HOUSING_OUTCOMES.map((h) => h.code).filter((c) => c !== "none");

const OUTCOMES = sql.raw(`count(*)::int as referrals,
  count(*) filter (where e.attended)::int as clients,
  count(*) filter (where e.attended and e.closed_date is not null)::int as cases_closed,
  count(*) filter (where coalesce(e.gains_recurring_annual_pence, 0) + coalesce(e.gains_one_off_pence, 0) > 0)::int as clients_with_gains,
  coalesce(sum(e.gains_recurring_annual_pence), 0)::float8 as gains_recurring_pence,
  coalesce(sum(e.gains_one_off_pence), 0)::float8 as gains_one_off_pence,
  count(*) filter (where coalesce(e.debt_managed_pence, 0) + coalesce(e.debt_written_off_pence, 0) > 0)::int as clients_with_debt_outcome,
  coalesce(sum(e.debt_written_off_pence), 0)::float8 as debt_written_off_pence,
  coalesce(sum(e.debt_managed_pence), 0)::float8 as debt_managed_pence,
  count(*) filter (where e.housing_outcome is not null and e.housing_outcome <> 'none')::int as housing_outcomes,
  count(*) filter (where 'housing:damp-mould' = any(e.problem_categories))::int as damp_mould,
  count(*) filter (where 'housing:damp-mould' = any(e.problem_categories) and e.housing_outcome = 'repairs-secured')::int as damp_mould_repaired,
  count(*) filter (where e.problem_resolved = 'yes')::int as resolved_yes,
  count(*) filter (where e.problem_resolved = 'partly')::int as resolved_partly,
  count(*) filter (where e.problem_resolved = 'no')::int as resolved_no,
  count(*) filter (where e.swemwbs_baseline is not null and e.swemwbs_followup is not null)::int as wellbeing_n,
  avg(e.swemwbs_followup - e.swemwbs_baseline)::float8 as wellbeing_mean_change,
  stddev_samp(e.swemwbs_followup - e.swemwbs_baseline)::float8 as wellbeing_sd_change,
  count(*) filter (where e.swemwbs_followup - e.swemwbs_baseline >= ${MEANINGFUL_SWEMWBS_CHANGE})::int as wellbeing_meaningful,
  count(*) filter (where e.attended and e.imd_decile is not null)::int as imd_known,
  count(*) filter (where e.attended and e.imd_decile <= 2)::int as most_deprived,
  count(*) filter (where e.attended and 'welfare-benefits' = any(e.problem_areas))::int as welfare_benefits,
  count(*) filter (where e.attended and 'debt' = any(e.problem_areas))::int as debt,
  count(*) filter (where e.attended and 'housing' = any(e.problem_areas))::int as housing,
  ${HOUSING_OUTCOME_CODES.map((h) => `count(*) filter (where e.housing_outcome = '${h}')::int as "housing:${h}"`).join(",\n  ")}`);

/** The same measures summed over roll-up cells (app/services/hjp/cells.server.ts). */
const CELL_OUTCOMES = sql.raw(`sum(e.referrals)::int as referrals,
  sum(e.attended)::int as clients,
  sum(e.closed_attended)::int as cases_closed,
  ${summedOutcomes("e")},
  sum(e.wellbeing_meaningful)::int as wellbeing_meaningful,
  sum(e.attended_imd_known)::int as imd_known,
  sum(e.attended_most_deprived)::int as most_deprived,
  sum(e.attended_welfare_benefits)::int as welfare_benefits,
  sum(e.attended_debt)::int as debt,
  sum(e.attended_housing)::int as housing,
  ${HOUSING_OUTCOME_CODES.map((h) => `sum(e."housing:${h}")::int as "housing:${h}"`).join(",\n  ")}`);

/** Where the figures come from (see rollUpValueForMoneyBy). */
export type Source = "cells" | "episodes";
const MEASURES: Record<Source, SQL> = { cells: CELL_OUTCOMES, episodes: OUTCOMES };
/** Clients attended, counted from episodes or summed from cells. */
const ATTENDED: Record<Source, SQL> = { cells: sql.raw("sum(attended)"), episodes: sql.raw("count(*) filter (where attended)") };

const num = (v: unknown) => (v == null ? 0 : Number(v));

function toRow(r: Record<string, unknown>): VfmRow {
  return {
    key: String(r.key),
    period: String(r.period),
    spendPence: num(r.spend_pence),
    referrals: num(r.referrals),
    clients: num(r.clients),
    casesClosed: num(r.cases_closed),
    clientsWithGains: num(r.clients_with_gains),
    gainsRecurringPence: num(r.gains_recurring_pence),
    gainsOneOffPence: num(r.gains_one_off_pence),
    clientsWithDebtOutcome: num(r.clients_with_debt_outcome),
    debtWrittenOffPence: num(r.debt_written_off_pence),
    debtManagedPence: num(r.debt_managed_pence),
    housingOutcomes: num(r.housing_outcomes),
    dampMould: num(r.damp_mould),
    dampMouldRepaired: num(r.damp_mould_repaired),
    resolvedYes: num(r.resolved_yes),
    resolvedPartly: num(r.resolved_partly),
    resolvedNo: num(r.resolved_no),
    wellbeingN: num(r.wellbeing_n),
    wellbeingMeanChange: r.wellbeing_mean_change == null ? null : Number(r.wellbeing_mean_change),
    wellbeingSdChange: r.wellbeing_sd_change == null ? null : Number(r.wellbeing_sd_change),
    wellbeingMeaningful: num(r.wellbeing_meaningful),
    imdKnown: num(r.imd_known),
    mostDeprived: num(r.most_deprived),
    welfareBenefits: num(r.welfare_benefits),
    debt: num(r.debt),
    housing: num(r.housing),
    housingByOutcome: Object.fromEntries(HOUSING_OUTCOME_CODES.map((h) => [h, num(r[`housing:${h}`])])),
  };
}

const periodsCte = (periods: readonly VfmPeriod[]) =>
  sql`periods as (select key, start::date as p0, "end"::date as p1 from json_to_recordset(${JSON.stringify(periods)}::json) as t(key text, start text, "end" text))`;

/**
 * `ep`: the episodes in scope (or the cells that sum them) once per period they fall
 * in, with the columns the roll-ups read: service_id, service_organisation_id,
 * delivery_model, nbh, place, setting and period, and the measures of their source.
 */
async function base(db: Queryable, scope: HjpScope, periods: readonly VfmPeriod[], source: Source): Promise<SQL> {
  if (source === "episodes") {
    const episodes = await scopedEpisodes({ db, scope });
    return sql`with ${episodes},
    ${periodsCte(periods)},
    ep as (select e.*, p.key as period from e join periods p on e.referral_date between p.p0 and p.p1)`;
  }
  const conditions: SQL[] = [sql`c.dim = ''`, sql`c.icb_code = ${scope.icbCode}`];
  if (scope.organisationId != null) conditions.push(sql`c.organisation_id = ${scope.organisationId}`);
  if (scope.serviceId != null) conditions.push(sql`c.service_id = ${scope.serviceId}`);
  conditions.push(sql`not ${countedByForm("c")}`);
  // Every dimension here is a column of the cells, so the cells of one service, footprint,
  // setting and period are summed first: the grouping sets then run over a few thousand
  // rows rather than every cell once per period.
  return sql`with ${periodsCte(periods)},
    ep as (
      select c.service_id, c.organisation_id as service_organisation_id, c.delivery_model, c.neighbourhood as nbh, c.place, c.setting, p.key as period,
        sum(c.referrals) as referrals, sum(c.attended) as attended, sum(c.closed_attended) as closed_attended, sum(c.clients_with_gains) as clients_with_gains,
        sum(c.gains_recurring_pence)::float8 as gains_recurring_pence, sum(c.gains_one_off_pence)::float8 as gains_one_off_pence,
        sum(c.clients_with_debt_outcome) as clients_with_debt_outcome, sum(c.debt_managed_pence)::float8 as debt_managed_pence,
        sum(c.debt_written_off_pence)::float8 as debt_written_off_pence, sum(c.housing_outcomes) as housing_outcomes,
        sum(c.damp_mould) as damp_mould, sum(c.damp_mould_repaired) as damp_mould_repaired, sum(c.resolved_yes) as resolved_yes, sum(c.resolved_partly) as resolved_partly,
        sum(c.resolved_no) as resolved_no, sum(c.wellbeing_n) as wellbeing_n, sum(c.wellbeing_sum) as wellbeing_sum, sum(c.wellbeing_sum_squares) as wellbeing_sum_squares,
        sum(c.wellbeing_meaningful) as wellbeing_meaningful, sum(c.attended_imd_known) as attended_imd_known, sum(c.attended_most_deprived) as attended_most_deprived,
        sum(c.attended_welfare_benefits) as attended_welfare_benefits, sum(c.attended_debt) as attended_debt, sum(c.attended_housing) as attended_housing,
        ${sql.raw(HOUSING_OUTCOME_CODES.map((h) => `coalesce(sum(c.referrals) filter (where c.housing_outcome = '${h}'), 0) as "housing:${h}"`).join(",\n        "))}
      from hjp_rollup_cells c join periods p on c.referral_quarter between p.p0 and p.p1
      where ${sql.join(conditions, sql` and `)}
      group by c.service_id, c.organisation_id, c.delivery_model, c.neighbourhood, c.place, c.setting, p.key
    )`;
}

/**
 * Cells keep the quarter of referral, so they can answer when every period starts on a
 * quarter and ends on one, or ends after the ICB's last referral (the current year,
 * which runs to today). Otherwise, or when asked, the episodes answer.
 */
export async function chooseSource(db: Queryable, scope: HjpScope, periods: readonly VfmPeriod[], wanted: Source): Promise<Source> {
  if (wanted === "episodes" || !periods.every((p) => isQuarterStart(p.start))) return "episodes";
  await ensureHjpCells(db, scope.icbCode);
  const last = await cellsLastReferral(db, scope.icbCode);
  return periods.every((p) => isQuarterEnd(p.end) || last === null || p.end >= last) ? "cells" : "episodes";
}

/**
 * Spend and outcomes by each dimension asked for and period, in one pass over the
 * episodes (GROUPING SETS), as the HJP roll-ups do. Periods may overlap (an "all years"
 * period beside the financial years). Rows come sorted by key and period; a key with
 * spend and no episodes (or episodes and no spend) still has its row.
 */
export async function rollUpValueForMoneyBy({
  db,
  scope,
  by,
  periods,
  footprint = { level: "icb" },
  source: wanted = "cells",
}: {
  db: Queryable;
  scope: HjpScope;
  by: readonly VfmDimension[];
  periods: readonly VfmPeriod[];
  footprint?: FootprintFilter;
  /** The roll-up cells (the default, where they can answer) or the episodes themselves; the tests compare the two. */
  source?: Source;
}): Promise<Map<VfmDimension, VfmRow[]>> {
  const out = new Map<VfmDimension, VfmRow[]>(by.map((d) => [d, []]));
  if (!periods.length || !by.length) return out;
  const source = await chooseSource(db, scope, periods, wanted);
  const keys = by.map((d, i) => sql.raw(`${KEY[d]} as k${i}`));
  const which = sql.raw(`case ${by.map((d, i) => `when grouping(k${i}) = 0 then '${d}'`).join(" ")} end`);
  const coalesced = sql.raw(by.length > 1 ? `coalesce(${by.map((_, i) => `k${i}`).join(", ")})` : "k0");
  const outcomeSets = sql.raw(by.map((_, i) => `(k${i}, period)`).join(", "));
  const shareSets = sql.raw(by.map((_, i) => `(k${i}, service_id, period)`).join(", "));
  // A service's (or organisation's, or the ICB's) own spend, when nothing narrows it to part of its clients.
  const direct = footprint.level === "icb" ? by.filter((d) => d === "service" || d === "organisation" || d === "system") : [];
  const directSpend: SQL[] = direct.map((d) =>
    d === "system"
      ? sql`select 'system' as dim, 'system' as gkey, period, sum(pence) as pence from spend_svc group by 3`
      : d === "service"
      ? sql`select 'service' as dim, service_id::text as gkey, period, sum(pence) as pence from spend_svc where service_id is not null group by 2, 3`
      : sql`select 'organisation' as dim, s.organisation_id::text as gkey, ss.period, sum(ss.pence) as pence from spend_svc ss join hjp_services s on s.id = ss.service_id group by 2, 3`
  );
  const result = await rows<Record<string, unknown>>(
    db,
    sql`${await base(db, scope, periods, source)},
      ${spendCtes(scope, source)},
      keyed as (select e.*, ${sql.join(keys, sql`, `)} from ep e where ${footprintCondition(footprint)}),
      outcomes as (select ${which} as dim, ${coalesced} as gkey, e.period as operiod, ${MEASURES[source]} from keyed e group by grouping sets (${outcomeSets})),
      shares as (select ${which} as dim, ${coalesced} as gkey, service_id, period, ${ATTENDED[source]}::float8 as clients from keyed group by grouping sets (${shareSets})),
      ss as (select service_id, period, sum(pence) as pence from spend_svc where service_id is not null group by 1, 2),
      spend as (
        select sh.dim, sh.gkey, sh.period, sum(ss.pence * sh.clients / svc.clients) as pence
        from shares sh
        join svc on svc.service_id = sh.service_id and svc.period = sh.period and svc.clients > 0
        join ss on ss.service_id = sh.service_id and ss.period = sh.period
        where sh.dim not in (${sql.join([...direct.map((d) => sql`${d}`), sql`''`], sql`, `)})
        group by 1, 2, 3
        ${directSpend.length ? sql`union all ${sql.join(directSpend, sql` union all `)}` : sql``}
      )
      select o.*, coalesce(o.dim, sp.dim) as dimension, coalesce(o.gkey, sp.gkey) as key, coalesce(o.operiod, sp.period) as period, coalesce(sp.pence, 0)::float8 as spend_pence
      from outcomes o full join spend sp on sp.dim = o.dim and sp.gkey = o.gkey and sp.period = o.operiod
      where coalesce(o.gkey, sp.gkey) is not null
      order by dimension, key, period`
  );
  for (const r of result) out.get(r.dimension as VfmDimension)?.push(toRow(r));
  return out;
}

/** One dimension (see rollUpValueForMoneyBy). */
export async function rollUpValueForMoney(query: Omit<Parameters<typeof rollUpValueForMoneyBy>[0], "by"> & { by: VfmDimension }): Promise<VfmRow[]> {
  return (await rollUpValueForMoneyBy({ ...query, by: [query.by] })).get(query.by)!;
}

export type FunderSpendRow = { funderName: string; serviceId: number | null; period: string; pence: number };

/** Spend by funder, service and period (the service null for an organisation's award with no clients to share it by). */
export async function spendByFunder({
  db,
  scope,
  periods,
  source: wanted = "cells",
}: {
  db: Queryable;
  scope: HjpScope;
  periods: readonly VfmPeriod[];
  source?: Source;
}): Promise<FunderSpendRow[]> {
  if (!periods.length) return [];
  const source = await chooseSource(db, scope, periods, wanted);
  const result = await rows<Record<string, unknown>>(
    db,
    sql`${await base(db, scope, periods, source)},
      ${spendCtes(scope, source)}
      select funder_name, service_id, period, sum(pence)::float8 as pence from spend_svc group by 1, 2, 3 order by 1, 2, 3`
  );
  return result.map((r) => ({ funderName: String(r.funder_name), serviceId: r.service_id == null ? null : Number(r.service_id), period: String(r.period), pence: Number(r.pence) }));
}
