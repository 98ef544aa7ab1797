import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { organisations } from "../../../db/schema/index";
import { hjpServiceAreas, hjpServices, hjpServiceSites } from "../../../db/schema/hjp";

export type ServiceView = {
  id: number;
  organisationId: number;
  organisationName: string;
  serviceRef: string;
  name: string;
  icbCode: string;
  deliveryModel: string;
  problemAreas: string[];
  adviserFte: number;
  supervisingSolicitorFte: number | null;
  adminFte: number | null;
  sessionsPerWeek: number;
  sites: { setting: string; odsCode: string | null }[];
  areasServed: { code: string; level: string }[];
};

async function withSitesAndAreas(db: Queryable, where: ReturnType<typeof and>): Promise<ServiceView[]> {
  const services = await db
    .select({
      id: hjpServices.id,
      organisationId: hjpServices.organisationId,
      organisationName: organisations.name,
      serviceRef: hjpServices.serviceRef,
      name: hjpServices.name,
      icbCode: hjpServices.icbCode,
      deliveryModel: hjpServices.deliveryModel,
      problemAreas: hjpServices.problemAreas,
      adviserFte: hjpServices.adviserFte,
      supervisingSolicitorFte: hjpServices.supervisingSolicitorFte,
      adminFte: hjpServices.adminFte,
      sessionsPerWeek: hjpServices.sessionsPerWeek,
    })
    .from(hjpServices)
    .innerJoin(organisations, eq(organisations.id, hjpServices.organisationId))
    .where(where)
    .orderBy(asc(organisations.name), asc(hjpServices.serviceRef));
  if (!services.length) return [];
  const ids = services.map((s) => s.id);
  const sites = await db
    .select({ serviceId: hjpServiceSites.serviceId, setting: hjpServiceSites.setting, odsCode: hjpServiceSites.odsCode })
    .from(hjpServiceSites)
    .where(inArray(hjpServiceSites.serviceId, ids))
    .orderBy(asc(hjpServiceSites.id));
  const areas = await db
    .select({ serviceId: hjpServiceAreas.serviceId, code: hjpServiceAreas.areaCode, level: hjpServiceAreas.level })
    .from(hjpServiceAreas)
    .where(inArray(hjpServiceAreas.serviceId, ids))
    .orderBy(asc(hjpServiceAreas.areaCode));
  return services.map((s) => ({
    ...s,
    sites: sites.filter((x) => x.serviceId === s.id).map(({ setting, odsCode }) => ({ setting, odsCode })),
    areasServed: areas.filter((a) => a.serviceId === s.id).map(({ code, level }) => ({ code, level })),
  }));
}

/** The HJP services working in an ICB, with their sites and the footprint they serve. */
export function listServicesForIcb({ db, icbCode }: { db: Queryable; icbCode: string }): Promise<ServiceView[]> {
  return withSitesAndAreas(db, and(eq(hjpServices.icbCode, icbCode)));
}

/** The HJP services an organisation runs. */
export function listServicesForOrganisation({ db, organisationId }: { db: Queryable; organisationId: number }): Promise<ServiceView[]> {
  return withSitesAndAreas(db, and(eq(hjpServices.organisationId, organisationId)));
}

/** A service by its provider's 360Giving identifier and the provider's reference for it. */
export async function findService({ db, providerOrgId, serviceRef }: { db: Queryable; providerOrgId: string; serviceRef: string }): Promise<ServiceView | null> {
  const [service] = await withSitesAndAreas(
    db,
    and(eq(sql`upper(${organisations.giving360Id})`, providerOrgId.toUpperCase()), eq(sql`upper(${hjpServices.serviceRef})`, serviceRef.toUpperCase())),
  );
  return service ?? null;
}
