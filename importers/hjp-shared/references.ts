/**
 * What the HJP load steps look records up by: organisations by their 360Giving
 * identifier, services by provider and service reference. Files name both in upper
 * case (the parsers upper-case codes), so the lookups do too.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import type { LoadContext, Loader } from "../shared/importer";
import { LoadRowErrors } from "../shared/run-import";
import type { RowError } from "../shared/types";

export async function selectRows<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export type References = {
  organisations: Map<string, number>;
  /** `${ORG ID}\u0000${SERVICE REF}` → service id. */
  services: Map<string, { id: number; icbCode: string }>;
};

export const serviceKey = (orgId: string, serviceRef: string) => `${orgId}\u0000${serviceRef}`;

export async function loadReferences(tx: Tx): Promise<References> {
  const orgs = await selectRows<{ id: number; org: string }>(tx, sql`select id, upper(giving360_id) as org from organisations where giving360_id is not null`);
  const services = await selectRows<{ id: number; org: string; ref: string; icb_code: string }>(
    tx,
    sql`select s.id, upper(o.giving360_id) as org, upper(s.service_ref) as ref, s.icb_code from hjp_services s join organisations o on o.id = s.organisation_id where o.giving360_id is not null`,
  );
  return {
    organisations: new Map(orgs.map((o) => [o.org, Number(o.id)])),
    services: new Map(services.map((s) => [serviceKey(s.org, s.ref), { id: Number(s.id), icbCode: s.icb_code }])),
  };
}

export function unknownOrganisation(line: number, column: string, orgId: string): RowError {
  return { line, column, message: `no organisation with the 360Giving identifier ${orgId} is registered: an administrator adds it under Organisations` };
}

export function unknownService(line: number, orgId: string, serviceRef: string): RowError {
  return { line, column: "service_ref", message: `${orgId} has no service ${serviceRef}: load it with hjp-services first` };
}

/**
 * A load step for the small HJP files (services, training, funding): each batch's
 * records are resolved against the database; rows with unknown references are row
 * errors, and once there is one nothing more is written. The rest of the file is
 * still checked, so every problem is listed.
 */
export function resolvingLoader<R, W>(options: {
  ctx: LoadContext;
  prepare(tx: Tx): Promise<References & Record<string, unknown>>;
  resolve(record: R, refs: References & Record<string, unknown>): { row: W } | { errors: RowError[] };
  write(tx: Tx, rows: W[], refs: References & Record<string, unknown>): Promise<void>;
  notes?(rowsLoaded: number): string[];
}): Loader<R> {
  let refs: (References & Record<string, unknown>) | null = null;
  const errors: RowError[] = [];
  let rowsLoaded = 0;
  return {
    async loadBatch(records) {
      refs ??= await options.prepare(options.ctx.tx);
      const rows: W[] = [];
      for (const record of records) {
        const result = options.resolve(record, refs);
        if ("errors" in result) errors.push(...result.errors);
        else rows.push(result.row);
      }
      if (errors.length) return;
      await options.write(options.ctx.tx, rows, refs);
      rowsLoaded += rows.length;
    },
    async finish() {
      if (errors.length) throw new LoadRowErrors(errors.slice(0, 200));
      return { rowsLoaded, notes: options.notes?.(rowsLoaded) ?? [] };
    },
  };
}
