/**
 * The load step of hjp-services: each service is matched to its provider (by
 * 360Giving identifier) and its footprint codes to areas of its ICB, then inserted or,
 * when the provider already has a service with that reference, updated in place with
 * its sites and footprint replaced. Services the file does not name are left alone.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { type References, loadReferences, resolvingLoader, selectRows, unknownOrganisation } from "../hjp-shared/references";
import type { LoadContext, Loader } from "../shared/importer";
import type { RowError } from "../shared/types";
import type { ServiceRecord } from "./parse";

type Level = "neighbourhood" | "place" | "icb";
type Geography = { areas: Map<string, { level: Level; icbCode: string | null }> };
type Row = ServiceRecord & { organisationId: number; served: { code: string; level: Level }[] };

/** Without reference geography the level is read from the code's shape. */
function levelFromShape(code: string): Level {
  if (/^U\d{5}$/.test(code)) return "neighbourhood";
  if (/^E54\d{6}$/.test(code)) return "icb";
  return "place";
}

async function prepare(tx: Tx): Promise<References & Geography> {
  const refs = await loadReferences(tx);
  const areas = await selectRows<{ code: string; level: Level; icb_code: string | null }>(
    tx,
    sql`select code, level, icb_code from areas where level in ('neighbourhood', 'place', 'icb') union all select code, 'place', icb_code from custom_places where active`,
  );
  return { ...refs, areas: new Map(areas.map((a) => [a.code, { level: a.level, icbCode: a.icb_code }])) };
}

function resolve(r: ServiceRecord, refs: References & Geography): { row: Row } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const organisationId = refs.organisations.get(r.providerOrgId);
  if (organisationId === undefined) errors.push(unknownOrganisation(r.line, "provider_org_id", r.providerOrgId));
  const checked = refs.areas.size > 0;
  if (checked && refs.areas.get(r.icbCode)?.level !== "icb") errors.push({ line: r.line, column: "icb_code", message: `${r.icbCode} is not an integrated care board` });
  const served: Row["served"] = [];
  for (const code of r.areasServed) {
    const area = refs.areas.get(code);
    if (checked && (!area || area.icbCode !== r.icbCode)) {
      errors.push({ line: r.line, column: "areas_served", message: `${code} is not a neighbourhood, place or ICB code of ${r.icbCode}` });
      continue;
    }
    served.push({ code, level: area?.level ?? levelFromShape(code) });
  }
  if (errors.length) return { errors };
  return { row: { ...r, organisationId: organisationId!, served } };
}

async function write(tx: Tx, rows: Row[]) {
  for (const r of rows) {
    const [service] = await selectRows<{ id: number }>(
      tx,
      sql`insert into hjp_services (organisation_id, service_ref, name, icb_code, delivery_model, problem_areas, adviser_fte, supervising_solicitor_fte, admin_fte, sessions_per_week)
          values (${r.organisationId}, ${r.serviceRef}, ${r.name}, ${r.icbCode}, ${r.deliveryModel}, (select array_agg(x) from json_array_elements_text(${JSON.stringify(r.problemAreas)}::json) x), ${r.adviserFte}, ${r.supervisingSolicitorFte}, ${r.adminFte}, ${r.sessionsPerWeek})
          on conflict (organisation_id, service_ref) do update set name = excluded.name, icb_code = excluded.icb_code, delivery_model = excluded.delivery_model,
            problem_areas = excluded.problem_areas, adviser_fte = excluded.adviser_fte, supervising_solicitor_fte = excluded.supervising_solicitor_fte,
            admin_fte = excluded.admin_fte, sessions_per_week = excluded.sessions_per_week, updated_at = now()
          returning id`,
    );
    await tx.execute(sql`delete from hjp_service_sites where service_id = ${service.id}`);
    await tx.execute(sql`delete from hjp_service_areas where service_id = ${service.id}`);
    await tx.execute(
      sql`insert into hjp_service_sites (service_id, setting, ods_code) select ${service.id}, setting, ods_code from json_to_recordset(${JSON.stringify(r.sites.map((s) => ({ setting: s.setting, ods_code: s.odsCode })))}::json) as t(setting text, ods_code text)`,
    );
    await tx.execute(
      sql`insert into hjp_service_areas (service_id, area_code, level) select ${service.id}, area_code, level from json_to_recordset(${JSON.stringify(r.served.map((a) => ({ area_code: a.code, level: a.level })))}::json) as t(area_code text, level text)`,
    );
  }
}

export function servicesLoader(ctx: LoadContext): Loader<ServiceRecord> {
  let unchecked = false;
  return resolvingLoader<ServiceRecord, Row>({
    ctx,
    prepare: async (tx) => {
      const refs = await prepare(tx);
      unchecked = refs.areas.size === 0;
      return refs;
    },
    resolve: (r, refs) => resolve(r, refs as References & Geography),
    write: (tx, rows) => write(tx, rows),
    notes: (n) => [`${n} service${n === 1 ? "" : "s"} added or updated`, ...(unchecked ? ["the reference geography is not loaded: ICB and footprint codes were not checked"] : [])],
  });
}
