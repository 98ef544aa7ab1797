/**
 * hjp-activity: case-level HJP activity and outcomes, one row per client episode
 * (columns: app/domain/hjp/datasets.ts). Pure: the cells are checked here, the
 * references to services, practices, PCNs and LSOAs by the load step.
 *
 * No `key` here: the runner would hold every key of a million-row file in memory. The
 * load step finds an episode sent twice through the table's primary key instead.
 */
import type { Problems } from "../../app/domain/hjp/cells";
import { activityDataset, PRACTICE_CODE } from "../../app/domain/hjp/datasets";
import { datasetParser, problemsOf } from "../hjp-shared/parser";
import type { RowResult } from "../shared/types";

export type ActivityRecord = {
  line: number;
  providerOrgId: string;
  serviceRef: string;
  episodeRef: string;
  clientRef: string | null;
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
  problems: Problems;
  serviceLevel: string;
  clientPcnCode: string | null;
  clientLsoa: string | null;
  clientOutwardCode: string | null;
  imdDecile: number | null;
  ageBand: string | null;
  sex: string | null;
  ethnicity: string | null;
  disabilityOrLtc: boolean | null;
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

export const parser = datasetParser(activityDataset, (c, line): RowResult<ActivityRecord> => {
  const errors: { column: string; message: string }[] = [];
  const period = c.reporting_period;
  // ISO dates compare as text.
  if (c.referral_date > period.end) errors.push({ column: "referral_date", message: `${c.referral_date} is after the end of ${period.label} (${period.end})` });
  if (c.first_contact_date && c.first_contact_date < c.referral_date) errors.push({ column: "first_contact_date", message: `${c.first_contact_date} is before the referral date ${c.referral_date}` });
  if (c.closed_date && c.closed_date < c.referral_date) errors.push({ column: "closed_date", message: `${c.closed_date} is before the referral date ${c.referral_date}` });
  if (c.setting === "gp-practice") {
    if (!c.site_ods_code) errors.push({ column: "site_ods_code", message: "missing value: a GP-practice episode needs the practice code" });
    else if (!PRACTICE_CODE.test(c.site_ods_code)) errors.push({ column: "site_ods_code", message: `not a GP practice code (a letter and 5 digits): "${c.site_ods_code}"` });
  }
  if (errors.length) return problemsOf(errors);
  return {
    kind: "ok",
    record: {
      line,
      providerOrgId: c.provider_org_id,
      serviceRef: c.service_ref,
      episodeRef: c.episode_ref,
      clientRef: c.client_ref,
      periodStart: period.start,
      periodEnd: period.end,
      referralDate: c.referral_date,
      referralSource: c.referral_source,
      referralRoute: c.referral_route,
      attended: c.attended,
      firstContactDate: c.first_contact_date,
      setting: c.setting,
      siteOdsCode: c.site_ods_code,
      deliveryMode: c.delivery_mode,
      problems: c.problem_categories,
      serviceLevel: c.service_level,
      clientPcnCode: c.client_pcn_code,
      clientLsoa: c.client_lsoa,
      clientOutwardCode: c.client_outward_code,
      imdDecile: c.client_imd_decile,
      ageBand: c.age_band,
      sex: c.sex,
      ethnicity: c.ethnicity,
      disabilityOrLtc: c.disability_or_ltc,
      gainsRecurringByBenefit: c.gains_recurring_annual,
      gainsOneOffByBenefit: c.gains_one_off,
      debtWrittenOffPence: c.debt_written_off,
      debtManagedPence: c.debt_managed,
      housingOutcome: c.housing_outcome,
      problemResolved: c.problem_resolved,
      swemwbsBaseline: c.swemwbs_baseline,
      swemwbsFollowup: c.swemwbs_followup,
      closedDate: c.closed_date,
    },
  };
});
