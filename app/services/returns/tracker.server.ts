/**
 * The reporting tracker (a commissioner's view of an ICB) and the partner's overview
 * (a VCSE organisation's own returns and delivery): every requirement's periods with
 * their status, days overdue and plausibility flags.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { type Actor, canAccess } from "../../auth/permissions";
import { cell, type DisclosedTable, discloseCountLine, discloseSumLine } from "../../domain/disclosure/index";
import { sumAggregates } from "../../domain/returns/aggregate";
import { totalGainsPence, totalReferrals } from "../../domain/returns/measures";
import { periodOf, periodsDue, quarterBefore, type ReturnState, type TrackerStatus, trackerStatus } from "../../domain/returns/periods";
import type { PlausibilityFlag } from "../../domain/returns/plausibility";
import { SYNTHETIC_LABEL } from "../hjp/dashboard.server";
import { requirementFromRow, REQUIREMENT_COLUMNS, rows } from "./shared.server";
import { acceptedReturnTotals } from "./totals.server";

export type TrackerRow = {
  serviceId: number;
  serviceName: string;
  organisationName: string;
  periodStart: string;
  periodLabel: string;
  dueDate: string;
  status: TrackerStatus;
  daysOverdue: number | null;
  version: number;
  source: "form" | "upload" | null;
  flags: PlausibilityFlag[];
  queryComment: string | null;
  href: string;
};

export type Synthetic = { label: string; organisations: string[] } | null;

type Filter = { icbCode: string } | { organisationId: number };

async function trackerRows(db: Queryable, filter: Filter, today: string): Promise<{ rows: TrackerRow[]; synthetic: Synthetic }> {
  const where = "icbCode" in filter ? sql`s.icb_code = ${filter.icbCode}` : sql`s.organisation_id = ${filter.organisationId}`;
  const requirements = await rows<Record<string, unknown>>(
    db,
    sql`select ${REQUIREMENT_COLUMNS}, s.name as service_name, o.name as organisation_name,
          exists (select 1 from hjp_synthetic_organisations so where so.organisation_id = s.organisation_id) as synthetic
        from reporting_requirements rq join hjp_services s on s.id = rq.service_id join organisations o on o.id = s.organisation_id
        where ${where} order by o.name, s.name, rq.id`,
  );
  const returns = await rows<{ requirement_id: number; period_start: string; state: ReturnState; current_version: number; has_draft: boolean; source: string | null; flags: unknown; review_comment: string | null }>(
    db,
    sql`select r.requirement_id, r.period_start::text as period_start, r.state, r.current_version, (r.draft_values is not null) as has_draft, v.source, v.flags, v.review_comment
        from returns r join hjp_services s on s.id = r.service_id
        left join return_versions v on v.return_id = r.id and v.version = r.current_version
        where ${where}`,
  );
  const byKey = new Map(returns.map((r) => [`${r.requirement_id}/${r.period_start}`, r]));
  const out: TrackerRow[] = [];
  const synthetic = new Set<string>();
  for (const r of requirements) {
    const req = requirementFromRow(r);
    if (r.synthetic) synthetic.add(String(r.organisation_name));
    for (const p of periodsDue({ firstPeriodStart: req.firstPeriodStart, frequency: req.frequency, dueDays: req.dueDays, today })) {
      const ret = byKey.get(`${req.id}/${p.start}`);
      // A return row with nothing saved yet (opened, never typed in) has not been started.
      const state = !ret || (ret.state === "draft" && !ret.has_draft && Number(ret.current_version) === 0) ? null : ret.state;
      const { status, daysOverdue } = trackerStatus({ state, dueDate: p.dueDate, today });
      out.push({
        serviceId: req.serviceId,
        serviceName: String(r.service_name),
        organisationName: String(r.organisation_name),
        periodStart: p.start,
        periodLabel: p.label,
        dueDate: p.dueDate,
        status,
        daysOverdue,
        version: Number(ret?.current_version ?? 0),
        source: (ret?.source as "form" | "upload" | null) ?? null,
        flags: ret?.flags ? ((typeof ret.flags === "string" ? JSON.parse(ret.flags) : ret.flags) as PlausibilityFlag[]) : [],
        queryComment: ret?.state === "queried" ? ret.review_comment : null,
        href: `/returns/${req.serviceId}/${p.start}`,
      });
    }
  }
  // Newest period first; within it, what needs attention first.
  const order: TrackerStatus[] = ["overdue", "queried", "submitted", "draft", "not-started", "accepted"];
  out.sort((a, b) => b.periodStart.localeCompare(a.periodStart) || order.indexOf(a.status) - order.indexOf(b.status) || a.organisationName.localeCompare(b.organisationName) || a.serviceName.localeCompare(b.serviceName));
  return { rows: out, synthetic: synthetic.size ? { label: SYNTHETIC_LABEL, organisations: [...synthetic].sort() } : null };
}

export type Tracker = { icb: { code: string; name: string }; rows: TrackerRow[]; counts: Record<TrackerStatus, number>; synthetic: Synthetic };

const countBy = (list: TrackerRow[]) =>
  list.reduce(
    (acc, r) => ({ ...acc, [r.status]: acc[r.status] + 1 }),
    { "not-started": 0, draft: 0, submitted: 0, overdue: 0, queried: 0, accepted: 0 } as Record<TrackerStatus, number>,
  );

/** An ICB's tracker, or null when the ICB does not exist or is not the actor's. */
export async function getTracker({ db, actor, icbCode, today }: { db: Queryable; actor: Actor; icbCode: string; today: string }): Promise<Tracker | null> {
  const [icb] = await rows<{ code: string; name: string }>(db, sql`select code, name from areas where level = 'icb' and (code = ${icbCode.toUpperCase()} or ods_code = ${icbCode.toUpperCase()})`);
  if (!icb || !canAccess(actor, "read", "return", { icbCode: icb.code })) return null;
  const { rows: list, synthetic } = await trackerRows(db, { icbCode: icb.code }, today);
  return { icb, rows: list, counts: countBy(list), synthetic };
}

