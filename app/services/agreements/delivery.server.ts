/**
 * Delivery against an agreement: for each KPI, the target and the actual in each
 * financial quarter of the term, with a RAG status; and spend to date against value.
 *
 * Actuals are per-quarter totals summed over every source in `totalsSources`: HJP
 * activity (computed in SQL from hjp_episodes of the services the agreement covers),
 * then whatever is pushed onto `extraTotalsSources` (the VCSE returns work adds accepted
 * returns there). Totals are additive (counts, pence, numerators and denominators), so
 * sources combine by adding. Counts shown are disclosure-controlled (app/domain/disclosure);
 * RAG is judged on the unrounded figures.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { hjpSyntheticOrganisations, hjpServices } from "../../../db/schema/index";
import { type Cell, discloseCount, discloseProportion, discloseSum, type DisclosedTable, disclosedTableCsv, SUPPRESSED_MARK } from "../../domain/disclosure/index";
import { elapsedShare, kpiMeasure, type KpiKind, type Rag, ragStatus } from "../../domain/agreements/kpis";
import { quarterOf } from "../../domain/synthetic/dates";
import type { Actor } from "../../auth/permissions";
import { inArray } from "drizzle-orm";
import { type AgreementDetail, getAgreementPayments } from "./agreements.server";
import { SYNTHETIC_LABEL } from "../hjp/dashboard.server";
import { countedByForm, formCountedPeriods } from "../returns/totals.server";
import { ReturnAggregatesSchema, totalGainsPence } from "../../domain/returns/measures";

type Fraction = { numerator: number; denominator: number };

/** One source's figures for one quarter (keyed by the quarter's start date). Missing figures count as nothing. */
export type PeriodTotals = {
  period: string;
  clientsAdvised?: number;
  incomeGainedPence?: number;
  /** Clients the income rests on, so a sum about few people can be hidden. */
  incomeClients?: number;
  resolved?: Fraction;
  core20?: Fraction;
};

export type TotalsQuery = { serviceIds: number[]; periods: string[] };
export type TotalsSource = (db: Queryable, query: TotalsQuery) => Promise<PeriodTotals[]>;

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * HJP activity by the quarter of referral. Financial quarters start on the same days as
 * calendar quarters, so date_trunc('quarter') gives the financial quarter's start.
 */
export const hjpActivityTotals: TotalsSource = async (db, { serviceIds, periods }) => {
  if (!serviceIds.length || !periods.length) return [];
  const list = await rows<{
    period: string;
    clients: number;
    income: string | number;
    income_clients: number;
    resolved_yes: number;
    resolved_known: number;
    core20: number;
    decile_known: number;
  }>(
    db,
    sql`select to_char(date_trunc('quarter', e.referral_date), 'YYYY-MM-DD') as period,
               count(*) filter (where e.attended)::int as clients,
               coalesce(sum(coalesce(e.gains_recurring_annual_pence, 0) + coalesce(e.gains_one_off_pence, 0)), 0)::bigint as income,
               count(*) filter (where coalesce(e.gains_recurring_annual_pence, 0) + coalesce(e.gains_one_off_pence, 0) > 0)::int as income_clients,
               count(*) filter (where e.problem_resolved = 'yes')::int as resolved_yes,
               count(*) filter (where e.problem_resolved is not null)::int as resolved_known,
               count(*) filter (where e.attended and e.imd_decile <= 2)::int as core20,
               count(*) filter (where e.attended and e.imd_decile is not null)::int as decile_known
        from hjp_episodes e
        where e.service_id in (select json_array_elements_text(${JSON.stringify(serviceIds)}::json)::int)
          and e.referral_date >= ${periods[0]}::date
          and e.referral_date < (${periods[periods.length - 1]}::date + interval '3 months')
          -- A period an accepted web-form return counts for is counted from the form (below), never twice.
          and not ${countedByForm("e")}
        group by 1`,
  );
  return list.map((r) => ({
    period: r.period,
    clientsAdvised: Number(r.clients),
    incomeGainedPence: Number(r.income),
    incomeClients: Number(r.income_clients),
    resolved: { numerator: Number(r.resolved_yes), denominator: Number(r.resolved_known) },
    core20: { numerator: Number(r.core20), denominator: Number(r.decile_known) },
  }));
};

/**
 * Accepted web-form VCSE returns, for the periods they count for (returns/totals.server.ts
 * says which source counts for each period; the activity source above leaves those
 * periods out). Form returns carry no outcome-by-client detail, so they add clients and
 * income but nothing to the resolved or Core20 shares. An annual return counts in the
 * quarter it starts.
 */
