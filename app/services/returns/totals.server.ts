/**
 * Which source counts for each service and period, so that every figure downstream
 * (dashboards, roll-ups, agreement KPIs, value for money) counts a period once:
 *
 *   For each service and reporting period, the figures come from the latest ACCEPTED
 *   version of its return. If that version is a web-form return, its aggregates count
 *   and the period's case-level activity rows (by their reporting quarter) are left
 *   out; otherwise — an accepted upload, or no accepted return at all (data loaded from
 *   the command line, uploads awaiting review) — the activity rows count and no form
 *   aggregates do. Never both.
 *
 * rollups.server.ts applies the rule through `formCountedPeriods` (SQL) and
 * `formCountedAggregates`; KPIs read `acceptedReturnTotals`.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { aggregateEpisodes, sumAggregates } from "../../domain/returns/aggregate";
import { type ReturnAggregates, ReturnAggregatesSchema } from "../../domain/returns/measures";
import { rows } from "./shared.server";

/**
 * A CTE body: (service_id, period_start, period_end, aggregates) for every period whose
 * latest accepted return version came from the web form.
 */
export const formCountedPeriods: SQL = sql`
  select r.service_id, r.period_start, r.period_end, v.aggregates
  from return_versions v
  join returns r on r.id = v.return_id
  where v.source = 'form' and v.review = 'accepted'
    and not exists (select 1 from return_versions later where later.return_id = v.return_id and later.review = 'accepted' and later.version > v.version)`;

/** An SQL condition on an episode alias: true when a form return counts for its period instead. */
export function countedByForm(episodeAlias: string): SQL {
  const e = sql.raw(episodeAlias);
  return sql`exists (select 1 from (${formCountedPeriods}) fc where fc.service_id = ${e}.service_id and ${e}.period_start between fc.period_start and fc.period_end)`;
}

export type CountedPeriod = { serviceId: number; periodStart: string; periodEnd: string; deliveryModel: string; aggregates: ReturnAggregates };

/** The form aggregates that count, for the services in scope (an ICB, optionally one organisation or service). */
export async function formCountedAggregates({
  db,
  icbCode,
  organisationId,
  serviceId,
  from,
  to,
}: {
  db: Queryable;
  icbCode: string;
  organisationId?: number | null;
  serviceId?: number | null;
  from?: string;
  to?: string;
}): Promise<CountedPeriod[]> {
  const list = await rows<{ service_id: number; period_start: string; period_end: string; delivery_model: string; aggregates: unknown }>(
    db,
    sql`select fc.service_id, fc.period_start::text as period_start, fc.period_end::text as period_end, s.delivery_model, fc.aggregates
        from (${formCountedPeriods}) fc join hjp_services s on s.id = fc.service_id
        where s.icb_code = ${icbCode}
          ${organisationId != null ? sql`and s.organisation_id = ${organisationId}` : sql``}
          ${serviceId != null ? sql`and s.id = ${serviceId}` : sql``}
          ${from ? sql`and fc.period_start >= ${from}` : sql``}
          ${to ? sql`and fc.period_start <= ${to}` : sql``}
        order by fc.period_start, fc.service_id`,
  );
  return list.map((r) => ({
    serviceId: Number(r.service_id),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    deliveryModel: r.delivery_model,
    aggregates: ReturnAggregatesSchema.parse(typeof r.aggregates === "string" ? JSON.parse(r.aggregates) : r.aggregates),
  }));
}

export type PeriodTotals = { serviceId: number; periodStart: string; periodEnd: string; source: "form" | "activity" | "none"; totals: ReturnAggregates | null };

/**
 * For agreement KPIs: each service's figures for each period, from exactly one source
 * (see the rule above). `periods` are { start, end } date ranges (a quarter, a year).
 */
export async function acceptedReturnTotals(db: Queryable, { serviceIds, periods }: { serviceIds: number[]; periods: { start: string; end: string }[] }): Promise<PeriodTotals[]> {
  if (!serviceIds.length || !periods.length) return [];
  const forms = await rows<{ service_id: number; period_start: string; aggregates: unknown }>(
    db,
    sql`select fc.service_id, fc.period_start::text as period_start, fc.aggregates from (${formCountedPeriods}) fc
        where fc.service_id in (select json_array_elements_text(${JSON.stringify(serviceIds)}::json)::int)`,
  );
  const out: PeriodTotals[] = [];
  for (const serviceId of serviceIds) {
    for (const p of periods) {
      const form = forms.filter((f) => Number(f.service_id) === serviceId && f.period_start >= p.start && f.period_start <= p.end);
      if (form.length) {
        const parsed = form.map((f) => ReturnAggregatesSchema.parse(typeof f.aggregates === "string" ? JSON.parse(f.aggregates) : f.aggregates));
        out.push({ serviceId, periodStart: p.start, periodEnd: p.end, source: "form", totals: parsed.length === 1 ? parsed[0] : sumAggregates(parsed) });
        continue;
      }
      const episodes = await rows<Record<string, unknown>>(
        db,
        sql`select ep.referral_source, ep.attended, ep.problem_areas, ep.gains_recurring_annual_pence, ep.gains_one_off_pence, ep.debt_managed_pence, ep.debt_written_off_pence,
              ep.housing_outcome, ep.swemwbs_baseline, ep.swemwbs_followup
            from hjp_episodes ep where ep.service_id = ${serviceId} and ep.period_start between ${p.start} and ${p.end} and not ${countedByForm("ep")}`,
      );
      const num = (v: unknown) => (v == null ? null : Number(v));
      out.push({
        serviceId,
        periodStart: p.start,
        periodEnd: p.end,
        source: episodes.length ? "activity" : "none",
        totals: episodes.length
          ? aggregateEpisodes(
              episodes.map((e) => ({
                referralSource: String(e.referral_source),
                attended: Boolean(e.attended),
                problemAreas: (Array.isArray(e.problem_areas) ? e.problem_areas : String(e.problem_areas).replace(/[{}"]/g, "").split(",")) as string[],
                gainsRecurringPence: num(e.gains_recurring_annual_pence),
                gainsOneOffPence: num(e.gains_one_off_pence),
                debtManagedPence: num(e.debt_managed_pence),
                debtWrittenOffPence: num(e.debt_written_off_pence),
                housingOutcome: (e.housing_outcome as string | null) ?? null,
                swemwbsBaseline: num(e.swemwbs_baseline),
                swemwbsFollowup: num(e.swemwbs_followup),
              })),
            )
          : null,
      });
    }
  }
  return out;
}
