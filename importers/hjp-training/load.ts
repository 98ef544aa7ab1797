/**
 * The load step of hjp-training: each row is matched to its service and replaces
 * the row for the same service, quarter and site, so loading a file twice changes
 * nothing.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { loadReferences, resolvingLoader, serviceKey, unknownOrganisation, unknownService } from "../hjp-shared/references";
import type { LoadContext, Loader } from "../shared/importer";
import type { TrainingRecord } from "./parse";

type Row = TrainingRecord & { serviceId: number };

async function write(tx: Tx, rows: Row[]) {
  const payload = rows.map((r) => ({
    service_id: r.serviceId,
    period_start: r.periodStart,
    period_end: r.periodEnd,
    site_ods_code: r.siteOdsCode,
    sessions_delivered: r.sessionsDelivered,
    attendees_gp: r.attendeesGp,
    attendees_nurse: r.attendeesNurse,
    attendees_receptionist: r.attendeesReceptionist,
    attendees_other: r.attendeesOther,
  }));
  await tx.execute(sql`
    insert into hjp_training (service_id, period_start, period_end, site_ods_code, sessions_delivered, attendees_gp, attendees_nurse, attendees_receptionist, attendees_other)
    select * from json_to_recordset(${JSON.stringify(payload)}::json) as t(service_id integer, period_start date, period_end date, site_ods_code text, sessions_delivered integer, attendees_gp integer, attendees_nurse integer, attendees_receptionist integer, attendees_other integer)
    on conflict (service_id, period_start, site_ods_code) do update set period_end = excluded.period_end, sessions_delivered = excluded.sessions_delivered,
      attendees_gp = excluded.attendees_gp, attendees_nurse = excluded.attendees_nurse, attendees_receptionist = excluded.attendees_receptionist, attendees_other = excluded.attendees_other`);
}

export function trainingLoader(ctx: LoadContext): Loader<TrainingRecord> {
  return resolvingLoader<TrainingRecord, Row>({
    ctx,
    prepare: loadReferences,
    resolve(r, refs) {
      const service = refs.services.get(serviceKey(r.providerOrgId, r.serviceRef));
      if (service) return { row: { ...r, serviceId: service.id } };
      if (!refs.organisations.has(r.providerOrgId)) return { errors: [unknownOrganisation(r.line, "provider_org_id", r.providerOrgId)] };
      return { errors: [unknownService(r.line, r.providerOrgId, r.serviceRef)] };
    },
    write,
    notes: (n) => [`${n} training row${n === 1 ? "" : "s"} added or replaced`],
  });
}
