/**
 * Demo mode only: reporting requirements for every synthetic demo service (quarterly,
 * due 30 days after each quarter, from four quarters ago) and a few returns for the demo
 * organisations in different states, so the tracker and the partner's home page have
 * something to show. Every figure is synthetic demonstration data: accepted returns are
 * the totals of the synthetic case records already loaded, and the one form return says
 * it is synthetic in its case studies.
 *
* The demo VCSE organisation's first service is left without returns for the last two
 * quarters: that is where a new user tries reporting (by form, then by upload).
 *
 * Idempotent: once the demo services have requirements, later starts change nothing.
 */
import { sql } from "drizzle-orm";
import { recordAudit } from "../../app/services/audit/audit.server";
import { DEFAULT_REQUIRED_MEASURES, type ReturnAggregates } from "../../app/domain/returns/measures";
import { addDays } from "../../app/domain/synthetic/dates";
import { quarterBefore } from "../../app/domain/returns/periods";
import { plausibilityFlags } from "../../app/domain/returns/plausibility";
import { acceptedReturnTotals } from "../../app/services/returns/totals.server";
import type { Database, Queryable } from "../client";
import { DEMO_ORGANISATION } from "./demo-accounts";

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type Seeded = { serviceId: number; quarter: number; state: "accepted" | "submitted" | "queried" | "draft"; comment?: string; form?: (a: ReturnAggregates) => ReturnAggregates };

