/**
 * The HJP roll-up cells (db/schema/hjp-rollup-cells.ts): episodes summed once per ICB,
 * service, reporting period, referral quarter, neighbourhood, place and setting, with a
 * breakdown row per referral source, deprivation decile, outcome and problem. The
 * dashboards and value-for-money views sum these instead of placing every episode on
 * every request (at national scale, 15,778 episodes of Greater Manchester become about
 * 2,300 cells), and get the same figures: the cells are built by the same footprint SQL
 * (footprint.server.ts), and tests compare the two paths on every dimension.
 *
 * Freshness: statement-level triggers note every transaction that changes episodes,
 * services, areas, practices or place schemes in hjp_rollup_changes (migrations 0014,
 * 0018 and 0019), with the ICBs whose episodes, services or places it changed, or '*'
 * (every ICB) for the geography. Before reading, a page compares the count of the ICB's
 * rows and '*' rows with the count its cells were built with and rebuilds them when it
 * differs, in one transaction under an advisory lock so two pages do not build the same
 * ICB at once. Periods a web-form return counts for are left out at query time, as
 * with episodes, so accepting a return needs no rebuild.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { MEANINGFUL_SWEMWBS_CHANGE } from "../../domain/value-for-money/measures";
import { placeMembership } from "../geography/areas.server";
import { episodesWithFootprint, NOT_KNOWN } from "./footprint.server";

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const QUARTER_START = /^\d{4}-(01|04|07|10)-01$/;
const QUARTER_END = /^\d{4}-(03-31|06-30|09-30|12-31)$/;
/** The first day of a calendar (and so financial) quarter. */
export const isQuarterStart = (iso: string) => QUARTER_START.test(iso);
/** The last day of a calendar (and so financial) quarter. */
export const isQuarterEnd = (iso: string) => QUARTER_END.test(iso);

/**
 * The outcome measures both roll-ups read, summed over cells (or over rows that sum
 * cells) under `alias`: means and standard deviations from n, Σx and Σx².
 */
export function summedOutcomes(alias: string): string {
  const a = alias;
  return [
    `sum(${a}.clients_with_gains)::int as clients_with_gains`,
    `sum(${a}.gains_recurring_pence)::float8 as gains_recurring_pence`,
    `sum(${a}.gains_one_off_pence)::float8 as gains_one_off_pence`,
    `sum(${a}.clients_with_debt_outcome)::int as clients_with_debt_outcome`,
    `sum(${a}.debt_managed_pence)::float8 as debt_managed_pence`,
    `sum(${a}.debt_written_off_pence)::float8 as debt_written_off_pence`,
    `sum(${a}.housing_outcomes)::int as housing_outcomes`,
    `sum(${a}.damp_mould)::int as damp_mould`,
    `sum(${a}.damp_mould_repaired)::int as damp_mould_repaired`,
    `sum(${a}.resolved_yes)::int as resolved_yes`,
    `sum(${a}.resolved_partly)::int as resolved_partly`,
    `sum(${a}.resolved_no)::int as resolved_no`,
    `sum(${a}.wellbeing_n)::int as wellbeing_n`,
    `(case when sum(${a}.wellbeing_n) > 0 then sum(${a}.wellbeing_sum) / sum(${a}.wellbeing_n) end)::float8 as wellbeing_mean_change`,
    `(case when sum(${a}.wellbeing_n) > 1
       then sqrt(greatest(0, (sum(${a}.wellbeing_sum_squares) - sum(${a}.wellbeing_sum) * sum(${a}.wellbeing_sum) / sum(${a}.wellbeing_n)) / (sum(${a}.wellbeing_n) - 1))) end)::float8 as wellbeing_sd_change`,
  ].join(",\n  ");
}

/** The neighbourhood, place and setting of breakdown rows that cover all of them. */
export const ANY = "*";

export type CellsBuild = { icbCode: string; episodes: number; cells: number; ms: number };

/**
 * Rebuilds one ICB's cells from its episodes, in the caller's transaction. Every
 * episode of the ICB's services counts, including periods a form return covers
 * (those are left out when the cells are read).
 */
