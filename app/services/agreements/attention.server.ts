/**
 * The commissioner's attention list: agreements ending or due for review within 90
 * days, KPIs off track in the latest quarter judged, and HJP services whose funding
 * ends within 12 months with nothing to follow it. Each check is a source in
 * `attentionSources`; other work (VCSE returns overdue) adds its own.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import type { Actor } from "../../auth/permissions";
import { addDays, addMonths } from "../../domain/synthetic/dates";
import { getAgreement, listAgreements } from "./agreements.server";
import { computeKpiDelivery } from "./delivery.server";
import { overdueReturnsAttention } from "../returns/tracker.server";

export type AttentionItem = {
  /** Groups the list: "ending", "review", "kpi", "funding", or a source's own kind. */
  kind: string;
  title: string;
  detail: string;
  href: string;
  /** The date that makes it urgent, for ordering. */
  date: string;
  /** The heading for a source's own kind ("Returns overdue"); the built-in kinds have theirs on the page. */
  group?: string;
};

export type AttentionQuery = { actor: Actor; icbCode: string; today: string };
export type AttentionSource = (db: Queryable, query: AttentionQuery) => Promise<AttentionItem[]>;

export const ATTENTION_DAYS = 90;
export const FUNDING_CLIFF_MONTHS = 12;


export const endingOrDueForReview: AttentionSource = async (db, { actor, today }) => {
  const horizon = addDays(today, ATTENTION_DAYS);
  const items: AttentionItem[] = [];
  for (const a of await listAgreements({ db, actor })) {
    if (a.status !== "agreed" && a.status !== "active") continue;
    if (a.endDate >= today && a.endDate <= horizon) items.push({ kind: "ending", title: a.title, detail: `Ends on ${a.endDate}`, href: `/agreements/${a.id}`, date: a.endDate });
    if (a.reviewDate && a.reviewDate >= today && a.reviewDate <= horizon) items.push({ kind: "review", title: a.title, detail: `Due for review on ${a.reviewDate}`, href: `/agreements/${a.id}`, date: a.reviewDate });
  }
  return items;
};

export const kpisOffTrack: AttentionSource = async (db, { actor, today }) => {
  const items: AttentionItem[] = [];
  for (const row of await listAgreements({ db, actor, filters: { status: "active" } })) {
    const agreement = await getAgreement({ db, actor, id: row.id });
    if (!agreement) continue;
    for (const k of await computeKpiDelivery({ db, agreement, today })) {
      // The latest quarter that is over: a quarter still running is judged on the delivery tab, not here.
      const done = k.periods.filter((p) => p.rag !== "not-due" && p.period <= addMonths(today, -3));
      const last = done[done.length - 1];
      if (last?.rag === "red") items.push({ kind: "kpi", title: row.title, detail: `${k.label} off track in ${last.label}`, href: `/agreements/${row.id}?tab=delivery`, date: last.period });
    }
  }
  return items;
};

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Services whose last agreement or funding award ends within 12 months, with no later one (a renewal, even in draft, counts). */
export const fundingEndsWithoutSuccessor: AttentionSource = async (db, { icbCode, today }) => {
  const horizon = addMonths(today, FUNDING_CLIFF_MONTHS);
  const list = await rows<{ id: number; name: string; ends: string }>(
    db,
    sql`with ends as (
          select unnest(v.service_ids) as service_id, v.end_date as ends
          from agreements a join agreement_versions v on v.agreement_id = a.id and v.version = a.current_version
          where a.icb_code = ${icbCode} and a.status in ('draft', 'agreed', 'active')
          union all
          select f.service_id, f.planned_end from hjp_funding_awards f where f.service_id is not null and f.planned_end is not null
        )
        select s.id, s.name, to_char(max(e.ends), 'YYYY-MM-DD') as ends
        from hjp_services s join ends e on e.service_id = s.id
        where s.icb_code = ${icbCode}
        group by s.id, s.name
        having max(e.ends) >= ${today}::date and max(e.ends) <= ${horizon}::date
        order by 3, 2`,
  );
  return list.map((s) => ({ kind: "funding", title: s.name, detail: `Funding ends on ${s.ends} and no agreement or award follows it`, href: `/hjp/services/${s.id}`, date: s.ends }));
};

/** The checks run for the list, in order; push further sources (returns overdue) onto it. */
export const attentionSources: AttentionSource[] = [endingOrDueForReview, kpisOffTrack, fundingEndsWithoutSuccessor, overdueReturnsAttention];

/** Everything needing the commissioner's attention in their ICB, soonest first. */
export async function getAttentionList({ db, actor, today }: { db: Queryable; actor: Actor; today: string }): Promise<AttentionItem[]> {
  if (!actor.icbCode || actor.role !== "commissioner") return [];
  const query = { actor, icbCode: actor.icbCode, today };
  const all = (await Promise.all(attentionSources.map((source) => source(db, query)))).flat();
  return all.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}

