/**
 * The value-for-money pages (ICB, place, neighbourhood, service): spend against outcomes
 * from rollups.server.ts, put through disclosure control, as tables, the quadrant, the
 * funnel plot, the trend, the funding cliff and the value estimate. Pages and downloads
 * read the same view, so they show the same figures.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { type Actor, hasPermission } from "../../auth/permissions";
import { type FunnelArea, funnelData, funnelSignificanceText } from "../../domain/charts/funnel";
import { type Cell, complementarySuppression, type DisclosedInterval, type DisclosedTable, discloseCount, discloseProportion, isSmallCount, SUPPRESSED_MARK, type TableRow } from "../../domain/disclosure/index";
import { DELIVERY_MODELS, labelOf, SETTINGS, type Vocabulary } from "../../domain/hjp/vocabularies";
import { quarterOf } from "../../domain/synthetic/dates";
import { ESTIMATE_OUTCOMES, type EstimateOutcome, valueEstimate } from "../../domain/value-for-money/estimate";
import { fundingCliff } from "../../domain/value-for-money/funding-cliff";
import { apportionTotals, EMPTY_TOTALS, vfmMeasures, type VfmTotals } from "../../domain/value-for-money/measures";
import { perThousand, placeInQuadrants, QUADRANTS } from "../../domain/value-for-money/quadrant";
import { financialYearLabel } from "../../domain/value-for-money/rebase";
import { placeMembership } from "../geography/areas.server";
import { financialYears, resolveHjpScope, SYNTHETIC_LABEL } from "../hjp/dashboard.server";
import { describeScope, type FootprintFilter, type HjpScope, listAwards, listServices, NO_PLACE, NOT_KNOWN, OUTSIDE_ICB } from "../hjp/rollups.server";
import type { Headline, HjpLevel } from "../hjp/view-types";
import { rollUpValueForMoneyBy, spendByFunder, type VfmDimension, type VfmPeriod, type VfmRow } from "./rollups.server";
import { getPriceIndex, unitValuesFor } from "./unit-costs.server";
import type { VfmQuadrant, VfmView } from "./view-types";

export type { VfmView };

export const ALL_YEARS = "all";

export const CONFOUNDING_CAVEAT =
  "These comparisons are observational. Delivery models and settings serve different people with different problems (see the case mix columns), in different places, funded differently, and record outcomes with different completeness; a difference between them may come from any of these rather than from the model itself. Read them as questions to ask, not as evidence that one model causes better outcomes.";

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const emptyRow = (key: string, period: string): VfmRow => ({ ...EMPTY_TOTALS, key, period, imdKnown: 0, mostDeprived: 0, welfareBenefits: 0, debt: 0, housing: 0, housingByOutcome: {} });

/** The financial years of the data as periods (the current one only up to today), and "all years" beside them. */
export function vfmPeriods(years: readonly string[], today: string): VfmPeriod[] {
  if (!years.length) return [];
  const periods = years.map((key) => {
    const start = Number(key.slice(0, 4));
    const end = `${start + 1}-03-31`;
    return { key, start: `${start}-04-01`, end: end < today ? end : today };
  });
  const first = periods.reduce((a, b) => (a.start < b.start ? a : b));
  return [...periods, { key: ALL_YEARS, start: first.start, end: today }];
}

const interval = (d: DisclosedInterval): [Cell, Cell, Cell] => (d.hidden ? [SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK] : [d.value, d.lower, d.upper]);
const orHidden = (value: number | null, hidden: boolean): Cell => (hidden ? SUPPRESSED_MARK : value);

