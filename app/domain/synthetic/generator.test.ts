import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parser as activityParser } from "../../../importers/hjp-activity/parse";
import { parser as fundingParser } from "../../../importers/hjp-funding/parse";
import { parser as servicesParser } from "../../../importers/hjp-services/parse";
import { parser as trainingParser } from "../../../importers/hjp-training/parse";
import { addDays, monthsBetween, quarterOf, toDays } from "./dates";
import { COLUMNS, generateSyntheticHjp, type IcbInput, PARAMETERS, type SyntheticSpec } from "./index";

/** A made-up ICB shaped like a real one: 4 places, 24 neighbourhoods of 4 practices, one neighbourhood split between two places. */
function icb(code: string, ods: string): IcbInput {
  const places = ["A", "B", "C", "D"].map((p, i) => ({ code: `E0${ods.charCodeAt(1)}${String(i).padStart(5, "0")}`, name: `Place ${p} of ${ods}`, imdDecile: i * 2 + 1 }));
  const neighbourhoods = Array.from({ length: 24 }, (_, i) => {
    const place = places[i % 4];
    const split = i === 5;
    return {
      code: `U${ods.charCodeAt(1)}${String(100 + i).padStart(3, "0")}`.slice(0, 6),
      name: `Neighbourhood ${i} of ${ods}`,
      places: split
        ? [
            { code: places[1].code, share: 0.7 },
            { code: places[2].code, share: 0.3 },
          ]
        : [{ code: place.code, share: 1 }],
      imdDecile: (i % 10) + 1,
      registeredAdults: 20_000 + i * 1000,
      practices: Array.from({ length: 4 }, (_, k) => ({ code: `${ods[1]}${String(10_000 + i * 10 + k).slice(-5)}`, listAdults: 6000 + k * 800, listPatients: 7600 + k * 1000 })),
    };
  });
  return {
    code,
    odsCode: ods,
    name: `NHS ${ods} Integrated Care Board`,
    imdDecile: 3,
    places,
    neighbourhoods,
    outsideNeighbourhoods: [
      { code: "U99001", imdDecile: 4 },
      { code: "U99002", imdDecile: 6 },
    ],
  };
}

const ORG = { giving360Id: "GB-CHC-1000001", name: "Demo Advice (demo)" };
const OTHER = { giving360Id: "GB-CHC-1000002", name: "Other Advice (demo)" };

function spec(overrides: Partial<SyntheticSpec> = {}): SyntheticSpec {
  return {
    seed: 42,
    today: "2026-11-28",
    years: 3,
    icbs: [
      { icb: icb("E54000901", "QAA"), services: 9, organisations: [ORG, OTHER] },
      { icb: icb("E54000902", "QBB"), services: 3, organisations: [OTHER] },
    ],
    ...overrides,
  };
}

function digest(s: SyntheticSpec): string {
  const data = generateSyntheticHjp(s);
  const hash = createHash("sha256");
  for (const rows of [data.services, data.funding, data.training]) for (const r of rows) hash.update(JSON.stringify(r));
  for (const r of data.activity()) hash.update(JSON.stringify(r));
  return hash.digest("hex");
}

const base = generateSyntheticHjp(spec());
const episodes = [...base.activity()];
const today = "2026-11-28";

