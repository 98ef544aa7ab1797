/**
 * hjp-training: training of health staff to spot health-harming legal needs, per
 * service, quarter and site (columns: app/domain/hjp/datasets.ts). Pure.
 */
import { trainingDataset } from "../../app/domain/hjp/datasets";
import { datasetParser } from "../hjp-shared/parser";
import type { RowResult } from "../shared/types";

export type TrainingRecord = {
  line: number;
  providerOrgId: string;
  serviceRef: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  siteOdsCode: string | null;
  sessionsDelivered: number;
  attendeesGp: number;
  attendeesNurse: number;
  attendeesReceptionist: number;
  attendeesOther: number;
};

export const parser = datasetParser(
  trainingDataset,
  (c, line): RowResult<TrainingRecord> => ({
    kind: "ok",
    record: {
      line,
      providerOrgId: c.provider_org_id,
      serviceRef: c.service_ref,
      periodLabel: c.reporting_period.label,
      periodStart: c.reporting_period.start,
      periodEnd: c.reporting_period.end,
      siteOdsCode: c.site_ods_code,
      sessionsDelivered: c.sessions_delivered,
      attendeesGp: c.attendees_gp,
      attendeesNurse: c.attendees_nurse,
      attendeesReceptionist: c.attendees_receptionist,
      attendeesOther: c.attendees_other,
    },
  }),
  { key: (r) => `${r.providerOrgId} ${r.serviceRef} ${r.periodLabel} ${r.siteOdsCode ?? "(all sites)"}` },
);