/** The standard cells of a row: shown values, `*` where disclosure hides one, null where there is nothing to show. */
function measureCells(t: VfmTotals, spendHidden = false): Record<string, Cell> {
  const m = vfmMeasures(t);
  const [resolved, resolvedLower, resolvedUpper] = interval(m.resolved);
  const [wellbeing, wellbeingLower, wellbeingUpper] = interval(m.wellbeing);
  return {
    spend: spendHidden ? SUPPRESSED_MARK : m.spendPence,
    clients: orHidden(m.clients, m.clients === null),
    cases: orHidden(m.casesClosed, m.casesClosed === null),
    costPerClient: spendHidden ? SUPPRESSED_MARK : orHidden(m.costPerClientPence, m.costPerClientPence === null && isSmallCount(t.clients)),
    costPerCase: spendHidden ? SUPPRESSED_MARK : orHidden(m.costPerCasePence, m.costPerCasePence === null && isSmallCount(t.casesClosed)),
    recurring: spendHidden ? SUPPRESSED_MARK : orHidden(m.recurringGainPerPound, m.recurringGainPerPound === null && t.clientsWithGains > 0 && t.spendPence > 0),
    oneOff: spendHidden ? SUPPRESSED_MARK : orHidden(m.oneOffGainPerPound, m.oneOffGainPerPound === null && t.clientsWithGains > 0 && t.spendPence > 0),
    writtenOff: spendHidden ? SUPPRESSED_MARK : orHidden(m.debtWrittenOffPerPound, m.debtWrittenOffPerPound === null && t.clientsWithDebtOutcome > 0 && t.spendPence > 0),
    managed: spendHidden ? SUPPRESSED_MARK : orHidden(m.debtManagedPerPound, m.debtManagedPerPound === null && t.clientsWithDebtOutcome > 0 && t.spendPence > 0),
    resolved,
    resolvedLower,
    resolvedUpper,
    wellbeing,
    wellbeingLower,
    wellbeingUpper,
  };
}

const COLUMNS = {
  spend: { key: "spend", label: "Spend", format: "pence" },
  clients: { key: "clients", label: "Clients", format: "count" },
  cases: { key: "cases", label: "Cases closed", format: "count" },
  costPerClient: { key: "costPerClient", label: "Cost per client", format: "pence" },
  costPerCase: { key: "costPerCase", label: "Cost per case closed", format: "pence" },
  recurring: { key: "recurring", label: "Recurring gain a year per £1", format: "decimal" },
  oneOff: { key: "oneOff", label: "One-off gain per £1", format: "decimal" },
  writtenOff: { key: "writtenOff", label: "Debt written off per £1", format: "decimal" },
  managed: { key: "managed", label: "Debt managed per £1", format: "decimal" },
  resolved: { key: "resolved", label: "% problems resolved", format: "percent" },
  resolvedLower: { key: "resolvedLower", label: "Lower 95% limit", format: "percent" },
  resolvedUpper: { key: "resolvedUpper", label: "Upper 95% limit", format: "percent" },
  wellbeing: { key: "wellbeing", label: "Wellbeing change (SWEMWBS points)", format: "decimal" },
  wellbeingLower: { key: "wellbeingLower", label: "Lower 95% limit (wellbeing)", format: "decimal" },
  wellbeingUpper: { key: "wellbeingUpper", label: "Upper 95% limit (wellbeing)", format: "decimal" },
} as const satisfies Record<string, DisclosedTable["columns"][number]>;

type ColumnKey = keyof typeof COLUMNS;
const cols = (...keys: ColumnKey[]) => keys.map((k) => COLUMNS[k]);

/** Spend apportioned by clients would give a small count back: hidden like one, with complementary suppression against the shown total. */
function apportionedSpendHidden(list: readonly VfmTotals[]): boolean[] {
  const { hidden } = complementarySuppression({ primary: list.map((t) => isSmallCount(t.clients)), sizes: list.map((t) => t.clients), totalShown: true });
  return hidden.map(Boolean);
}

function caseMixCells(t: VfmRow): Record<string, Cell> {
  const share = (n: number, d: number) => {
    const p = discloseProportion({ numerator: n, denominator: d });
    return p.hidden ? SUPPRESSED_MARK : p.value;
  };
  return {
    mostDeprived: share(t.mostDeprived, t.imdKnown),
    benefits: share(t.welfareBenefits, t.clients),
    debt: share(t.debt, t.clients),
    housing: share(t.housing, t.clients),
  };
}

const CASE_MIX_COLUMNS: DisclosedTable["columns"] = [
  { key: "mostDeprived", label: "% clients in the most deprived fifth", format: "percent" },
  { key: "benefits", label: "% with a benefits problem", format: "percent" },
  { key: "debt", label: "% with a debt problem", format: "percent" },
  { key: "housing", label: "% with a housing problem", format: "percent" },
];

function footprintLabel(key: string, names: Map<string, string>): string {
  if (key === OUTSIDE_ICB) return "Outside the ICB (registered with a GP in another ICB)";
  if (key === NOT_KNOWN) return "Neighbourhood not recorded";
  if (key === NO_PLACE) return "Neighbourhood in no place";
  return names.get(key) ?? key;
}

/** The price years offered: the years in the index, the unit values' years and the data's, newest first. */
function priceYearOptions(index: ReadonlyMap<number, number>, unitYears: number[], dataYears: string[]) {
  const years = new Set<number>([...index.keys(), ...unitYears, ...dataYears.map((y) => Number(y.slice(0, 4)))]);
  return [...years].sort((a, b) => b - a).map((year) => ({ year, label: financialYearLabel(year), indexed: index.has(year) }));
}

