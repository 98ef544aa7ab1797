/**
 * Which synthetic services exist: for each ICB, services of several kinds (GP practices,
 * hospital, mental health, maternity, hospice, community, remote) across delivery
 * models, placed on the ICB's real places and neighbourhoods (most deprived first), run
 * by the organisations given. The same planner serves the first-start demonstration
 * (a few ICBs) and a national benchmark (all 42).
 */
import { PARAMETERS } from "./parameters";
import { integer, type Rng, stream, uniform, weightedItem } from "./random";
import { nextQuarter, type Quarter, quarterFrom, quarterOf } from "./dates";

export type PracticeInput = { code: string; listAdults: number; listPatients: number };
export type NeighbourhoodInput = {
  code: string;
  name: string;
  /** The places the neighbourhood rolls up to, with its share of each (from placeMembership). */
  places: { code: string; share: number }[];
  imdDecile: number | null;
  registeredAdults: number;
  practices: PracticeInput[];
};
export type PlaceInput = { code: string; name: string; imdDecile: number | null };
export type IcbInput = {
  code: string;
  odsCode: string;
  name: string;
  imdDecile: number | null;
  places: PlaceInput[];
  neighbourhoods: NeighbourhoodInput[];
  /** Neighbourhoods of other ICBs near this one: where clients living outside the ICB are registered. */
  outsideNeighbourhoods: { code: string; imdDecile: number | null }[];
};
export type OrganisationInput = { giving360Id: string; name: string };
export type IcbSpec = { icb: IcbInput; services: number; organisations: OrganisationInput[] };

export type ServiceKind = "gp-one-place" | "hospital" | "remote" | "gp-two-places" | "mental-health" | "maternity" | "hospice" | "gp-outreach" | "community";

type KindSpec = {
  kind: ServiceKind;
  setting: string;
  deliveryModel: string;
  label: string;
  abbreviation: string;
  footprint: "one-place" | "two-places" | "icb";
  /** Neighbourhoods per place, for GP services. */
  pcnsPerPlace?: [number, number];
  /** Quarters after the window opens that the service starts. */
  startsAfterQuarters?: number;
  /** Prefer an organisation other than the ICB's main one. */
  secondOrganisation?: boolean;
  problemAreas: string[];
};

const ALL_AREAS = ["welfare-benefits", "debt", "housing", "employment", "community-care", "immigration", "domestic-abuse", "family-child-protection", "consumer-utilities", "other"];
const CORE_AREAS = ["welfare-benefits", "debt", "housing", "community-care", "consumer-utilities", "other"];

/** In the order services are added to an ICB: three services give GP, hospital and remote. */
export const SERVICE_KINDS: readonly KindSpec[] = [
  {
    kind: "gp-one-place",
    setting: "gp-practice",
    deliveryModel: "co-located",
    label: "GP welfare rights service",
    abbreviation: "GP",
    footprint: "one-place",
    pcnsPerPlace: [3, 4],
    problemAreas: ALL_AREAS,
  },
  { kind: "hospital", setting: "hospital", deliveryModel: "co-located", label: "hospital discharge advice", abbreviation: "HOSP", footprint: "two-places", problemAreas: ALL_AREAS },
  { kind: "remote", setting: "remote", deliveryModel: "remote", label: "health justice advice line", abbreviation: "LINE", footprint: "icb", problemAreas: ALL_AREAS },
  {
    kind: "gp-two-places",
    setting: "gp-practice",
    deliveryModel: "co-located",
    label: "GP advice partnership",
    abbreviation: "GPX",
    footprint: "two-places",
    pcnsPerPlace: [1, 2],
    problemAreas: ALL_AREAS,
  },
  {
    kind: "mental-health",
    setting: "mental-health",
    deliveryModel: "outreach",
    label: "mental health legal advice",
    abbreviation: "MH",
    footprint: "icb",
    secondOrganisation: true,
    problemAreas: ALL_AREAS,
  },
  {
    kind: "maternity",
    setting: "maternity",
    deliveryModel: "co-located",
    label: "maternity money advice",
    abbreviation: "MAT",
    footprint: "one-place",
    startsAfterQuarters: 4,
    problemAreas: ALL_AREAS,
  },
  {
    kind: "hospice",
    setting: "hospice",
    deliveryModel: "outreach",
    label: "hospice welfare benefits service",
    abbreviation: "HSPC",
    footprint: "two-places",
    startsAfterQuarters: 4,
    secondOrganisation: true,
    problemAreas: CORE_AREAS,
  },
  { kind: "gp-outreach", setting: "gp-practice", deliveryModel: "outreach", label: "GP outreach advice", abbreviation: "GPO", footprint: "one-place", pcnsPerPlace: [2, 3], problemAreas: ALL_AREAS },
  { kind: "community", setting: "community", deliveryModel: "referral-only", label: "community health advice referrals", abbreviation: "COM", footprint: "one-place", problemAreas: ALL_AREAS },
];

