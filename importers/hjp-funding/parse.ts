/**
 * hjp-funding: funding awards with the 360Giving standard's required fields
 * (columns: app/domain/hjp/datasets.ts). Pure; amounts are integer pence.
 */
import { fundingDataset } from "../../app/domain/hjp/datasets";
import { datasetParser, problemsOf } from "../hjp-shared/parser";
import type { RowResult } from "../shared/types";

export type FundingRecord = {
  line: number;
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
  recipientOrgId: string;
  recipientOrgName: string;
  serviceRef: string | null;
  grantProgramme: string | null;
  fteFunded: number | null;
};

export const parser = datasetParser(
  fundingDataset,
  (c, line): RowResult<FundingRecord> => {
    const errors: { column: string; message: string }[] = [];
    if (c.amount_disbursed !== null && c.amount_disbursed > c.amount_awarded) errors.push({ column: "amount_disbursed", message: "more than the amount awarded" });
    if (c.planned_start && c.planned_end && c.planned_end < c.planned_start) errors.push({ column: "planned_end", message: `${c.planned_end} is before the planned start ${c.planned_start}` });
    if (errors.length) return problemsOf(errors);
    return {
      kind: "ok",
      record: {
        line,
        grantId: c.grant_id,
        title: c.title,
        description: c.description,
        currency: c.currency,
        amountAwardedPence: c.amount_awarded,
        amountDisbursedPence: c.amount_disbursed,
        awardDate: c.award_date,
        plannedStart: c.planned_start,
        plannedEnd: c.planned_end,
        funderOrgId: c.funder_org_id,
        funderName: c.funder_name,
        funderType: c.funder_type,
        recipientOrgId: c.recipient_org_id,
        recipientOrgName: c.recipient_org_name,
        serviceRef: c.service_ref,
        grantProgramme: c.grant_programme,
        fteFunded: c.fte_funded,
      },
    };
  },
  { key: (r) => r.grantId },
);
