import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { hjpTraining } from "../../../db/schema/hjp";

export type TrainingView = {
  periodStart: string;
  periodEnd: string;
  siteOdsCode: string | null;
  sessionsDelivered: number;
  attendeesGp: number;
  attendeesNurse: number;
  attendeesReceptionist: number;
  attendeesOther: number;
};

/** A service's training of health staff, by quarter and site. */
export function listTrainingForService({ db, serviceId }: { db: Queryable; serviceId: number }): Promise<TrainingView[]> {
  return db
    .select({
      periodStart: hjpTraining.periodStart,
      periodEnd: hjpTraining.periodEnd,
      siteOdsCode: hjpTraining.siteOdsCode,
      sessionsDelivered: hjpTraining.sessionsDelivered,
      attendeesGp: hjpTraining.attendeesGp,
      attendeesNurse: hjpTraining.attendeesNurse,
      attendeesReceptionist: hjpTraining.attendeesReceptionist,
      attendeesOther: hjpTraining.attendeesOther,
    })
    .from(hjpTraining)
    .where(eq(hjpTraining.serviceId, serviceId))
    .orderBy(asc(hjpTraining.periodStart), asc(hjpTraining.siteOdsCode));
}