const SITE_LETTER: Record<string, string> = { hospital: "H", "mental-health": "M", maternity: "N", hospice: "S", community: "C" };

/** A site; for GP practices, `weight` is the registered adults and `patients` the whole list. */
export type PlannedSite = { setting: string; odsCode: string | null; weight: number; patients: number };
export type CatchmentEntry = { code: string; weight: number; imdDecile: number | null };

export type PlannedService = {
  icbCode: string;
  ref: string;
  name: string;
  kind: ServiceKind;
  organisation: OrganisationInput;
  setting: string;
  deliveryModel: string;
  sites: PlannedSite[];
  areasServed: string[];
  /** Where clients of a non-GP service are registered (GP services take the site's PCN). */
  catchment: CatchmentEntry[];
  outside: CatchmentEntry[];
  icbImdDecile: number | null;
  /** Each GP site's neighbourhood deprivation decile, for its clients' deciles. */
  siteDeciles: Record<string, number | null>;
  problemAreas: string[];
  adviserFte: number;
  supervisingSolicitorFte: number | null;
  adminFte: number;
  sessionsPerWeek: number;
  /** Attending clients per adviser FTE per year, drawn from the cited range. */
  clientsPerFte: number;
  /** Share of referrals who attend, drawn from the cited range. */
  attendance: number;
  start: Quarter;
  /** Places the service works in (for naming and funders). */
  placeNames: string[];
  placeCodes: string[];
};