describe("the synthetic generator", () => {
  const small = (seed: number) => spec({ seed, years: 1, icbs: [{ ...spec().icbs[0], services: 3 }] });

  it("gives the same data every time for the same seed and day", () => {
    expect(digest(small(42))).toBe(digest(small(42)));
  });

  it("gives different data for another seed", () => {
    expect(digest(small(43))).not.toBe(digest(small(42)));
  });

  it("generates an ICB's data the same whether it is generated alone or with others", () => {
    const alone = spec({ icbs: [spec().icbs[0]] });
    const aloneRows = [...generateSyntheticHjp(alone).activity()];
    expect(aloneRows).toEqual(episodes.filter((e) => e.service_ref.startsWith("QAA-")));
  });

  it("streams episodes instead of building them all first", () => {
    const iterator = generateSyntheticHjp(spec()).activity();
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual(episodes[0]);
  });

  it("writes rows with exactly the template's columns", () => {
    expect(Object.keys(base.services[0])).toEqual(COLUMNS.services);
    expect(Object.keys(episodes[0])).toEqual(COLUMNS.activity);
    expect(Object.keys(base.training[0])).toEqual(COLUMNS.training);
    expect(Object.keys(base.funding[0])).toEqual(COLUMNS.funding);
  });

  it.each([
    ["services", () => base.services, servicesParser],
    ["funding", () => base.funding, fundingParser],
    ["training", () => base.training, trainingParser],
    ["activity", () => episodes, activityParser],
  ] as const)("writes %s rows that the product's own import parser accepts", (_, rows, parser) => {
    const problems: unknown[] = [];
    rows().forEach((row, i) => {
      const result = parser.parseRow(row, i + 2);
      if (result.kind !== "ok") problems.push({ line: i + 2, result });
    });
    expect(problems.slice(0, 3)).toEqual([]);
  });

  it("plans services across every setting and delivery model, mostly run by the first organisation", () => {
    const plans = base.plans.filter((p) => p.icbCode === "E54000901");
    expect(new Set(plans.map((p) => p.setting))).toEqual(new Set(["gp-practice", "hospital", "remote", "mental-health", "maternity", "hospice", "community"]));
    expect(new Set(plans.map((p) => p.deliveryModel))).toEqual(new Set(["co-located", "outreach", "remote", "referral-only"]));
    expect(plans.filter((p) => p.organisation === ORG).length).toBeGreaterThan(plans.length / 2);
  });

  it("has a GP service that serves neighbourhoods in two places, including the split neighbourhood", () => {
    const twoPlaces = base.plans.find((p) => p.ref === "QAA-GPX01")!;
    expect(twoPlaces.placeCodes).toHaveLength(2);
    expect(twoPlaces.areasServed).toContain(spec().icbs[0].icb.neighbourhoods[5].code);
  });

  it("covers three years and the current quarter, and nothing after today", () => {
    const dates = episodes.map((e) => e.referral_date).sort();
    expect(dates[0]).toBe("2023-04-01");
    expect(quarterOf(dates[dates.length - 1]).label).toBe(quarterOf(today).label);
    expect(episodes.every((e) => e.referral_date <= today && (e.closed_date === "" || e.closed_date <= today) && (e.first_contact_date === "" || e.first_contact_date <= today))).toBe(true);
  });

  it("has episodes that run across two quarters, sent in the quarter they closed", () => {
    const spanning = episodes.filter((e) => e.closed_date && quarterOf(e.closed_date).label !== quarterOf(e.referral_date).label);
    expect(spanning.length).toBeGreaterThan(1000);
    expect(spanning.every((e) => e.reporting_period === quarterOf(e.closed_date).label)).toBe(true);
  });

  it("has clients registered outside the ICB and clients with no neighbourhood recorded", () => {
    const nonGp = episodes.filter((e) => e.setting !== "gp-practice");
    const outside = nonGp.filter((e) => e.client_pcn_code.startsWith("U99")).length / nonGp.length;
    const unknown = nonGp.filter((e) => e.client_pcn_code === "").length / nonGp.length;
    expect(outside).toBeGreaterThan(0.02);
    expect(outside).toBeLessThan(0.06);
    expect(unknown).toBeGreaterThan(0.03);
  });
});

/** Complete quarters well before today, so that late first contacts do not count as non-attendance. */
const settled = episodes.filter((e) => toDays(today) - toDays(e.referral_date) > 120);