export const formReturnTotals: TotalsSource = async (db, { serviceIds, periods }) => {
  if (!serviceIds.length || !periods.length) return [];
  const list = await rows<{ period: string; aggregates: unknown }>(
    db,
    sql`select to_char(date_trunc('quarter', fc.period_start), 'YYYY-MM-DD') as period, fc.aggregates
        from (${formCountedPeriods}) fc
        where fc.service_id in (select json_array_elements_text(${JSON.stringify(serviceIds)}::json)::int)
          and fc.period_start >= ${periods[0]}::date
          and fc.period_start < (${periods[periods.length - 1]}::date + interval '3 months')`,
  );
  return list.map((r) => {
    const a = ReturnAggregatesSchema.parse(typeof r.aggregates === "string" ? JSON.parse(r.aggregates) : r.aggregates);
    return {
      period: r.period,
      clientsAdvised: a.clientsAdvised ?? undefined,
      incomeGainedPence: totalGainsPence(a) ?? undefined,
      incomeClients: a.clientsWithGains ?? undefined,
    };
  });
};

/** Further sources of actuals: push a TotalsSource here at start-up. */
export const extraTotalsSources: TotalsSource[] = [];

const add = (a: Fraction | undefined, b: Fraction | undefined): Fraction | undefined =>
  a || b ? { numerator: (a?.numerator ?? 0) + (b?.numerator ?? 0), denominator: (a?.denominator ?? 0) + (b?.denominator ?? 0) } : undefined;

/** Sums every source's totals per quarter. */
export async function collectTotals(db: Queryable, query: TotalsQuery, sources: TotalsSource[] = [hjpActivityTotals, formReturnTotals, ...extraTotalsSources]): Promise<Map<string, PeriodTotals>> {
  const out = new Map<string, PeriodTotals>();
  for (const source of sources) {
    for (const t of await source(db, query)) {
      const was = out.get(t.period);
      out.set(t.period, {
        period: t.period,
        clientsAdvised: t.clientsAdvised !== undefined || was?.clientsAdvised !== undefined ? (was?.clientsAdvised ?? 0) + (t.clientsAdvised ?? 0) : undefined,
        incomeGainedPence: t.incomeGainedPence !== undefined || was?.incomeGainedPence !== undefined ? (was?.incomeGainedPence ?? 0) + (t.incomeGainedPence ?? 0) : undefined,
        incomeClients: (was?.incomeClients ?? 0) + (t.incomeClients ?? 0),
        resolved: add(was?.resolved, t.resolved),
        core20: add(was?.core20, t.core20),
      });
    }
  }
  return out;
}

/** The unrounded actual of a measure, or null when no source has it. */
function actualOf(measure: string, t: PeriodTotals | undefined): number | null {
  if (!t) return null;
  switch (measure) {
    case "clients-advised":
      return t.clientsAdvised ?? null;
    case "income-gained":
      return t.incomeGainedPence ?? null;
    case "problems-resolved":
      return t.resolved && t.resolved.denominator > 0 ? (100 * t.resolved.numerator) / t.resolved.denominator : null;
    case "core20-share":
      return t.core20 && t.core20.denominator > 0 ? (100 * t.core20.numerator) / t.core20.denominator : null;
    default:
      return null;
  }
}

/** The actual as it may be shown: counts rounded to 5 or `*`, sums and shares hidden when they rest on 1–7 people. */
function shownActual(measure: string, t: PeriodTotals | undefined): Cell {
  if (!t) return null;
  if (measure === "clients-advised") return t.clientsAdvised === undefined ? null : (discloseCount(t.clientsAdvised).value ?? SUPPRESSED_MARK);
  if (measure === "income-gained") return t.incomeGainedPence === undefined ? null : (discloseSum(t.incomeGainedPence, t.incomeClients ?? 0).value ?? SUPPRESSED_MARK);
  const f = measure === "problems-resolved" ? t.resolved : t.core20;
  if (!f || f.denominator === 0) return null;
  const p = discloseProportion(f);
  return p.value ?? SUPPRESSED_MARK;
}

export type KpiPeriod = { period: string; label: string; target: number; actual: Cell; rag: Rag };
export type KpiDelivery = {
  measure: string;
  label: string;
  description: string;
  kind: KpiKind;
  periods: KpiPeriod[];
  /** The latest quarter with a judgement (not "not due"). */
  latest: KpiPeriod | null;
  table: DisclosedTable;
};

export type AgreementDelivery = {
  kpis: KpiDelivery[];
  spend: Awaited<ReturnType<typeof getAgreementPayments>>["spend"];
  /** The same figures as a table, for the page's chart and table and the CSV. */
  spendTable: DisclosedTable;
  synthetic: { label: string; organisations: string[] } | null;
  servicesCovered: number;
};

const FORMAT: Record<KpiKind, "count" | "pence" | "percent"> = { count: "count", pence: "pence", percent: "percent" };

