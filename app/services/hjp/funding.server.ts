import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { hjpFundingAwards, hjpServices } from "../../../db/schema/hjp";

export type AwardView = {
  grantId: string;
  title: string;
  description: string;
  currency: string;
  amountAwardedPence: number;
  amountDisbursedPence: number | null;
  awardDate: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  funderOrgId: string;
  funderName: string;
  funderType: string;
  recipientOrganisationId: number;
  serviceRef: string | null;
  grantProgramme: string | null;
  fteFunded: number | null;
};

/** The funding awards an organisation has received, oldest first. */
export function listAwardsForOrganisation({ db, organisationId }: { db: Queryable; organisationId: number }): Promise<AwardView[]> {
  return db
    .select({
      grantId: hjpFundingAwards.grantId,
      title: hjpFundingAwards.title,
      description: hjpFundingAwards.description,
      currency: hjpFundingAwards.currency,
      amountAwardedPence: hjpFundingAwards.amountAwardedPence,
      amountDisbursedPence: hjpFundingAwards.amountDisbursedPence,
      awardDate: hjpFundingAwards.awardDate,
      plannedStart: hjpFundingAwards.plannedStart,
      plannedEnd: hjpFundingAwards.plannedEnd,
      funderOrgId: hjpFundingAwards.funderOrgId,
      funderName: hjpFundingAwards.funderName,
      funderType: hjpFundingAwards.funderType,
      recipientOrganisationId: hjpFundingAwards.recipientOrganisationId,
      serviceRef: hjpServices.serviceRef,
      grantProgramme: hjpFundingAwards.grantProgramme,
      fteFunded: hjpFundingAwards.fteFunded,
    })
    .from(hjpFundingAwards)
    .leftJoin(hjpServices, eq(hjpServices.id, hjpFundingAwards.serviceId))
    .where(eq(hjpFundingAwards.recipientOrganisationId, organisationId))
    .orderBy(asc(hjpFundingAwards.awardDate), asc(hjpFundingAwards.grantId));
}