export async function ensureDemoReturns(database: Database, { today }: { today: string }): Promise<{ status: "loaded" | "unchanged"; requirements: number; returns: number }> {
  const services = await rows<{ id: number; organisation_id: number; icb_code: string; name: string; organisation_name: string }>(
    database.db,
    sql`select s.id, s.organisation_id, s.icb_code, s.name, o.name as organisation_name from hjp_services s
        join hjp_synthetic_organisations so on so.organisation_id = s.organisation_id join organisations o on o.id = s.organisation_id order by s.id`,
  );
  if (!services.length) return { status: "unchanged", requirements: 0, returns: 0 };
  const [existing] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from reporting_requirements where service_id in (select json_array_elements_text(${JSON.stringify(services.map((s) => s.id))}::json)::int)`);
  if (Number(existing.n) > 0) return { status: "unchanged", requirements: 0, returns: 0 };

  const quarters = [1, 2, 3, 4].map((n) => quarterBefore(today, n));
  const first = quarters[3].start;
  const demoServices = services.filter((s) => s.organisation_name === DEMO_ORGANISATION);
  const other = services.find((s) => s.organisation_name !== DEMO_ORGANISATION && s.icb_code === demoServices[0]?.icb_code);
  const [journey, second, third] = demoServices;
  const special = new Set([second?.id, third?.id, other?.id]);
  // The usual picture: the two older quarters accepted everywhere, the one before last
  // accepted for other organisations and waiting for review for the demo organisation.
  const plan: Seeded[] = services.flatMap((s): Seeded[] =>
    special.has(s.id)
      ? []
      : [
          { serviceId: s.id, quarter: 4, state: "accepted" },
          { serviceId: s.id, quarter: 3, state: "accepted" },
          ...(s.id === journey?.id ? [] : [{ serviceId: s.id, quarter: 2, state: s.organisation_name === DEMO_ORGANISATION ? "submitted" : "accepted" } as Seeded]),
        ],
  );
  if (second)
    plan.push(
      { serviceId: second.id, quarter: 4, state: "accepted" },
      { serviceId: second.id, quarter: 3, state: "accepted" },
      // A form return whose one-off gains look far too high: the tracker flags it for a question.
      { serviceId: second.id, quarter: 2, state: "submitted", form: (a) => ({ ...a, gainsOneOffPence: (a.gainsOneOffPence ?? 0) + 250_000_00, caseStudies: "Synthetic demonstration data: no real client. A client referred by their GP with PIP refused was helped to appeal and awarded the enhanced rate." }) },
      { serviceId: second.id, quarter: 1, state: "draft" },
    );
  if (third)
    plan.push(
      { serviceId: third.id, quarter: 4, state: "accepted" },
      { serviceId: third.id, quarter: 3, state: "queried", comment: "Synthetic demonstration data: the housing outcomes are higher than the clients with a housing problem. Please check and resubmit." },
    );
  if (other) plan.push({ serviceId: other.id, quarter: 4, state: "accepted" }, { serviceId: other.id, quarter: 3, state: "accepted" }, { serviceId: other.id, quarter: 2, state: "submitted" });

  let returnsMade = 0;
  await database.db.transaction(async (tx) => {
    const requirementOf = new Map<number, number>();
    for (const s of services) {
      const [r] = await rows<{ id: number }>(
        tx,
        sql`insert into reporting_requirements (service_id, frequency, due_days, first_period_start, required_measures)
            values (${s.id}, 'quarterly', 30, ${first}, ${`{${DEFAULT_REQUIRED_MEASURES.join(",")}}`}::text[]) returning id`,
      );
      requirementOf.set(s.id, Number(r.id));
    }
    for (const p of plan) {
      const q = quarters[p.quarter - 1];
      const service = services.find((s) => s.id === p.serviceId)!;
      const [totals] = await acceptedReturnTotals(tx, { serviceIds: [p.serviceId], periods: [{ start: q.start, end: q.end }] });
      if (!totals?.totals) continue;
      const [upload] = await rows<{ upload_id: number }>(tx, sql`select max(upload_id)::int as upload_id from hjp_episodes where service_id = ${p.serviceId} and period_start = ${q.start}`);
      const aggregates = p.form ? p.form(totals.totals) : totals.totals;
      const submittedAt = `${addDays(q.end, 20)}T10:00:00Z`;
      const [ret] = await rows<{ id: number }>(
        tx,
        sql`insert into returns (requirement_id, service_id, organisation_id, period_start, period_end, state, current_version, draft_values, draft_revision, draft_saved_at)
            values (${requirementOf.get(p.serviceId)!}, ${p.serviceId}, ${service.organisation_id}, ${q.start}, ${q.end}, ${p.state}, ${p.state === "draft" ? 0 : 1},
                    ${p.state === "draft" ? JSON.stringify({ clientsAdvised: String(aggregates.clientsAdvised ?? ""), caseStudies: "Synthetic demonstration data: a draft started and not finished." }) : null}::jsonb,
                    ${p.state === "draft" ? 1 : 0}, ${p.state === "draft" ? submittedAt : null}) returning id`,
      );
      returnsMade++;
      const audit = (action: string, summary: string) =>
        recordAudit(tx, null, { action, entityType: "return", entityId: ret.id, icbCode: service.icb_code, organisationId: service.organisation_id, summary: `Synthetic demonstration data: ${summary}` });
      if (p.state === "draft") {
        await audit("return.draft-saved", `draft saved for ${service.name}, ${q.label}`);
        continue;
      }
      const flags = plausibilityFlags({ current: aggregates });
      const review = p.state === "accepted" ? "accepted" : p.state === "queried" ? "queried" : null;
      await tx.execute(sql`insert into return_versions (return_id, version, source, aggregates, upload_id, flags, submitted_at, review, review_comment, reviewed_at)
            values (${ret.id}, 1, ${p.form ? "form" : "upload"}, ${JSON.stringify(aggregates)}::jsonb, ${p.form ? null : upload?.upload_id ?? null}, ${JSON.stringify(flags)}::jsonb,
                    ${submittedAt}, ${review}, ${p.comment ?? null}, ${review ? `${addDays(q.end, 27)}T15:00:00Z` : null})`);
      await audit("return.submitted", `submitted ${service.name}, ${q.label} (version 1)`);
      if (review) await audit(`return.${review}`, `${review} ${service.name}, ${q.label} (version 1)${p.comment ? `: ${p.comment}` : ""}`);
    }
  });
  return { status: "loaded", requirements: services.length, returns: returnsMade };
}