/** Target against actual per quarter for each KPI of the agreement's current version. */
export async function computeKpiDelivery({ db, agreement, today }: { db: Queryable; agreement: Pick<AgreementDetail, "current">; today: string }): Promise<KpiDelivery[]> {
  const { current } = agreement;
  const periods = [...new Set(current.kpis.flatMap((k) => k.targets.map((t) => t.period)))].sort();
  const totals = await collectTotals(db, { serviceIds: current.serviceIds, periods });
  return current.kpis.map((k) => {
    const m = kpiMeasure(k.measure);
    const kind = m?.kind ?? "count";
    const list: KpiPeriod[] = k.targets.map((t) => {
      const q = quarterOf(t.period);
      const elapsed = elapsedShare(q, today);
      const raw = actualOf(k.measure, totals.get(t.period));
      return { period: t.period, label: q.label, target: t.target, actual: elapsed > 0 ? shownActual(k.measure, totals.get(t.period)) : null, rag: ragStatus({ kind, target: t.target, actual: elapsed > 0 ? (raw ?? (kind === "percent" ? null : 0)) : null, elapsed }) };
    });
    const judged = list.filter((p) => p.rag !== "not-due");
    return {
      measure: k.measure,
      label: m?.label ?? k.measure,
      description: m?.description ?? "",
      kind,
      periods: list,
      latest: judged[judged.length - 1] ?? null,
      table: {
        id: `kpi-${k.measure}`,
        title: `${m?.label ?? k.measure}: target and actual by quarter`,
        description: `${m?.description ?? ""}. Actuals come from the HJP activity of the services the agreement covers, or, for a quarter whose accepted VCSE return was a web form, from that return.`,
        rowHeader: "Quarter",
        columns: [
          { key: "target", label: "Target", format: FORMAT[kind] },
          { key: "actual", label: "Actual", format: FORMAT[kind] },
          { key: "rag", label: "Status", format: "text" },
        ],
        rows: list.map((p) => ({ key: p.period, label: p.label, cells: { target: p.target, actual: p.actual, rag: RAG_TEXT[p.rag] } })),
      },
    };
  });
}

const RAG_TEXT: Record<Rag, string> = { green: "On track", amber: "Slightly behind", red: "Off track", "not-due": "Not yet due", "no-data": "No data" };

/** The delivery tab: KPIs, spend, and the synthetic-data label when any figure comes from synthetic data. */
export async function getAgreementDelivery({ db, actor, agreement, today }: { db: Queryable; actor: Actor; agreement: AgreementDetail; today: string }): Promise<AgreementDelivery> {
  const [kpis, payments] = await Promise.all([computeKpiDelivery({ db, agreement, today }), getAgreementPayments({ db, actor, id: agreement.id, today })]);
  const ids = agreement.current.serviceIds;
  const synthetic = ids.length
    ? await db
        .selectDistinct({ organisationId: hjpSyntheticOrganisations.organisationId })
        .from(hjpSyntheticOrganisations)
        .innerJoin(hjpServices, sql`${hjpServices.organisationId} = ${hjpSyntheticOrganisations.organisationId}`)
        .where(inArray(hjpServices.id, ids))
    : [];
  const names = agreement.current.services.filter((s) => synthetic.length).map((s) => s.organisationName);
  return {
    kpis,
    spend: payments.spend,
    spendTable: spendTable(payments.spend),
    synthetic: agreement.synthetic || synthetic.length ? { label: SYNTHETIC_LABEL, organisations: [...new Set(names.length ? names : agreement.current.parties.map((p) => p.organisationName))] } : null,
    servicesCovered: ids.length,
  };
}

/** Spend to date against value, as a table (the delivery tab's chart shows the same figures). */
export function spendTable(spend: AgreementDelivery["spend"]): DisclosedTable {
  return {
    id: "spend",
    title: "Spend to date against value",
    description: "The agreement's value, what had fallen due under its payment schedule by today, and what has been paid.",
    rowHeader: "Measure",
    columns: [{ key: "amount", label: "Amount", format: "pence" }],
    rows: [
      { key: "value", label: "Value of the agreement", cells: { amount: spend.valuePence } },
      { key: "due", label: "Due to date under the payment schedule", cells: { amount: spend.dueToDatePence } },
      { key: "paid", label: "Paid to date", cells: { amount: spend.paidPence } },
      { key: "remaining", label: "Remaining to pay", cells: { amount: spend.remainingPence } },
    ],
  };
}

/** One table of the delivery tab as CSV, labelled (synthetic data included) like every HJP download. */
export function deliveryTableCsv({ table, agreementTitle, synthetic, today }: { table: DisclosedTable; agreementTitle: string; synthetic: AgreementDelivery["synthetic"]; today: string }): Response {
  const text = disclosedTableCsv(table, {
    area: agreementTitle,
    synthetic: synthetic ? `${synthetic.label} Organisations: ${synthetic.organisations.join("; ")}.` : null,
    dataTo: today,
    generatedOn: today,
  });
  return new Response(`\uFEFF${text}`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="agreement-${table.id}-${today}.csv"`, "Cache-Control": "private, no-store" },
  });
}
