/**
 * Synthetic client episodes of one service, quarter by quarter, as rows of the HJP
 * activity template (app/domain/hjp/datasets.ts). A generator, so that a national run
 * of a million episodes streams to its file without holding them.
 *
 * Each referral: a date in its quarter (never after today); attendance at the service's
 * rate; a first contact days later; a level of service and how long the case stays open;
 * outcomes only once the case is closed. An episode is sent in the quarter of its last
 * change (its closure, or the current quarter while it is open), so many span two
 * quarters, as real returns do.
 */
import { PARAMETERS } from "./parameters";
import { addDays, type Quarter, quarterOf, quartersBetween, toDays } from "./dates";
import { drawSite, type CatchmentEntry, type PlannedService } from "./plan";
import { chance, integer, lognormal, normal, poisson, type Rng, stream, uniform, weighted, weightedItem } from "./random";

export type ActivityRow = Record<string, string>;

const P = PARAMETERS;
const pounds = (pence: number) => (pence / 100).toFixed(2);
const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/** A client decile around the neighbourhood's, shifted towards more deprived. */
function clientDecile(rng: Rng, around: number | null): number {
  const base = around ?? 5;
  return clamp(base + Number(weighted(rng, P.deprivationShift.value)), 1, 10);
}

function drawProblems(rng: Rng, offered: readonly string[]): string[] {
  const areas = offered.filter((a) => chance(rng, P.problemShare.value[a] ?? 0));
  if (!areas.length) areas.push(offered.includes("welfare-benefits") ? "welfare-benefits" : offered[0]);
  return areas.map((area) => {
    if (area === "welfare-benefits") return `${area}:${weighted(rng, P.benefitSubType.value)}`;
    if (area === "debt") return `${area}:${weighted(rng, P.debtSubType.value)}`;
    if (area === "housing") return `${area}:${weighted(rng, P.housingSubType.value)}`;
    return area;
  });
}

type Where = { site: string; pcn: string; decile: number };

/** Where the client is registered: the site's PCN for GP services; otherwise the catchment, outside the ICB, or not recorded. */
function drawWhere(rng: Rng, service: PlannedService): Where {
  const site = drawSite(rng, service);
  if (service.setting === "gp-practice") return { site: site.odsCode ?? "", pcn: "", decile: clientDecile(rng, pcnDecileOfSite(service, site.odsCode)) };
  const siteCode = site.odsCode ?? "";
  if (service.outside.length && chance(rng, P.clientOutsideIcb.value)) {
    const n = weightedItem(rng, service.outside, (o) => o.weight);
    return { site: siteCode, pcn: n.code, decile: clientDecile(rng, n.imdDecile) };
  }
  if (!service.catchment.length || chance(rng, P.clientNeighbourhoodUnknown.value)) return { site: siteCode, pcn: "", decile: clientDecile(rng, service.icbImdDecile) };
  const n: CatchmentEntry = weightedItem(rng, service.catchment, (c) => c.weight);
  return { site: siteCode, pcn: n.code, decile: clientDecile(rng, n.imdDecile) };
}

function pcnDecileOfSite(service: PlannedService, practice: string | null): number | null {
  return service.siteDeciles[practice ?? ""] ?? service.icbImdDecile;
}

/** Referrals expected in a quarter: clients per FTE per year ÷ 4 ÷ attendance, ramped and scaled to the days elapsed. */
export function expectedReferrals(service: PlannedService, quarterIndex: number, fractionOfQuarter: number): number {
  const ramp = P.rampUpQuarters.value[quarterIndex] ?? 1;
  return ((service.adviserFte * service.clientsPerFte) / 4 / service.attendance) * ramp * fractionOfQuarter;
}

export function* serviceEpisodes({ service, seed, today }: { service: PlannedService; seed: number; today: string }): Generator<ActivityRow> {
  const rng = stream(seed, `episodes/${service.ref}`);
  const current = quarterOf(today);
  const quarters = quartersBetween(service.start, today);
  let sequence = 0;
  const clients: string[] = [];
  for (let qi = 0; qi < quarters.length; qi++) {
    const q = quarters[qi];
    const lastDay = q.end < today ? q.end : today;
    const days = toDays(lastDay) - toDays(q.start) + 1;
    const fraction = days / (toDays(q.end) - toDays(q.start) + 1);
    const n = poisson(rng, expectedReferrals(service, qi, fraction));
    const offsets = Array.from({ length: n }, () => Math.floor(rng() * days)).sort((a, b) => a - b);
    for (const offset of offsets) {
      sequence++;
      yield episode(rng, service, addDays(q.start, offset), sequence, clients, today, current);
    }
  }
}