describe("the synthetic data is realistic against the cited figures", () => {
  it("has attendance within 60–70% of referrals (domain.md §3.3)", () => {
    const rate = settled.filter((e) => e.attended === "yes").length / settled.length;
    const [low, high] = PARAMETERS.attendanceRate.value;
    expect(rate).toBeGreaterThanOrEqual(low);
    expect(rate).toBeLessThanOrEqual(high);
  });

  it("sees 150–300 clients per adviser FTE a year in a full year after start-up (domain.md §3.4)", () => {
    const year = "2024-25";
    const [low, high] = PARAMETERS.clientsPerAdviserFtePerYear.value;
    const fullYear = base.plans.filter((p) => p.start.year < 2024);
    for (const plan of fullYear) {
      expect(plan.clientsPerFte).toBeGreaterThanOrEqual(low);
      expect(plan.clientsPerFte).toBeLessThanOrEqual(high);
    }
    const attended = episodes.filter((e) => e.attended === "yes" && quarterOf(e.referral_date).label.startsWith(year) && fullYear.some((p) => p.ref === e.service_ref)).length;
    const fte = fullYear.reduce((s, p) => s + p.adviserFte, 0);
    expect(attended / fte).toBeGreaterThanOrEqual(low);
    expect(attended / fte).toBeLessThanOrEqual(high);
  });

  const closed = settled.filter((e) => e.attended === "yes" && e.closed_date !== "");
  const pounds = (cell: string) => cell.split(";").reduce((s, part) => s + (part.includes("=") ? Number(part.split("=")[1]) : Number(part || 0)), 0);

  it("gains about £2,700–£3,300 a client (domain.md §2.1)", () => {
    const mean = closed.reduce((s, e) => s + pounds(e.gains_recurring_annual) + pounds(e.gains_one_off), 0) / closed.length;
    const [low, high] = PARAMETERS.gainPerAttendingClientGbp.value;
    expect(mean).toBeGreaterThanOrEqual(low);
    expect(mean).toBeLessThanOrEqual(high);
  });

  it("manages about £1,000 of debt a client (domain.md §1.3)", () => {
    const mean = closed.reduce((s, e) => s + pounds(e.debt_managed), 0) / closed.length;
    const [low, high] = PARAMETERS.debtManagedPerAttendingClientGbp.value;
    expect(mean).toBeGreaterThanOrEqual(low);
    expect(mean).toBeLessThanOrEqual(high);
  });

  it("improves wellbeing by about 1.3 SWEMWBS points after a positive outcome, inside Woodhead's interval (domain.md §2.2)", () => {
    const positive = closed.filter((e) => e.swemwbs_followup && (e.problem_resolved !== "no" || e.gains_recurring_annual));
    const change = positive.reduce((s, e) => s + Number(e.swemwbs_followup) - Number(e.swemwbs_baseline), 0) / positive.length;
    expect(change).toBeGreaterThan(0.25);
    expect(change).toBeLessThan(2.32);
  });

  it("has welfare benefits as the commonest problem, then debt and housing (domain.md §0)", () => {
    const share = (area: string) => episodes.filter((e) => e.problem_categories.split("; ").some((c) => c.split(":")[0] === area)).length;
    expect(share("welfare-benefits")).toBeGreaterThan(share("debt"));
    expect(share("debt")).toBeGreaterThan(share("housing"));
    expect(episodes.some((e) => e.problem_categories.includes("housing:damp-mould"))).toBe(true);
  });

  it("funds about 40% of the services running today for under a year, so some face a funding cliff within 12 months (domain.md §0)", () => {
    const serviceAwards = base.funding.filter((f) => f.service_ref && !f.grant_id.endsWith("S"));
    const months = (f: Record<string, string>) => monthsBetween(f.planned_start, addDays(f.planned_end, 1));
    // Awards running today: the landscape figure is about partnerships' current funding.
    const current = serviceAwards.filter((f) => f.planned_start <= today && f.planned_end >= today);
    const short = current.filter((f) => months(f) < 12).length / current.length;
    expect(short).toBeGreaterThan(0.25);
    expect(short).toBeLessThan(0.55);
    expect(base.funding.some((f) => f.planned_end >= today && toDays(f.planned_end) - toDays(today) <= 366)).toBe(true);
  });

  it("keeps GP services' referrals below the Deep End rate of 2.3 per 100 registered patients a year (domain.md §3.3)", () => {
    for (const plan of base.plans.filter((p) => p.setting === "gp-practice")) {
      const patients = plan.sites.reduce((s, site) => s + site.patients, 0);
      const perYear = episodes.filter((e) => e.service_ref === plan.ref && e.referral_date.startsWith("2025")).length;
      expect((perYear / patients) * 100).toBeLessThan(2.3);
    }
  });

  it("cites a source for every parameter", () => {
    for (const [name, p] of Object.entries(PARAMETERS)) expect(p.source.length, name).toBeGreaterThan(20);
  });
});
