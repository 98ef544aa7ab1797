/**
 * The load step of hjp-funding: each award is matched to its recipient organisation
 * (by 360Giving identifier) and, when it names one, the recipient's service; an award
 * already known by its grant identifier is replaced.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { loadReferences, resolvingLoader, serviceKey, unknownOrganisation, unknownService } from "../hjp-shared/references";
import type { LoadContext, Loader } from "../shared/importer";
import type { RowError } from "../shared/types";
import type { FundingRecord } from "./parse";

type Row = FundingRecord & { recipientOrganisationId: number; serviceId: number | null };

async function write(tx: Tx, rows: Row[]) {
  const payload = rows.map((r) => ({
    grant_id: r.grantId,
    title: r.title,
    description: r.description,
    currency: r.currency,
    amount_awarded_pence: r.amountAwardedPence,
    amount_disbursed_pence: r.amountDisbursedPence,
    award_date: r.awardDate,
    planned_start: r.plannedStart,
    planned_end: r.plannedEnd,
    funder_org_id: r.funderOrgId,
    funder_name: r.funderName,
    funder_type: r.funderType,
    recipient_organisation_id: r.recipientOrganisationId,
    service_id: r.serviceId,
    grant_programme: r.grantProgramme,
    fte_funded: r.fteFunded,
  }));
  await tx.execute(sql`
    insert into hjp_funding_awards (grant_id, title, description, currency, amount_awarded_pence, amount_disbursed_pence, award_date, planned_start, planned_end,
      funder_org_id, funder_name, funder_type, recipient_organisation_id, service_id, grant_programme, fte_funded)
    select * from json_to_recordset(${JSON.stringify(payload)}::json) as t(grant_id text, title text, description text, currency text, amount_awarded_pence bigint,
      amount_disbursed_pence bigint, award_date date, planned_start date, planned_end date, funder_org_id text, funder_name text, funder_type text,
      recipient_organisation_id integer, service_id integer, grant_programme text, fte_funded double precision)
    on conflict (grant_id) do update set title = excluded.title, description = excluded.description, currency = excluded.currency,
      amount_awarded_pence = excluded.amount_awarded_pence, amount_disbursed_pence = excluded.amount_disbursed_pence, award_date = excluded.award_date,
      planned_start = excluded.planned_start, planned_end = excluded.planned_end, funder_org_id = excluded.funder_org_id, funder_name = excluded.funder_name,
      funder_type = excluded.funder_type, recipient_organisation_id = excluded.recipient_organisation_id, service_id = excluded.service_id,
      grant_programme = excluded.grant_programme, fte_funded = excluded.fte_funded, updated_at = now()`);
}

export function fundingLoader(ctx: LoadContext): Loader<FundingRecord> {
  return resolvingLoader<FundingRecord, Row>({
    ctx,
    prepare: loadReferences,
    resolve(r, refs) {
      const errors: RowError[] = [];
      const recipientOrganisationId = refs.organisations.get(r.recipientOrgId);
      if (recipientOrganisationId === undefined) return { errors: [unknownOrganisation(r.line, "recipient_org_id", r.recipientOrgId)] };
      let serviceId: number | null = null;
      if (r.serviceRef) {
        const service = refs.services.get(serviceKey(r.recipientOrgId, r.serviceRef));
        if (!service) errors.push(unknownService(r.line, r.recipientOrgId, r.serviceRef));
        else serviceId = service.id;
      }
      return errors.length ? { errors } : { row: { ...r, recipientOrganisationId, serviceId } };
    },
    write,
    notes: (n) => [`${n} funding award${n === 1 ? "" : "s"} added or replaced`],
  });
}
