/**
 * The synthetic HJP data generator: pure and seeded. Given real geography, the
 * organisations to run the services and an injected "today", it plans services and
 * produces rows in the four HJP template formats (app/domain/hjp/datasets.ts), which a
 * script writes to CSV and loads through the product's own importers. Every ICB and
 * service draws from its own stream, so one ICB's data is the same whether it is
 * generated alone (the demo) or with all 42 (a national benchmark).
 */
import { activityDataset, fundingDataset, servicesDataset, trainingDataset } from "../hjp/datasets";
import { type ActivityRow, serviceEpisodes } from "./episodes";
import { type FundingRow, organisationAward, serviceAwards, serviceTraining, type TrainingRow } from "./funding";
import { type IcbSpec, type PlannedService, planServices } from "./plan";

export { PARAMETERS, parameterTable } from "./parameters";
export type { IcbInput, IcbSpec, NeighbourhoodInput, OrganisationInput, PlaceInput, PlannedService } from "./plan";
export { shortIcbName, windowStart } from "./plan";
export { quarterOf } from "./dates";

/** Bumped whenever the generator's output for a seed changes. */
export const GENERATOR_VERSION = "hjp-synthetic/1";

export type SyntheticSpec = {
  seed: number;
  /** The day the data runs up to (injected: the generator never reads the clock). */
  today: string;
  /** Whole financial years before the current one. */
  years: number;
  icbs: IcbSpec[];
};

export type ServiceRow = Record<string, string>;

export const COLUMNS = {
  services: servicesDataset.list.map((c) => c.name),
  activity: activityDataset.list.map((c) => c.name),
  training: trainingDataset.list.map((c) => c.name),
  funding: fundingDataset.list.map((c) => c.name),
} as const;

export function serviceRow(s: PlannedService): ServiceRow {
  return {
    provider_org_id: s.organisation.giving360Id,
    service_ref: s.ref,
    service_name: s.name,
    icb_code: s.icbCode,
    sites: s.sites.map((site) => (site.odsCode ? `${site.setting}:${site.odsCode}` : site.setting)).join("; "),
    areas_served: s.areasServed.join("; "),
    delivery_model: s.deliveryModel,
    problem_areas: s.problemAreas.join("; "),
    adviser_fte: s.adviserFte.toFixed(1),
    supervising_solicitor_fte: s.supervisingSolicitorFte === null ? "" : s.supervisingSolicitorFte.toFixed(1),
    admin_fte: s.adminFte.toFixed(1),
    sessions_per_week: s.sessionsPerWeek.toFixed(1),
  };
}

export type SyntheticData = {
  plans: PlannedService[];
  services: ServiceRow[];
  funding: FundingRow[];
  training: TrainingRow[];
  /** Streams: a national run is a million rows. */
  activity(): Generator<ActivityRow>;
};

export function generateSyntheticHjp(spec: SyntheticSpec): SyntheticData {
  const plans: PlannedService[] = [];
  const funding: FundingRow[] = [];
  for (const icbSpec of spec.icbs) {
    const icbPlans = planServices({ spec: icbSpec, seed: spec.seed, today: spec.today, years: spec.years });
    plans.push(...icbPlans);
    for (const service of icbPlans) funding.push(...serviceAwards({ service, icb: icbSpec.icb, seed: spec.seed, today: spec.today }));
    for (const organisation of icbSpec.organisations) {
      if (icbPlans.some((p) => p.organisation.giving360Id === organisation.giving360Id)) funding.push(organisationAward({ organisation, icb: icbSpec.icb, seed: spec.seed, today: spec.today }));
    }
  }
  return {
    plans,
    services: plans.map(serviceRow),
    funding,
    training: plans.flatMap((service) => serviceTraining({ service, seed: spec.seed, today: spec.today })),
    *activity() {
      for (const service of plans) yield* serviceEpisodes({ service, seed: spec.seed, today: spec.today });
    },
  };
}