export type PartnerOverview = {
  organisationName: string;
  due: TrackerRow[];
  late: TrackerRow[];
  queried: TrackerRow[];
  submitted: TrackerRow[];
  accepted: TrackerRow[];
  next: { label: string; dueDate: string } | null;
  delivery: DisclosedTable;
  synthetic: Synthetic;
};

/** A VCSE user's home: their organisation's returns by what needs doing, and their own delivery by quarter. */
export async function getPartnerOverview({ db, actor, today }: { db: Queryable; actor: Actor; today: string }): Promise<PartnerOverview | null> {
  if (actor.role !== "vcse" || actor.organisationId == null) return null;
  const [org] = await rows<{ name: string }>(db, sql`select name from organisations where id = ${actor.organisationId}`);
  const { rows: list, synthetic } = await trackerRows(db, { organisationId: actor.organisationId }, today);
  const current = periodOf(today, "quarterly");
  const services = await rows<{ id: number; due_days: number | null }>(
    db,
    sql`select s.id, (select rq.due_days from reporting_requirements rq where rq.service_id = s.id order by rq.id desc limit 1) as due_days from hjp_services s where s.organisation_id = ${actor.organisationId}`,
  );
  const dueDays = services.find((s) => s.due_days != null)?.due_days;
  return {
    organisationName: org?.name ?? "",
    due: list.filter((r) => r.status === "not-started" || r.status === "draft"),
    late: list.filter((r) => r.status === "overdue"),
    queried: list.filter((r) => r.status === "queried"),
    submitted: list.filter((r) => r.status === "submitted"),
    accepted: list.filter((r) => r.status === "accepted"),
    next: dueDays != null ? { label: current.label, dueDate: new Date(Date.parse(`${current.end}T00:00:00Z`) + Number(dueDays) * 86_400_000).toISOString().slice(0, 10) } : null,
    delivery: await deliveryTable(db, services.map((s) => Number(s.id)), today),
    synthetic,
  };
}

/**
 * The organisation's delivery in the last eight complete quarters, each quarter counted
 * once from the source that counts for it (totals.server.ts), with disclosure control on
 * the counts of people.
 */
export async function deliveryTable(db: Queryable, serviceIds: number[], today: string): Promise<DisclosedTable> {
  const quarters = Array.from({ length: 8 }, (_, i) => quarterBefore(today, 8 - i));
  const totals = await acceptedReturnTotals(db, { serviceIds, periods: quarters.map((q) => ({ start: q.start, end: q.end })) });
  const perQuarter = quarters.map((q) => {
    const found = totals.filter((t) => t.periodStart === q.start && t.totals);
    const sum = found.length ? sumAggregates(found.map((t) => t.totals!)) : null;
    const sources = new Set(found.map((t) => t.source));
    return { q, sum, source: sources.size === 0 ? "No figures" : sources.size > 1 ? "Case records and form returns" : sources.has("form") ? "Form returns" : "Case records" };
  });
  const advised = discloseCountLine(perQuarter.map((p) => p.sum?.clientsAdvised ?? 0), { totalShown: false });
  const referrals = discloseCountLine(perQuarter.map((p) => (p.sum ? totalReferrals(p.sum) ?? 0 : 0)), { totalShown: false });
  const gains = discloseSumLine(perQuarter.map((p) => ({ sum: p.sum ? totalGainsPence(p.sum) ?? 0 : 0, people: p.sum?.clientsWithGains ?? 0 })), { totalShown: false });
  return {
    id: "delivery",
    title: "Your delivery by quarter",
    description: "Referrals, clients advised and financial gains for your organisation's services in the last eight complete quarters. Each quarter counts once: from an accepted form return where there is one, otherwise from your case-level records.",
    rowHeader: "Quarter",
    columns: [
      { key: "referrals", label: "Referrals", format: "count" },
      { key: "advised", label: "Clients advised", format: "count" },
      { key: "gains", label: "Financial gains", format: "pence" },
      { key: "source", label: "Figures from", format: "text" },
    ],
    rows: perQuarter.map((p, i) => ({ key: p.q.start, label: p.q.label, cells: { referrals: cell(referrals.parts[i]), advised: cell(advised.parts[i]), gains: cell(gains.parts[i]), source: p.source } })),
    notes: ["Targets from your partnership agreement will show beside these figures once your agreement is recorded."],
  };
}

/**
 * For the commissioner's attention list: returns past their due date and not yet
 * submitted, in the actor's ICB (registered in agreements/attention.server.ts).
 */
export async function overdueReturnsAttention(db: Queryable, { actor, icbCode, today }: { actor: Actor; icbCode: string; today: string }) {
  const tracker = await getTracker({ db, actor, icbCode, today });
  if (!tracker) return [];
  return tracker.rows
    .filter((r) => r.status === "overdue")
    .map((r) => ({
      kind: "returns-overdue",
      group: "Returns overdue",
      title: `${r.serviceName} (${r.organisationName}), ${r.periodLabel}`,
      detail: `due on ${r.dueDate}, ${r.daysOverdue} day${r.daysOverdue === 1 ? "" : "s"} overdue`,
      href: r.href,
      date: r.dueDate,
    }));
}
