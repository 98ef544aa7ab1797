/**
 * Synthetic funding awards (rows of the HJP funding template) and training of health
 * staff (rows of the training template). Each service is funded by a chain of awards
 * from its start until an award runs past today; almost 40% of awards last under a year
 * (domain.md §0), so some services face a funding cliff within the next 12 months.
 */
import { PARAMETERS } from "./parameters";
import { addDays, addMonths, quartersBetween, toDays } from "./dates";
import { shortIcbName, type IcbInput, type OrganisationInput, type PlannedService } from "./plan";
import { chance, integer, type Rng, stream, uniform, weighted } from "./random";

export type FundingRow = Record<string, string>;
export type TrainingRow = Record<string, string>;

type Funder = { id: string; name: string; type: string };

/** The funders an ICB's services draw on: the ICB, its councils, NHS trusts, and (fictional) charities and lotteries. */
export function fundersFor(icb: IcbInput, placeCode: string | undefined): Record<string, Funder> {
  const place = icb.places.find((p) => p.code === placeCode) ?? icb.places[0];
  const short = shortIcbName(icb.name);
  return {
    icb: { id: `GB-NHS-${icb.odsCode}`, name: icb.name, type: "icb" },
    "la-public-health": { id: `GB-LAE-${(place?.code ?? icb.code).replace(/[^A-Z0-9-]/g, "")}`, name: `${place?.name ?? short} Council public health (demo funder)`, type: "la-public-health" },
    "nhs-trust": { id: `GB-NHS-ZT${icb.odsCode}`, name: `${short} Teaching Hospitals (demo funder)`, type: "nhs-trust" },
    "charitable-trust": { id: "GB-CHC-9000001", name: "Northern Health Justice Trust (demo funder)", type: "charitable-trust" },
    lottery: { id: "GB-COH-90000001", name: "Community Lottery Fund (demo funder)", type: "lottery" },
    "legal-aid": { id: "GB-GOR-LAA", name: "Legal Aid Agency (demo award)", type: "legal-aid" },
    other: { id: "GB-COH-90000099", name: "Local Business Giving Scheme (demo funder)", type: "other" },
  };
}

/** Awards are made in round hundreds of pounds. */
const toPounds = (pounds: number) => (Math.round(pounds / 100) * 100).toFixed(2);

function awardRow(o: {
  grantId: string;
  title: string;
  description: string;
  /** Pounds. */
  amount: number;
  start: string;
  end: string;
  today: string;
  rng: Rng;
  funder: Funder;
  recipient: OrganisationInput;
  serviceRef: string;
  programme: string;
  fte: number | null;
}): FundingRow {
  const length = toDays(o.end) - toDays(o.start) + 1;
  const elapsed = Math.min(1, Math.max(0, (toDays(o.today) - toDays(o.start) + 1) / length));
  const amount = Number(toPounds(o.amount));
  return {
    grant_id: o.grantId,
    title: o.title,
    description: o.description,
    currency: "GBP",
    amount_awarded: amount.toFixed(2),
    amount_disbursed: Math.min(amount, Number(toPounds(amount * elapsed))).toFixed(2),
    award_date: addDays(o.start, -integer(o.rng, [14, 60])),
    planned_start: o.start,
    planned_end: o.end,
    funder_org_id: o.funder.id,
    funder_name: o.funder.name,
    funder_type: o.funder.type,
    recipient_org_id: o.recipient.giving360Id,
    recipient_org_name: o.recipient.name,
    service_ref: o.serviceRef,
    grant_programme: o.programme,
    fte_funded: o.fte === null ? "" : o.fte.toFixed(2),
  };
}

/**
 * The awards that funded a service, built backwards from the one running today: that one
 * is under a year long as often as the landscape says (so a service's funding cliff is
 * often near), started some way into its length, and each earlier award ends the day
 * before the next starts, back to the service's start.
 */