export type VfmViewQuery = {
  db: Queryable;
  actor: Actor;
  level: HjpLevel;
  code: string;
  /** "2024-25", "all", or null for the default (the last complete financial year). */
  year?: string | null;
  /** The price year for the estimate (2024 = 2024-25), or null for the default. */
  priceYear?: number | null;
  today: string;
};

/**
 * Everything a value-for-money page shows, or null when there is no such area or service
 * or the actor may not see it (the same rule as the HJP dashboards).
 */
export async function getValueForMoneyView({ db, actor, level, code, year = null, priceYear = null, today }: VfmViewQuery): Promise<VfmView | null> {
  const resolved = await resolveHjpScope(db, actor, level, code);
  if (!resolved) return null;
  const { scope, area, service } = resolved;
  const described = await describeScope({ db, scope });
  if (level !== "service" && scope.organisationId != null && described.services === 0) return null;
  const years = financialYears(described.firstReferral, described.lastReferral);
  const current = quarterOf(today).year;
  const complete = years.filter((y) => Number(y.slice(0, 4)) < current);
  const chosen = year === ALL_YEARS ? ALL_YEARS : year && years.includes(year) ? year : complete[0] ?? years[0] ?? ALL_YEARS;
  const periods = vfmPeriods(years, today);
  const footprint: FootprintFilter = level === "place" ? { level: "place", code: area.code } : level === "neighbourhood" ? { level: "neighbourhood", code: area.code } : { level: "icb" };

  const [icbRow] = await rows<{ name: string }>(db, sql`select name from areas where level = 'icb' and code = ${scope.icbCode}`);
  const dims: VfmDimension[] = ["system", "service", "organisation", "delivery-model", "setting"];
  if (level === "icb") dims.push("place");
  if (level === "place") dims.push("neighbourhood");
  const [by, funderSpend, services, awards, index, unitValues, membership, names] = await Promise.all([
    rollUpValueForMoneyBy({ db, scope, by: dims, periods, footprint }),
    footprint.level === "icb" ? spendByFunder({ db, scope, periods }) : Promise.resolve([]),
    listServices({ db, scope }),
    listAwards({ db, scope }),
    getPriceIndex({ db }),
    unitValuesFor({ db, icbCode: scope.icbCode }),
    placeMembership({ db, icbCode: scope.icbCode }),
    rows<{ code: string; name: string; registered_adults: number | null }>(
      db,
      sql`select code, name, registered_adults from areas where icb_code = ${scope.icbCode} and level in ('place', 'neighbourhood')
          union all select code, name, null from custom_places where icb_code = ${scope.icbCode} and active`
    ),
  ]);
  const get = (d: VfmDimension) => by.get(d) ?? [];
  const [system, byService, byOrganisation, byModel, bySetting, byPlace, byNeighbourhood] = (["system", "service", "organisation", "delivery-model", "setting", "place", "neighbourhood"] as const).map(get);
  const inPeriod = (list: VfmRow[]) => list.filter((r) => r.period === chosen);
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const adultsOfPcn = new Map(names.filter((n) => n.registered_adults !== null).map((n) => [n.code, Number(n.registered_adults)]));
  const serviceInfo = new Map(services.map((s) => [String(s.id), s]));
  const total: VfmRow = inPeriod(system)[0] ?? emptyRow("system", chosen);
  const periodLabel = chosen === ALL_YEARS ? "all years" : `the financial year ${chosen}${chosen === years[0] && Number(chosen.slice(0, 4)) === current ? " (so far)" : ""}`;

  const tables: DisclosedTable[] = [];

  // Trend: every financial year, with all years as the total.
  const byYear = new Map(system.map((r) => [r.period, r]));
  const yearsAsc = [...years].reverse();
  tables.push({
    id: "trend",
    title: "Spend and outcomes by financial year",
    description:
      "Spend attributed to each financial year from the funding awards (pro rata by days), and the outcomes of clients referred in that year. The current year counts spend to today and its outcomes are still coming in, so its ratios are not yet comparable.",
    rowHeader: "Financial year",
    columns: cols("spend", "clients", "cases", "costPerClient", "costPerCase", "recurring", "oneOff", "writtenOff", "managed", "resolved", "resolvedLower", "resolvedUpper", "wellbeing", "wellbeingLower", "wellbeingUpper"),
    rows: yearsAsc.map((y) => ({ key: y, label: Number(y.slice(0, 4)) === current ? `${y} (so far)` : y, cells: measureCells(byYear.get(y) ?? emptyRow(y, y)) })),
    total: byYear.get(ALL_YEARS) ? { key: "total", label: "All years", cells: measureCells(byYear.get(ALL_YEARS)!) } : undefined,
  });
  const trendCells = tables[0].rows.map((r) => r.cells);
  const numeric = (c: Cell | undefined) => (typeof c === "number" ? c : null);

  // Services: the funnel plot of problems resolved, and every measure.
  const svcRows = inPeriod(byService);
  const svcByKey = new Map(svcRows.map((r) => [r.key, r]));
  const svcList = services.map((s) => svcByKey.get(String(s.id)) ?? emptyRow(String(s.id), chosen));
  const resolvedOf = (t: VfmTotals) => ({ numerator: t.resolvedYes + t.resolvedPartly, denominator: t.resolvedYes + t.resolvedPartly + t.resolvedNo });
  const overall = resolvedOf(total);
  const funnelAreas: FunnelArea[] = [];
  const hiddenFromFunnel: string[] = [];
  for (const r of svcList) {
    const { numerator, denominator } = resolvedOf(r);
    const label = serviceInfo.get(r.key)?.name ?? `Service ${r.key}`;
    if (denominator === 0) continue;
    // A service whose percentage would reveal a small count is left off the plot (it is `*` in the table too).
    if (discloseProportion({ numerator, denominator }).hidden) {
      hiddenFromFunnel.push(label);
      continue;
    }
    funnelAreas.push({ code: r.key, label, count: numerator, denominator, value: (numerator / denominator) * 100 });
  }
  const rawFunnel = funnelData({
    valueType: "proportion",
    multiplier: 100,
    baseline: { label: level === "icb" ? `${icbRow?.name ?? "ICB"} average` : `${area.name} average`, value: overall.denominator ? (overall.numerator / overall.denominator) * 100 : null },
    areas: funnelAreas,
  });
  // The plot's x positions and tooltips show clients rounded to 5, as the table does; significance was worked from the unrounded counts.
  const funnel = rawFunnel.available
    ? {
        ...rawFunnel,
        xLabel: "Clients with a recorded result (rounded to 5)",
        points: rawFunnel.points.map((p) => ({ ...p, x: discloseCount(p.x).value ?? p.x, count: discloseCount(p.count).value ?? p.count })),
        excluded: [...rawFunnel.excluded, ...hiddenFromFunnel.map((label) => ({ code: label, label, reason: "not shown: small numbers" }))],
      }
    : rawFunnel;
  const significance = new Map(rawFunnel.available ? rawFunnel.points.map((p) => [p.code, funnelSignificanceText(p.significance)]) : []);
  if (level !== "service") {
    tables.push({
      id: "services",
      title: "Services",
      description: `Spend and outcomes of each service in ${periodLabel}, with where its share of problems resolved sits on the funnel plot (against the average of all services here, at its number of clients).`,
      rowHeader: "Service",
      columns: [
        { key: "organisation", label: "Run by", format: "text" },
        { key: "model", label: "Delivery model", format: "text" },
        ...cols("spend", "clients", "cases", "costPerClient", "costPerCase", "recurring", "oneOff", "writtenOff", "managed", "resolved", "resolvedLower", "resolvedUpper"),
        { key: "funnel", label: "Funnel plot position", format: "text" },
      ],
      rows: svcList.map((r) => {
        const info = serviceInfo.get(r.key);
        return {
          key: r.key,
          label: info?.name ?? `Service ${r.key}`,
          href: `/hjp/services/${r.key}/value-for-money`,
          cells: {
            organisation: info?.organisationName ?? null,
            model: info ? labelOf(DELIVERY_MODELS, info.deliveryModel) ?? info.deliveryModel : null,
            // Outside the ICB page the service's spend is shared by its clients here: hidden as a small count would be.
            ...measureCells(r, footprint.level !== "icb" && isSmallCount(r.clients)),
            funnel: significance.get(r.key) ?? null,
          },
        };
      }),
    });
  }

  // Organisations and funders (ICB and service pages: funding is an ICB-wide thing).
  if (level === "icb") {
    const orgNames = new Map(services.map((s) => [String(s.organisationId), s.organisationName]));
    tables.push({
      id: "organisations",
      title: "Organisations",
      description: `Spend and outcomes of each VCSE organisation's services in ${periodLabel}, including awards made to the organisation in general (shared between its services by clients).`,
      rowHeader: "Organisation",
      columns: cols("spend", "clients", "costPerClient", "costPerCase", "recurring", "oneOff", "writtenOff", "managed", "resolved", "resolvedLower", "resolvedUpper"),
      rows: inPeriod(byOrganisation).map((r) => ({ key: r.key, label: orgNames.get(r.key) ?? `Organisation ${r.key}`, href: `/organisations/${r.key}`, cells: measureCells(r) })),
    });
    const spendOf = new Map<string, number>();
    for (const f of funderSpend) if (f.period === chosen && f.serviceId !== null) spendOf.set(String(f.serviceId), (spendOf.get(String(f.serviceId)) ?? 0) + f.pence);
    const funders = new Map<string, { parts: { totals: VfmTotals; share: number }[]; spend: number }>();
    for (const f of funderSpend.filter((x) => x.period === chosen)) {
      const acc = funders.get(f.funderName) ?? { parts: [], spend: 0 };
      acc.spend += f.pence;
      const svc = f.serviceId === null ? null : svcByKey.get(String(f.serviceId));
      if (svc && spendOf.get(String(f.serviceId))) acc.parts.push({ totals: svc, share: f.pence / spendOf.get(String(f.serviceId))! });
      funders.set(f.funderName, acc);
    }
    const allSpend = [...funders.values()].reduce((s, f) => s + f.spend, 0);
    tables.push({
      id: "funders",
      title: "Funders",
      description: `Spend by funder in ${periodLabel}, and the outcomes it bought: each service's outcomes shared between its funders in proportion to their spend on it. Wellbeing is not shared out (a share of a person has no score).`,
      rowHeader: "Funder",
      columns: [{ key: "share", label: "% of spend", format: "percent" }, ...cols("spend", "clients", "costPerClient", "recurring", "oneOff", "writtenOff", "managed")],
      rows: [...funders.entries()]
        .sort((a, b) => b[1].spend - a[1].spend || a[0].localeCompare(b[0]))
        .map(([name, f]) => ({ key: name, label: name, cells: { share: allSpend ? (f.spend / allSpend) * 100 : null, ...measureCells({ ...apportionTotals(f.parts), spendPence: f.spend }) } })),
    });
  }

  // Footprints: places (ICB page) or neighbourhoods (place page), with the quadrant.
  let quadrant: VfmQuadrant | null = null;
  const footprintRows = level === "icb" ? inPeriod(byPlace) : level === "place" ? inPeriod(byNeighbourhood) : [];
  if (level === "icb" || level === "place") {
    const areaKind = level === "icb" ? "place" : "neighbourhood";
    const members = membership.members.filter((m) => (level === "icb" ? true : m.placeCode === area.code));
    const adults = new Map<string, number>();
    for (const m of members) {
      const key = level === "icb" ? m.placeCode : m.pcnCode;
      adults.set(key, (adults.get(key) ?? 0) + (adultsOfPcn.get(m.pcnCode) ?? 0) * m.share);
    }
    const byKey = new Map(footprintRows.map((r) => [r.key, r]));
    const listed = [...adults.keys()].sort((a, b) => footprintLabel(a, nameOf).localeCompare(footprintLabel(b, nameOf)));
    const data = [...listed.map((k) => byKey.get(k) ?? emptyRow(k, chosen)), ...footprintRows.filter((r) => !adults.has(r.key))];
    const hidden = apportionedSpendHidden(data);
    const gains = (t: VfmTotals) => t.gainsRecurringPence + t.gainsOneOffPence;
    const gainsShown = (t: VfmTotals) => t.clientsWithGains === 0 || t.clientsWithGains >= 8;
    const allAdults = [...adults.values()].reduce((s, n) => s + n, 0);
    const crossing = { spend: perThousand(total.spendPence, allAdults) ?? 0, outcome: perThousand(gains(total), allAdults) ?? 0 };
    const placed = placeInQuadrants(
      data
        .filter((r) => adults.has(r.key))
        .map((r, i) => ({
          key: r.key,
          label: footprintLabel(r.key, nameOf),
          spend: hidden[i] ? null : perThousand(r.spendPence, adults.get(r.key) ?? null),
          outcome: hidden[i] || !gainsShown(r) ? null : perThousand(gains(r), adults.get(r.key) ?? null),
        })),
      crossing
    );
    const quadrantOf = new Map(placed.points.map((p) => [p.key, QUADRANTS.find((q) => q.key === p.quadrant)!.label]));
    quadrant = { areaKind, crossing, crossingLabel: level === "icb" ? `${icbRow?.name ?? "ICB"} average` : `${area.name} average`, points: placed.points, excluded: placed.excluded };
    tables.push({
      id: areaKind === "place" ? "places" : "neighbourhoods",
      title: areaKind === "place" ? "Spend against income gained by place" : "Spend against income gained by neighbourhood",
      description: `Each service's spend shared between ${areaKind === "place" ? "places" : "neighbourhoods"} by where its clients are registered, in ${periodLabel}, per 1,000 registered adults, beside the income clients gained (recurring a year plus one-off) per 1,000 adults, and the quadrant that puts the ${areaKind} in.`,
      rowHeader: areaKind === "place" ? "Place" : "Neighbourhood",
      columns: [
        { key: "adults", label: "Registered adults", format: "count" },
        ...cols("spend"),
        { key: "spendPerThousand", label: "Spend per 1,000 adults", format: "pence" },
        ...cols("clients"),
        { key: "gainsPerThousand", label: "Income gained per 1,000 adults", format: "pence" },
        ...cols("recurring", "oneOff", "resolved"),
        { key: "quadrant", label: "Quadrant", format: "text" },
      ],
      rows: data.map((r, i) => {
        const a = adults.get(r.key) ?? null;
        const cells = measureCells(r, hidden[i]);
        return {
          key: r.key,
          label: footprintLabel(r.key, nameOf),
          href: nameOf.has(r.key) ? `/${areaKind}/${r.key}/value-for-money` : undefined,
          cells: {
            adults: a === null ? null : Math.round(a),
            spend: cells.spend,
            spendPerThousand: hidden[i] ? SUPPRESSED_MARK : perThousand(r.spendPence, a),
            clients: cells.clients,
            gainsPerThousand: hidden[i] || !gainsShown(r) ? SUPPRESSED_MARK : perThousand(gains(r), a),
            recurring: cells.recurring,
            oneOff: cells.oneOff,
            resolved: cells.resolved,
            quadrant: quadrantOf.get(r.key) ?? null,
          },
        };
      }),
      total: {
        key: "total",
        label: "Total",
        cells: { adults: Math.round(allAdults), ...measureCells(total), spendPerThousand: crossing.spend, gainsPerThousand: gainsShown(total) ? crossing.outcome : SUPPRESSED_MARK, quadrant: null },
      },
      notes: [
        "Registered adults are patients aged 18 and over on the practices' lists: they are not about clients and are shown in full. Clients registered outside the ICB or with no neighbourhood recorded have rows of their own but no adults, so they are not on the quadrant.",
      ],
    });
  }

  // Which models work best: delivery models and settings, with intervals and case mix.
  const compare = (id: string, title: string, rowHeader: string, list: VfmRow[], vocabulary: Vocabulary): DisclosedTable => {
    const order = new Map(vocabulary.map((t, i) => [t.code, i]));
    const sorted = [...list].sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99));
    const hidden = apportionedSpendHidden(sorted);
    return {
      id,
      title,
      description: `Outcomes compared between ${rowHeader.toLowerCase()}s in ${periodLabel}, with 95% confidence intervals and the case mix of the clients each one served. Spend is each service's spend shared by its clients.`,
      rowHeader,
      columns: [...cols("clients", "spend", "costPerClient", "recurring", "oneOff", "resolved", "resolvedLower", "resolvedUpper", "wellbeing", "wellbeingLower", "wellbeingUpper"), ...CASE_MIX_COLUMNS],
      rows: sorted.map((r, i) => ({ key: r.key, label: labelOf(vocabulary, r.key) ?? r.key, cells: { ...measureCells(r, hidden[i]), ...caseMixCells(r) } })),
      total: { key: "total", label: "All", cells: { ...measureCells(total), ...caseMixCells(total) } },
      notes: [CONFOUNDING_CAVEAT],
    };
  };
  tables.push(compare("delivery-models", "Outcomes by delivery model", "Delivery model", inPeriod(byModel), DELIVERY_MODELS));
  tables.push(compare("settings", "Outcomes by setting", "Setting", inPeriod(bySetting), SETTINGS));

  // Funding cliff (awards are about money: shown in full).
  const cliff = fundingCliff(
    awards
      .filter((a) => level !== "service" || a.serviceId === Number(area.code))
      .map((a) => ({
        grantId: a.grantId,
        serviceKey: a.serviceId === null ? `org:${a.organisationName}` : String(a.serviceId),
        serviceLabel: a.serviceName ?? `${a.organisationName} (whole organisation)`,
        amountPence: a.amountAwardedPence,
        plannedStart: a.plannedStart,
        plannedEnd: a.plannedEnd,
      })),
    today
  );
  const servedBy = (key: string) => {
    const s = serviceInfo.get(key);
    if (!s) return null;
    const here = s.areasServed.filter((a) => a.level !== "icb").map((a) => a.name ?? a.code);
    return here.length ? here.join("; ") : "The whole ICB";
  };
  if (level === "icb" || level === "service" || cliff.length) {
    tables.push({
      id: "funding-cliff",
      title: "Funding cliff: awards ending within 12 months",
      description: "Services with funding awards ending in the next 12 months, soonest first, with the footprint each serves and whether any award already continues their funding beyond then.",
      rowHeader: "Service",
      columns: [
        { key: "footprint", label: "Footprint served", format: "text" },
        { key: "running", label: "Awards running today", format: "pence" },
        { key: "ending", label: "Ending within 12 months", format: "pence" },
        { key: "firstEnd", label: "First ends", format: "date" },
        { key: "after", label: "Funded after that?", format: "text" },
      ],
      rows: cliff.map((c) => ({
        key: c.serviceKey,
        label: c.serviceLabel,
        href: serviceInfo.has(c.serviceKey) ? `/hjp/services/${c.serviceKey}/value-for-money` : undefined,
        cells: { footprint: servedBy(c.serviceKey), running: c.runningPence, ending: c.endingPence, firstEnd: c.firstEnd, after: c.cliff ? "No: funding cliff" : "Yes, in part" },
      })),
    });
  }

  // The value estimate, in the chosen price year.
  const housingCount = (code: string) => total.housingByOutcome[code] ?? 0;
  const counts: Partial<Record<EstimateOutcome, number>> = {
    "possession-prevented": housingCount("possession-prevented"),
    "homelessness-prevented": housingCount("homelessness-prevented"),
    "homelessness-relieved": housingCount("homelessness-relieved"),
    rehoused: housingCount("rehoused"),
    "repairs-secured": housingCount("repairs-secured"),
    "temporary-accommodation-avoided": housingCount("temporary-accommodation-avoided"),
    "debt-outcome": total.clientsWithDebtOutcome,
    "problem-resolved": total.resolvedYes + total.resolvedPartly,
    "wellbeing-meaningful": total.wellbeingMeaningful,
  };
  const options = priceYearOptions(index, unitValues.map((u) => u.priceYear), years);
  const defaultPriceYear = [...index.keys()].sort((a, b) => b - a)[0] ?? current;
  const chosenPriceYear = priceYear ?? defaultPriceYear;
  if (!options.some((o) => o.year === chosenPriceYear)) options.unshift({ year: chosenPriceYear, label: financialYearLabel(chosenPriceYear), indexed: index.has(chosenPriceYear) });
  const estimate = valueEstimate({ counts, unitValues, priceYear: chosenPriceYear, index });
  tables.push({
    id: "estimate",
    title: "Fiscal and economic value estimate",
    description: `An estimate, in ${financialYearLabel(chosenPriceYear)} prices, of the public value of outcomes recorded in ${periodLabel}: each outcome counted once at the unit value shown, brought to the price year with the inflation index.`,
    rowHeader: "Outcome valued",
    columns: [
      { key: "count", label: "Outcomes", format: "count" },
      { key: "unit", label: "Unit value", format: "text" },
      { key: "source", label: "Source", format: "text" },
      { key: "ownYear", label: "Price year of source", format: "text" },
      { key: "ownValue", label: "Value in its own price year", format: "pence" },
      { key: "value", label: "Unit value used", format: "pence" },
      { key: "usedYear", label: "Price year used", format: "text" },
      { key: "total", label: "Estimated value", format: "pence" },
    ],
    rows: estimate.lines.map((l) => ({
      key: l.unitValue.code,
      label: l.outcomeLabel,
      cells: {
        count: l.count === null ? SUPPRESSED_MARK : discloseCount(l.count).value,
        unit: `${l.unitValue.code}: ${l.unitValue.item} (${l.unitValue.unit})`,
        source: `${l.unitValue.source}. Licence: ${l.unitValue.licence}`,
        ownYear: financialYearLabel(l.unitValue.priceYear),
        ownValue: l.unitValue.valuePence,
        value: l.unitValuePence,
        usedYear: financialYearLabel(l.priceYear) + (l.note ? " (not re-based)" : ""),
        total: l.valuePence === null ? SUPPRESSED_MARK : l.valuePence,
      },
    })),
    total: { key: "total", label: "Total estimate", cells: { count: null, unit: null, source: null, ownYear: null, ownValue: null, value: null, usedYear: null, total: estimate.totalPence === null ? SUPPRESSED_MARK : estimate.totalPence } },
    notes: [...estimate.assumptions, ...[...new Set(estimate.lines.map((l) => l.note).filter((n): n is string => Boolean(n)))]],
  });

  const m = vfmMeasures(total);
  const ci = (d: DisclosedInterval, places: number, unit = "") => (d.hidden || d.lower === null || d.upper === null ? undefined : `95% confidence interval ${d.lower.toFixed(places)}${unit} to ${d.upper.toFixed(places)}${unit}`);
  const cell = (v: number | null, hiddenWhenNull: boolean): Cell => (v === null && hiddenWhenNull ? SUPPRESSED_MARK : v);
  const headline: Headline[] = [
    { label: `Spend (${periodLabel})`, value: m.spendPence, format: "pence" },
    { label: "Clients", value: cell(m.clients, true), format: "count" },
    { label: "Cost per client", value: cell(m.costPerClientPence, isSmallCount(total.clients)), format: "pence" },
    { label: "Cost per case closed", value: cell(m.costPerCasePence, isSmallCount(total.casesClosed)), format: "pence" },
    { label: "Recurring income gained a year, per £1 spent", value: cell(m.recurringGainPerPound, total.clientsWithGains > 0 && total.spendPence > 0), format: "decimal", detail: "pounds; one-off gains are shown apart, not added" },
    { label: "One-off income gained per £1 spent", value: cell(m.oneOffGainPerPound, total.clientsWithGains > 0 && total.spendPence > 0), format: "decimal" },
    { label: "Debt written off per £1 spent", value: cell(m.debtWrittenOffPerPound, total.clientsWithDebtOutcome > 0 && total.spendPence > 0), format: "decimal" },
    { label: "Debt managed per £1 spent", value: cell(m.debtManagedPerPound, total.clientsWithDebtOutcome > 0 && total.spendPence > 0), format: "decimal" },
    { label: "Problems resolved or partly resolved", value: m.resolved.hidden ? SUPPRESSED_MARK : m.resolved.value, format: "percent", detail: ci(m.resolved, 1, "%") },
    { label: "Average change in wellbeing (SWEMWBS points)", value: m.wellbeing.hidden ? SUPPRESSED_MARK : m.wellbeing.value, format: "decimal", detail: ci(m.wellbeing, 2) },
    { label: "Clients with a meaningful wellbeing gain (3 points or more)", value: m.wellbeingMeaningful.hidden ? SUPPRESSED_MARK : m.wellbeingMeaningful.value, format: "percent", detail: ci(m.wellbeingMeaningful, 1, "%") },
    { label: "Housing outcomes", value: cell(m.housingOutcomes, true), format: "count" },
    { label: "Damp and mould: repairs secured", value: m.dampMouldRepaired.hidden ? SUPPRESSED_MARK : m.dampMouldRepaired.value, format: "percent", detail: ci(m.dampMouldRepaired, 1, "%") },
  ];

  const organisation = scope.organisationId != null ? services[0]?.organisationName : null;
  return {
    level,
    area,
    icb: { code: scope.icbCode, name: icbRow?.name ?? scope.icbCode },
    service: service ? { id: service.id, name: service.name, organisationName: service.organisationName } : null,
    scopeNote: organisation ? `You are seeing only the services your organisation, ${organisation}, runs.` : null,
    synthetic: described.synthetic ? { label: SYNTHETIC_LABEL, organisations: described.syntheticOrganisations } : null,
    period: { year: chosen, label: periodLabel, years, firstReferral: described.firstReferral, lastReferral: described.lastReferral },
    priceYear: { chosen: chosenPriceYear, label: financialYearLabel(chosenPriceYear), options },
    headline,
    quadrant,
    funnel,
    estimate,
    trend: {
      categories: tables[0].rows.map((r: TableRow) => r.label),
      spendPence: trendCells.map((c) => numeric(c.spend)),
      recurringPerPound: trendCells.map((c) => numeric(c.recurring)),
      oneOffPerPound: trendCells.map((c) => numeric(c.oneOff)),
    },
    tables,
    canEditUnitCosts: hasPermission(actor, "manage:unit-costs:own") || hasPermission(actor, "manage:unit-costs:any"),
  };
}

/** Which estimate outcomes exist (for the unit-cost form's choices). */
export const ESTIMATE_OUTCOME_CHOICES = ESTIMATE_OUTCOMES.map((o) => ({ value: o.code, label: o.label }));