export async function buildHjpCells(tx: Queryable, icbCode: string, changesSeen: number): Promise<CellsBuild> {
  const started = performance.now();
  const { members } = await placeMembership({ db: tx, icbCode });
  await tx.execute(sql`delete from hjp_rollup_cells where icb_code = ${icbCode}`);
  const [inserted] = await rows<{ cells: number; episodes: number; last_referral: string | null }>(
    tx,
    sql`with ${episodesWithFootprint(members, [sql`s.icb_code = ${icbCode}`])},
      c as materialized (
        select e.service_id, e.service_organisation_id, e.delivery_model, e.period_start, date_trunc('quarter', e.referral_date)::date as referral_quarter,
          e.nbh, e.place, e.setting, e.housing_outcome, e.referral_source, e.imd_decile, e.problem_resolved, e.problem_areas, e.problem_categories,
          e.attended, e.closed_date, e.gains_recurring_annual_pence, e.gains_one_off_pence, e.debt_managed_pence, e.debt_written_off_pence,
          e.swemwbs_followup - e.swemwbs_baseline as wellbeing_change, e.referral_date
        from e
      ),
      b as (
        select c.*, 'referral-source'::text as dim, c.referral_source as key from c
        union all select c.*, 'deprivation-decile', coalesce(c.imd_decile::text, ${NOT_KNOWN}::text) from c
        union all select c.*, 'problem-resolved', c.problem_resolved from c where c.problem_resolved is not null
        union all select c.*, 'problem-area', u.item from c cross join lateral unnest(c.problem_areas) as u(item)
        union all select c.*, 'problem-category', u.item from c cross join lateral unnest(c.problem_categories) as u(item)
      ),
      x as (
        select c.*, ''::text as dim, ''::text as key, c.nbh as cell_nbh, c.place as cell_place, c.setting as cell_setting, c.housing_outcome as cell_housing_outcome from c
        -- breakdowns by footprint, for place and neighbourhood pages
        union all select b.*, b.nbh, b.place, ${ANY}::text, null from b
        -- and for the whole ICB, an order of magnitude fewer rows to sum
        union all select b.*, ${ANY}::text, ${ANY}::text, ${ANY}::text, null from b
      ),
      written as (
        insert into hjp_rollup_cells (icb_code, service_id, organisation_id, delivery_model, period_start, referral_quarter, neighbourhood, place, setting, housing_outcome, dim, key,
          referrals, attended, closed_attended, clients_with_gains, gains_recurring_pence, gains_one_off_pence, clients_with_debt_outcome, debt_managed_pence, debt_written_off_pence,
          housing_outcomes, damp_mould, damp_mould_repaired, resolved_yes, resolved_partly, resolved_no, wellbeing_n, wellbeing_sum, wellbeing_sum_squares, wellbeing_meaningful,
          attended_imd_known, attended_most_deprived, attended_welfare_benefits, attended_debt, attended_housing)
        select ${icbCode}, x.service_id, x.service_organisation_id, x.delivery_model, x.period_start, x.referral_quarter, x.cell_nbh, x.cell_place, x.cell_setting, x.cell_housing_outcome, x.dim, x.key,
          count(*)::int,
          count(*) filter (where x.attended)::int,
          count(*) filter (where x.attended and x.closed_date is not null)::int,
          count(*) filter (where coalesce(x.gains_recurring_annual_pence, 0) + coalesce(x.gains_one_off_pence, 0) > 0)::int,
          coalesce(sum(x.gains_recurring_annual_pence), 0)::bigint,
          coalesce(sum(x.gains_one_off_pence), 0)::bigint,
          count(*) filter (where coalesce(x.debt_managed_pence, 0) + coalesce(x.debt_written_off_pence, 0) > 0)::int,
          coalesce(sum(x.debt_managed_pence), 0)::bigint,
          coalesce(sum(x.debt_written_off_pence), 0)::bigint,
          count(*) filter (where x.housing_outcome is not null and x.housing_outcome <> 'none')::int,
          count(*) filter (where 'housing:damp-mould' = any(x.problem_categories))::int,
          count(*) filter (where 'housing:damp-mould' = any(x.problem_categories) and x.housing_outcome = 'repairs-secured')::int,
          count(*) filter (where x.problem_resolved = 'yes')::int,
          count(*) filter (where x.problem_resolved = 'partly')::int,
          count(*) filter (where x.problem_resolved = 'no')::int,
          count(x.wellbeing_change)::int,
          coalesce(sum(x.wellbeing_change), 0)::float8,
          coalesce(sum(x.wellbeing_change * x.wellbeing_change), 0)::float8,
          count(*) filter (where x.wellbeing_change >= ${MEANINGFUL_SWEMWBS_CHANGE})::int,
          count(*) filter (where x.attended and x.imd_decile is not null)::int,
          count(*) filter (where x.attended and x.imd_decile <= 2)::int,
          count(*) filter (where x.attended and 'welfare-benefits' = any(x.problem_areas))::int,
          count(*) filter (where x.attended and 'debt' = any(x.problem_areas))::int,
          count(*) filter (where x.attended and 'housing' = any(x.problem_areas))::int
        from x
        group by x.service_id, x.service_organisation_id, x.delivery_model, x.period_start, x.referral_quarter, x.cell_nbh, x.cell_place, x.cell_setting, x.cell_housing_outcome, x.dim, x.key
        returning 1
      )
      select (select count(*)::int from written) as cells, (select count(*)::int from c) as episodes, (select max(referral_date)::text from c) as last_referral`
  );
  // A table never analysed has no statistics at all, and the planner then sorts tens of
  // thousands of rows where a hash would do. Later builds keep the estimates close
  // enough (they scale with the table's size), and analysing every time cost 0.6 s.
  const [stats] = await rows<{ analysed: boolean }>(tx, sql`select reltuples >= 0 as analysed from pg_class where oid = 'hjp_rollup_cells'::regclass`);
  if (!stats?.analysed) await tx.execute(sql`analyze hjp_rollup_cells`);
  const ms = Math.round(performance.now() - started);
  const cells = Number(inserted?.cells ?? 0);
  const episodes = Number(inserted?.episodes ?? 0);
  const lastReferral = inserted?.last_referral ?? null;
  await tx.execute(sql`insert into hjp_rollup_builds (icb_code, changes_seen, episodes, last_referral, cells, build_ms, built_at)
    values (${icbCode}, ${changesSeen}, ${episodes}, ${lastReferral}, ${cells}, ${ms}, now())
    on conflict (icb_code) do update set changes_seen = excluded.changes_seen, episodes = excluded.episodes, last_referral = excluded.last_referral,
      cells = excluded.cells, build_ms = excluded.build_ms, built_at = excluded.built_at`);
  return { icbCode, episodes, cells, ms };
}

