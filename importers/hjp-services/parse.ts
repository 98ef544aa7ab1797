/**
 * hjp-services: the HJP services a VCSE organisation runs (columns:
 * app/domain/hjp/datasets.ts). Pure; the load step checks the provider, ICB and
 * footprint codes against the database.
 */
import type { Site } from "../../app/domain/hjp/cells";
import { PRACTICE_CODE, servicesDataset } from "../../app/domain/hjp/datasets";
import { datasetParser, problemsOf } from "../hjp-shared/parser";
import type { RowResult } from "../shared/types";

export type ServiceRecord = {
  line: number;
  providerOrgId: string;
  serviceRef: string;
  name: string;
  icbCode: string;
  sites: Site[];
  areasServed: string[];
  deliveryModel: string;
  problemAreas: string[];
  adviserFte: number;
  supervisingSolicitorFte: number | null;
  adminFte: number | null;
  sessionsPerWeek: number;
};

export const parser = datasetParser(
  servicesDataset,
  (c, line): RowResult<ServiceRecord> => {
    const errors: { column: string; message: string }[] = [];
    for (const site of c.sites) {
      if (site.setting !== "remote" && !site.odsCode) errors.push({ column: "sites", message: `${site.setting} needs the site's ODS code (setting:code, e.g. ${site.setting}:P84001)` });
      if (site.setting === "gp-practice" && site.odsCode && !PRACTICE_CODE.test(site.odsCode)) errors.push({ column: "sites", message: `not a GP practice code (a letter and 5 digits): "${site.odsCode}"` });
    }
    const withSubType = c.problem_areas.categories.find((p) => p.includes(":"));
    if (withSubType) errors.push({ column: "problem_areas", message: `give problem areas without sub-types (sub-types are recorded per episode): "${withSubType}"` });
    if (errors.length) return problemsOf(errors);
    return {
      kind: "ok",
      record: {
        line,
        providerOrgId: c.provider_org_id,
        serviceRef: c.service_ref,
        name: c.service_name,
        icbCode: c.icb_code,
        sites: c.sites,
        areasServed: c.areas_served,
        deliveryModel: c.delivery_model,
        problemAreas: c.problem_areas.areas,
        adviserFte: c.adviser_fte,
        supervisingSolicitorFte: c.supervising_solicitor_fte,
        adminFte: c.admin_fte,
        sessionsPerWeek: c.sessions_per_week,
      },
    };
  },
  { key: (r) => `${r.providerOrgId} ${r.serviceRef}` },
);
