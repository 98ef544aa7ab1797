import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { hjpEpisodes } from "../../../db/schema/hjp";

export type EpisodeView = {
  episodeRef: string;
  clientRef: string | null;
  uploadId: number;
  periodStart: string;
  periodEnd: string;
  referralDate: string;
  referralSource: string;
  referralRoute: string | null;
  attended: boolean;
  firstContactDate: string | null;
  setting: string;
  siteOdsCode: string | null;
  deliveryMode: string;
  problemAreas: string[];
  problemCategories: string[];
  serviceLevel: string;
  neighbourhoodCode: string | null;
  clientLsoa: string | null;
  clientOutwardCode: string | null;
  imdDecile: number | null;
  ageBand: string | null;
  sex: string | null;
  ethnicity: string | null;
  disabilityOrLtc: boolean | null;
  gainsRecurringAnnualPence: number | null;
  gainsOneOffPence: number | null;
  gainsRecurringByBenefit: Record<string, number> | null;
  gainsOneOffByBenefit: Record<string, number> | null;
  debtWrittenOffPence: number | null;
  debtManagedPence: number | null;
  housingOutcome: string | null;
  problemResolved: string | null;
  swemwbsBaseline: number | null;
  swemwbsFollowup: number | null;
  closedDate: string | null;
};

/** A service's episodes, by episode reference (for checks and small services; dashboards aggregate in SQL). */
export async function getEpisodesForService({ db, serviceId, limit = 10_000 }: { db: Queryable; serviceId: number; limit?: number }): Promise<EpisodeView[]> {
  return db.select(episodeColumns()).from(hjpEpisodes).where(eq(hjpEpisodes.serviceId, serviceId)).orderBy(asc(hjpEpisodes.episodeRef)).limit(limit);
}

function episodeColumns() {
  const t = hjpEpisodes;
  return {
    episodeRef: t.episodeRef,
    clientRef: t.clientRef,
    uploadId: t.uploadId,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    referralDate: t.referralDate,
    referralSource: t.referralSource,
    referralRoute: t.referralRoute,
    attended: t.attended,
    firstContactDate: t.firstContactDate,
    setting: t.setting,
    siteOdsCode: t.siteOdsCode,
    deliveryMode: t.deliveryMode,
    problemAreas: t.problemAreas,
    problemCategories: t.problemCategories,
    serviceLevel: t.serviceLevel,
    neighbourhoodCode: t.neighbourhoodCode,
    clientLsoa: t.clientLsoa,
    clientOutwardCode: t.clientOutwardCode,
    imdDecile: t.imdDecile,
    ageBand: t.ageBand,
    sex: t.sex,
    ethnicity: t.ethnicity,
    disabilityOrLtc: t.disabilityOrLtc,
    gainsRecurringAnnualPence: t.gainsRecurringAnnualPence,
    gainsOneOffPence: t.gainsOneOffPence,
    gainsRecurringByBenefit: t.gainsRecurringByBenefit,
    gainsOneOffByBenefit: t.gainsOneOffByBenefit,
    debtWrittenOffPence: t.debtWrittenOffPence,
    debtManagedPence: t.debtManagedPence,
    housingOutcome: t.housingOutcome,
    problemResolved: t.problemResolved,
    swemwbsBaseline: t.swemwbsBaseline,
    swemwbsFollowup: t.swemwbsFollowup,
    closedDate: t.closedDate,
  };
}

/** How many episodes a service has in each reporting quarter. */
export async function countEpisodesByPeriod({ db, serviceId }: { db: Queryable; serviceId: number }): Promise<{ periodStart: string; episodes: number }[]> {
  return db
    .select({ periodStart: hjpEpisodes.periodStart, episodes: sql<number>`count(*)::int` })
    .from(hjpEpisodes)
    .where(eq(hjpEpisodes.serviceId, serviceId))
    .groupBy(hjpEpisodes.periodStart)
    .orderBy(asc(hjpEpisodes.periodStart));
}