/** The latest referral date in the ICB's cells (null: none, or not built). */
export async function cellsLastReferral(db: Queryable, icbCode: string): Promise<string | null> {
  const [r] = await rows<{ last_referral: string | null }>(db, sql`select last_referral::text as last_referral from hjp_rollup_builds where icb_code = ${icbCode}`);
  return r?.last_referral ?? null;
}

/** The count of changes to the ICB committed so far, and the count its cells were built with (null: never built). */
async function freshness(db: Queryable, icbCode: string): Promise<{ changes: number; seen: number | null }> {
  const [r] = await rows<{ changes: number; seen: number | null }>(
    db,
    sql`select (select count(*)::int from hjp_rollup_changes where icb_code in (${icbCode}, '*')) as changes,
               (select changes_seen from hjp_rollup_builds where icb_code = ${icbCode}) as seen`
  );
  return { changes: Number(r.changes), seen: r.seen == null ? null : Number(r.seen) };
}

/**
 * Makes sure the ICB's cells reflect every committed change, building them if not.
 * Returns the build when one ran (for logs and benchmarks), otherwise null.
 */
export async function ensureHjpCells(db: Queryable, icbCode: string): Promise<CellsBuild | null> {
  const before = await freshness(db, icbCode);
  if (before.seen === before.changes) return null;
  const build = await db.transaction(async (tx) => {
    // Another request may be building the same ICB: wait for it, then look again.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hjp_rollup_cells'), hashtext(${icbCode}))`);
    // The count is read before the episodes, so a change that commits in between
    // leaves the count behind and the next page rebuilds: never the other way round.
    const now = await freshness(tx, icbCode);
    if (now.seen === now.changes) return null;
    return buildHjpCells(tx, icbCode, now.changes);
  });
  // A rebuild leaves the ICB's old rows dead. Until autovacuum comes round, every read
  // scans them too: at national scale, 460,000 dead rows beside 123,000 live ones took the
  // HJP overview's SQL from 93 to 129 ms. VACUUM cannot run inside a transaction, so a
  // build made within one (a test's, say) leaves it to autovacuum.
  if (build && !("rollback" in db)) await db.execute(sql`vacuum hjp_rollup_cells`);
  return build;
}