export function serviceAwards({ service, icb, seed, today }: { service: PlannedService; icb: IcbInput; seed: number; today: string }): FundingRow[] {
  const rng = stream(seed, `funding/${service.ref}`);
  const funders = fundersFor(icb, service.placeCodes[0]);
  const periods: { start: string; end: string; months: number }[] = [];
  const draw = () => integer(rng, chance(rng, PARAMETERS.awardUnderAYear.value) ? PARAMETERS.awardMonths.value.short : PARAMETERS.awardMonths.value.long);
  // The current award: today falls somewhere in it (but not before the service began).
  const months = draw();
  let begins = addMonths(today, -integer(rng, [0, months - 1]));
  if (begins < service.start.start) begins = service.start.start;
  periods.push({ start: begins, end: addDays(addMonths(begins, months), -1), months });
  while (periods[0].start > service.start.start && periods.length < 50) {
    const m = draw();
    const end = addDays(periods[0].start, -1);
    const start = addDays(addMonths(end, -m), 1) < service.start.start ? service.start.start : addDays(addMonths(end, -m), 1);
    periods.unshift({ start, end, months: Math.max(1, Math.round((toDays(end) - toDays(start) + 1) / 30.44)) });
  }
  const rows: FundingRow[] = [];
  periods.forEach(({ start, end, months: length }, i) => {
    const k = i + 1;
    const costPerFte = uniform(rng, PARAMETERS.costPerAdviserFteGbp.value);
    const main = weighted(rng, PARAMETERS.funderType.value);
    const secondary = chance(rng, PARAMETERS.secondaryAwardChance.value) ? weighted(rng, PARAMETERS.funderType.value) : null;
    const mainShare = secondary ? uniform(rng, [0.7, 0.9]) : 1;
    const years = start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)}–${end.slice(0, 4)}`;
    const base = { start, end, today, rng, recipient: service.organisation, serviceRef: service.ref };
    rows.push(
      awardRow({
        ...base,
        grantId: `360G-DEMO-${service.ref}-${k}`,
        title: `${service.name} ${years} (synthetic demonstration award)`,
        description: `Synthetic demonstration data: ${service.adviserFte.toFixed(1)} FTE welfare rights advisers for ${length} months.`,
        amount: service.adviserFte * costPerFte * (length / 12) * mainShare,
        funder: funders[main],
        programme: main === "icb" ? "Health inequalities fund" : main === "lottery" ? "Community health programme" : "",
        fte: Math.round(service.adviserFte * mainShare * 100) / 100,
      }),
    );
    if (secondary) {
      rows.push(
        awardRow({
          ...base,
          grantId: `360G-DEMO-${service.ref}-${k}S`,
          title: `${service.name} ${years}: additional funding (synthetic demonstration award)`,
          description: "Synthetic demonstration data: a contribution alongside the main award.",
          amount: service.adviserFte * costPerFte * (length / 12) * (1 - mainShare),
          funder: funders[secondary],
          programme: "",
          fte: null,
        }),
      );
    }
  });
  return rows;
}

/** One award per organisation for its core costs (no service), running across today. */
export function organisationAward({ organisation, icb, seed, today }: { organisation: OrganisationInput; icb: IcbInput; seed: number; today: string }): FundingRow {
  const rng = stream(seed, `funding/${organisation.giving360Id}/${icb.code}`);
  const start = addMonths(`${today.slice(0, 7)}-01`, -integer(rng, [3, 15]));
  const end = addDays(addMonths(start, 24), -1);
  return awardRow({
    grantId: `360G-DEMO-CORE-${organisation.giving360Id}-${icb.odsCode}`,
    title: `${organisation.name}: core costs (synthetic demonstration award)`,
    description: "Synthetic demonstration data: supervision, training and management across the organisation's services.",
    amount: uniform(rng, [30_000, 60_000]),
    start,
    end,
    today,
    rng,
    funder: fundersFor(icb, undefined)["charitable-trust"],
    recipient: organisation,
    serviceRef: "",
    programme: "Core funding",
    fte: null,
  });
}

export function serviceTraining({ service, seed, today }: { service: PlannedService; seed: number; today: string }): TrainingRow[] {
  const rng = stream(seed, `training/${service.ref}`);
  const sites = service.setting === "gp-practice" ? service.sites.map((s) => s.odsCode ?? "") : [""];
  const rows: TrainingRow[] = [];
  const t = PARAMETERS.traineesPerSession.value;
  for (const q of quartersBetween(service.start, today)) {
    for (const site of sites) {
      const sessions = integer(rng, PARAMETERS.trainingSessionsPerQuarter.value) - (site ? 1 : 0);
      if (sessions <= 0) continue;
      const per = (range: [number, number]) => Array.from({ length: sessions }, () => integer(rng, range)).reduce((s, n) => s + n, 0);
      rows.push({
        provider_org_id: service.organisation.giving360Id,
        service_ref: service.ref,
        reporting_period: q.label,
        site_ods_code: site,
        sessions_delivered: String(sessions),
        attendees_gp: String(service.setting === "gp-practice" ? per(t.gp) : 0),
        attendees_nurse: String(per(t.nurse)),
        attendees_receptionist: String(service.setting === "gp-practice" ? per(t.receptionist) : 0),
        attendees_other: String(per(t.other) + (service.setting === "gp-practice" ? 0 : per(t.receptionist))),
      });
    }
  }
  return rows;
}