function episode(rng: Rng, service: PlannedService, referral: string, sequence: number, clients: string[], today: string, current: Quarter): ActivityRow {
  let clientRef: string;
  if (clients.length && chance(rng, P.repeatClient.value)) clientRef = clients[Math.floor(rng() * clients.length)];
  else {
    clientRef = `CL-${service.ref}-${String(clients.length + 1).padStart(6, "0")}`;
    clients.push(clientRef);
  }
  const where = drawWhere(rng, service);
  const problems = drawProblems(rng, service.problemAreas);
  const areas = new Set(problems.map((c) => c.split(":")[0]));
  let attended = chance(rng, service.attendance);
  let firstContact: string | null = attended ? addDays(referral, integer(rng, P.daysToFirstContact.value)) : null;
  // Not seen yet: recorded as not (yet) attended, as a return made today would show it.
  if (firstContact && firstContact > today) {
    attended = false;
    firstContact = null;
  }
  const level = attended ? weighted(rng, P.serviceLevel.value) : "information";
  let closed: string | null = attended ? addDays(firstContact!, integer(rng, P.daysOpenByLevel.value[level])) : addDays(referral, 28);
  if (closed > today) closed = null;
  const outcomes = attended && closed !== null;

  let recurring = "";
  let oneOff = "";
  let gained = false;
  if (outcomes && areas.has("welfare-benefits") && chance(rng, P.gainChanceWithBenefitProblem.value)) {
    const total = Math.round(Math.min(100_000, lognormal(rng, P.gainMedianGbp.value, P.gainLogSd.value)) * 100);
    const share = uniform(rng, P.recurringShareOfGain.value);
    const benefit = problems.find((c) => c.startsWith("welfare-benefits:"))!.split(":")[1];
    const recurringPence = Math.round(total * share);
    recurring = `${benefit}=${pounds(recurringPence)}`;
    if (total - recurringPence > 0) oneOff = `${benefit}=${pounds(total - recurringPence)}`;
    gained = true;
  }
  let debtManaged = "";
  let debtWrittenOff = "";
  if (outcomes && areas.has("debt") && chance(rng, P.debtOutcomeChance.value)) {
    debtManaged = pounds(Math.round(Math.min(200_000, lognormal(rng, P.debtManagedMedianGbp.value, 1)) * 100));
    if (chance(rng, P.debtWrittenOffChance.value)) debtWrittenOff = pounds(Math.round(Math.min(100_000, lognormal(rng, 1500, 1)) * 100));
  }
  let housing = "";
  if (outcomes && areas.has("housing")) {
    const damp = problems.includes("housing:damp-mould");
    const weights = damp ? { ...P.housingOutcome.value, "repairs-secured": P.housingOutcome.value["repairs-secured"] * 2 } : P.housingOutcome.value;
    housing = weighted(rng, weights);
  }
  const resolved = outcomes ? weighted(rng, P.problemResolved.value) : "";
  const baseline = attended ? clamp(normal(rng, P.swemwbsBaseline.value.mean, P.swemwbsBaseline.value.sd), 7, 35) : null;
  let followup: number | null = null;
  if (outcomes && baseline !== null && chance(rng, P.swemwbsFollowupChance.value)) {
    const positive = gained || resolved === "yes" || resolved === "partly";
    const c = P.swemwbsChange.value;
    followup = clamp(baseline + normal(rng, positive ? c.positive : c.other, c.sd), 7, 35);
  }
  const period = closed ? quarterOf(closed) : current;
  return {
    provider_org_id: service.organisation.giving360Id,
    service_ref: service.ref,
    episode_ref: `${service.ref}-${String(sequence).padStart(6, "0")}`,
    client_ref: clientRef,
    reporting_period: period.label,
    referral_date: referral,
    referral_source: weighted(rng, P.referralSourceBySetting.value[service.setting]),
    referral_route: weighted(rng, P.referralRouteByModel.value[service.deliveryModel]),
    attended: attended ? "yes" : "no",
    first_contact_date: firstContact ?? "",
    setting: service.setting,
    site_ods_code: where.site,
    delivery_mode: attended ? weighted(rng, P.deliveryModeByModel.value[service.deliveryModel]) : service.deliveryModel === "remote" ? "telephone" : "face-to-face",
    problem_categories: problems.join("; "),
    service_level: level,
    client_pcn_code: where.pcn,
    client_lsoa: "",
    client_outward_code: "",
    client_imd_decile: String(where.decile),
    age_band: weighted(rng, service.setting === "maternity" ? { "18-24": 0.25, "25-34": 0.5, "35-44": 0.25 } : P.ageBand.value),
    sex: service.setting === "maternity" ? "female" : weighted(rng, P.sex.value),
    ethnicity: weighted(rng, P.ethnicity.value),
    disability_or_ltc: chance(rng, P.disabilityOrLtc.value) ? "yes" : "no",
    gains_recurring_annual: recurring,
    gains_one_off: oneOff,
    debt_written_off: debtWrittenOff,
    debt_managed: debtManaged,
    housing_outcome: housing,
    problem_resolved: resolved,
    swemwbs_baseline: baseline === null ? "" : baseline.toFixed(2),
    swemwbs_followup: followup === null ? "" : followup.toFixed(2),
    closed_date: closed ?? "",
  };
}
