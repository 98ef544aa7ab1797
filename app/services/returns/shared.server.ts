/** Helpers the returns services share: raw-row reads, and finding a service and its requirement for a user. */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { type Actor, canAccess } from "../../auth/permissions";
import { type Frequency, type Period, periodStarting } from "../../domain/returns/periods";
import { type MeasureCode, MEASURE_CODES } from "../../domain/returns/measures";

export async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type RequirementView = {
  id: number;
  serviceId: number;
  agreementId: number | null;
  frequency: Frequency;
  dueDays: number;
  firstPeriodStart: string;
  requiredMeasures: MeasureCode[];
  gainsPerClientCeilingPence: number;
};

export type ServiceRef = {
  id: number;
  name: string;
  ref: string;
  organisationId: number;
  organisationName: string;
  giving360Id: string | null;
  icbCode: string;
  icbName: string;
  synthetic: boolean;
};

export type ReturnScope = { service: ServiceRef; requirement: RequirementView; period: Period };

export function requirementFromRow(r: Record<string, unknown>): RequirementView {
  const measures = (Array.isArray(r.required_measures) ? r.required_measures : String(r.required_measures ?? "").replace(/[{}]/g, "").split(",")) as string[];
  return {
    id: Number(r.id),
    serviceId: Number(r.service_id),
    agreementId: r.agreement_id == null ? null : Number(r.agreement_id),
    frequency: r.frequency as Frequency,
    dueDays: Number(r.due_days),
    firstPeriodStart: String(r.first_period_start),
    requiredMeasures: measures.filter((m): m is MeasureCode => (MEASURE_CODES as string[]).includes(m)),
    gainsPerClientCeilingPence: Number(r.gains_per_client_ceiling_pence),
  };
}

export const REQUIREMENT_COLUMNS = sql.raw(
  "rq.id, rq.service_id, rq.agreement_id, rq.frequency, rq.due_days, rq.first_period_start::text as first_period_start, rq.required_measures, rq.gains_per_client_ceiling_pence",
);

export async function findService(db: Queryable, serviceId: number): Promise<ServiceRef | null> {
  if (!Number.isSafeInteger(serviceId) || serviceId <= 0) return null;
  const [s] = await rows<Record<string, unknown>>(
    db,
    sql`select s.id, s.name, s.service_ref, s.organisation_id, o.name as organisation_name, o.giving360_id, s.icb_code, coalesce(a.name, s.icb_code) as icb_name,
          exists (select 1 from hjp_synthetic_organisations so where so.organisation_id = s.organisation_id) as synthetic
        from hjp_services s join organisations o on o.id = s.organisation_id left join areas a on a.level = 'icb' and a.code = s.icb_code
        where s.id = ${serviceId}`,
  );
  if (!s) return null;
  return {
    id: Number(s.id),
    name: String(s.name),
    ref: String(s.service_ref),
    organisationId: Number(s.organisation_id),
    organisationName: String(s.organisation_name),
    giving360Id: (s.giving360_id as string | null) ?? null,
    icbCode: String(s.icb_code),
    icbName: String(s.icb_name),
    synthetic: Boolean(s.synthetic),
  };
}

/**
 * The service, its requirement and the period a return is for, or null when there is no
 * such return to see: no service, no requirement, no such period, or (for the action
 * asked) not the actor's organisation or ICB. Null rather than "forbidden" so that ids
 * of other organisations' services reveal nothing.
 */
export async function findReturnScope(
  db: Queryable,
  actor: Actor,
  { serviceId, periodStart, action }: { serviceId: number; periodStart: string; action: "read" | "submit" | "review" },
): Promise<ReturnScope | null> {
  const service = await findService(db, serviceId);
  if (!service) return null;
  if (!canAccess(actor, action, "return", { icbCode: service.icbCode, organisationId: service.organisationId })) return null;
  const [r] = await rows<Record<string, unknown>>(db, sql`select ${REQUIREMENT_COLUMNS} from reporting_requirements rq where rq.service_id = ${serviceId} order by rq.id desc limit 1`);
  if (!r) return null;
  const requirement = requirementFromRow(r);
  const period = periodStarting(periodStart, requirement.frequency, requirement.dueDays);
  if (!period || period.end < requirement.firstPeriodStart) return null;
  return { service, requirement, period };
}