export function shortIcbName(name: string): string {
  return name.replace(/^NHS\s+/, "").replace(/\s+Integrated Care Board$/, "");
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The window opens at the start of the financial year `years` before the current one. */
export function windowStart(today: string, years: number): Quarter {
  return quarterFrom(quarterOf(today).year - years, 1);
}

/** The main place of a neighbourhood: the one with its largest share. */
function mainPlace(n: NeighbourhoodInput): string | null {
  return n.places.length ? [...n.places].sort((a, b) => b.share - a.share)[0].code : null;
}

const byDeprivation = <T extends { imdDecile: number | null; code: string }>(a: T, b: T) => (a.imdDecile ?? 11) - (b.imdDecile ?? 11) || a.code.localeCompare(b.code);

export function planServices({ spec, seed, today, years }: { spec: IcbSpec; seed: number; today: string; years: number }): PlannedService[] {
  const { icb } = spec;
  const rng = stream(seed, `plan/${icb.code}`);
  const start = windowStart(today, years);
  const places = [...icb.places].sort(byDeprivation);
  const pcnsByPlace = new Map<string, NeighbourhoodInput[]>();
  for (const n of icb.neighbourhoods) {
    const main = mainPlace(n);
    if (main) pcnsByPlace.set(main, [...(pcnsByPlace.get(main) ?? []), n]);
  }
  for (const list of pcnsByPlace.values()) list.sort(byDeprivation);
  const usedPcns = new Set<string>();
  let placeCursor = 0;
  const nextPlaces = (k: number) => {
    const chosen: PlaceInput[] = [];
    for (let i = 0; i < k && places.length; i++) chosen.push(places[placeCursor++ % places.length]);
    return [...new Map(chosen.map((p) => [p.code, p])).values()];
  };
  const freePcns = (placeCode: string, k: number) => {
    const list = (pcnsByPlace.get(placeCode) ?? []).filter((n) => !usedPcns.has(n.code) && n.practices.length > 0);
    const chosen = list.slice(0, k);
    for (const n of chosen) usedPcns.add(n.code);
    return chosen;
  };
  // A neighbourhood split across places, so that at least one GP service straddles places.
  const split = icb.neighbourhoods.filter((n) => n.places.length > 1 && n.practices.length > 0).sort(byDeprivation)[0];

  const plans: PlannedService[] = [];
  for (let i = 0; i < spec.services; i++) {
    const kind = SERVICE_KINDS[i % SERVICE_KINDS.length];
    const round_ = Math.floor(i / SERVICE_KINDS.length);
    const orgIndex = kind.secondOrganisation && spec.organisations.length > 1 ? 1 : i >= SERVICE_KINDS.length ? i % spec.organisations.length : 0;
    const organisation = spec.organisations[orgIndex % spec.organisations.length];
    let servicePlaces: PlaceInput[] = [];
    let pcns: NeighbourhoodInput[] = [];
    if (kind.footprint === "icb") servicePlaces = [];
    else if (kind.kind === "gp-two-places" && split && !usedPcns.has(split.code)) {
      usedPcns.add(split.code);
      servicePlaces = split.places
        .map((p) => places.find((pl) => pl.code === p.code))
        .filter((p): p is PlaceInput => Boolean(p))
        .slice(0, 2);
      pcns = [split];
    } else servicePlaces = nextPlaces(kind.footprint === "two-places" ? 2 : 1);
    if (kind.setting === "gp-practice") {
      for (const place of servicePlaces) {
        const want = integer(rng, kind.pcnsPerPlace ?? [1, 2]) - (pcns.some((p) => mainPlace(p) === place.code) ? 1 : 0);
        pcns.push(...freePcns(place.code, Math.max(0, want)));
      }
      if (!pcns.length) continue; // every neighbourhood of these places already has a GP service
    }
    const number = String(round_ + 1 + plans.filter((p) => p.kind === kind.kind).length).padStart(2, "0");
    const sites: PlannedSite[] =
      kind.setting === "gp-practice"
        ? pcns.flatMap((n) =>
            [...n.practices]
              .sort((a, b) => b.listAdults - a.listAdults || a.code.localeCompare(b.code))
              .slice(0, 2)
              .map((pr) => ({ setting: "gp-practice", odsCode: pr.code, weight: pr.listAdults, patients: pr.listPatients }))
          )
        : kind.setting === "remote"
        ? [{ setting: "remote", odsCode: null, weight: 1, patients: 0 }]
        : [{ setting: kind.setting, odsCode: `Z${SITE_LETTER[kind.setting]}${icb.odsCode.slice(0, 3)}${number.slice(-1)}`, weight: 1, patients: 0 }];
    const placeCodes = servicePlaces.map((p) => p.code);
    const catchmentPcns = kind.footprint === "icb" ? icb.neighbourhoods : icb.neighbourhoods.filter((n) => n.places.some((p) => placeCodes.includes(p.code)));
    const catchment = catchmentPcns.map((n) => ({
      code: n.code,
      weight: n.registeredAdults * (kind.footprint === "icb" ? 1 : n.places.filter((p) => placeCodes.includes(p.code)).reduce((s, p) => s + p.share, 0)),
      imdDecile: n.imdDecile,
    }));
    const [fteLow, fteHigh] = PARAMETERS.adviserFteBySetting.value[kind.setting] ?? [1, 2];
    const clientsPerFte = round(uniform(rng, PARAMETERS.clientsPerAdviserFtePerYear.value), 1);
    const attendance = round(uniform(rng, PARAMETERS.attendanceRate.value), 3);
    // A GP service is staffed for the referrals its practices' lists give; other services by setting.
    const patients = sites.reduce((s, site) => s + site.patients, 0);
    const adviserFte =
      kind.setting === "gp-practice"
        ? round(Math.min(fteHigh, Math.max(fteLow, (patients * (uniform(rng, PARAMETERS.referralsPer100PatientsPerYear.value) / 100) * attendance) / clientsPerFte)), 1)
        : round(uniform(rng, [fteLow, fteHigh]), 1);
    const siteCount = sites.filter((s) => s.odsCode).length || 1;
    const placeNames = servicePlaces.map((p) => p.name);
    const where = kind.footprint === "icb" ? shortIcbName(icb.name) : placeNames.join(" and ");
    const startOffset = kind.startsAfterQuarters ?? 0;
    let begin = start;
    for (let q = 0; q < startOffset; q++) begin = nextQuarter(begin);
    plans.push({
      icbCode: icb.code,
      ref: `${icb.odsCode}-${kind.abbreviation}${number}`,
      name: `${where} ${kind.label}`,
      kind: kind.kind,
      organisation,
      setting: kind.setting,
      deliveryModel: kind.deliveryModel,
      sites,
      areasServed: kind.setting === "gp-practice" ? pcns.map((n) => n.code) : kind.footprint === "icb" ? [icb.code] : placeCodes,
      catchment,
      outside: icb.outsideNeighbourhoods.map((n) => ({ code: n.code, weight: 1, imdDecile: n.imdDecile })),
      icbImdDecile: icb.imdDecile,
      siteDeciles: Object.fromEntries(pcns.flatMap((n) => n.practices.map((pr) => [pr.code, n.imdDecile] as const))),
      problemAreas: kind.problemAreas,
      adviserFte,
      supervisingSolicitorFte: kind.kind === "mental-health" || kind.kind === "hospital" ? 0.2 : null,
      adminFte: round(adviserFte * 0.25, 1),
      sessionsPerWeek: round(siteCount * uniform(rng, PARAMETERS.sessionsPerSitePerWeek.value), 1),
      clientsPerFte,
      attendance,
      start: begin,
      placeNames,
      placeCodes,
    });
  }
  return plans;
}

/** A site drawn in proportion to its registered adults (GP) or evenly. */
export function drawSite(rng: Rng, service: PlannedService): PlannedSite {
  return weightedItem(rng, service.sites, (s) => s.weight);
}
