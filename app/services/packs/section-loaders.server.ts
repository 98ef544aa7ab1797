/**
 * The loader of each pack section kind: (db, { area, options, … }) → SectionData. Each
 * reuses the service behind the product's own pages (indicator profiles and inequality,
 * HJP dashboards), so a pack shows the figures those pages show, through the same
 * disclosure control.
 *
 * The demand and agreements sections live in their own files (demand-section.server.ts,
 * agreements-section.server.ts) because they read services of their own. A new section
 * kind is registered in app/domain/packs/sections.ts and gets its loader here.
 *
 * Packs have no reader of their own when their figures load (a published pack's figures
 * are frozen for every later reader), so loaders read as the pack's ICB: packs are
 * visible only to that ICB's commissioners and strategists (and VCSE organisations a
 * published pack is shared with, who then see what the ICB chose to publish).
 */
import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { indicators } from "../../../db/schema/index";
import type { Actor } from "../../auth/permissions";
import { comparisonSentence } from "../../domain/charts/comparison";
import { describeSii } from "../../domain/charts/inequality";
import { valueDecimals } from "../../domain/charts/scale";
import { cell, discloseCount, DISCLOSURE_RULE_SUMMARY } from "../../domain/disclosure/index";
import { HjpOptionsSchema, PopulationOptionsSchema, type SectionKind } from "../../domain/packs/sections";
import { base, longDate, type SectionContext, type SectionLoader } from "./section-base.server";
import { loadAgreementsSection } from "./agreements-section.server";
import { loadDemandSection } from "./demand-section.server";
import { getHjpView } from "../hjp/dashboard.server";
import type { HjpView } from "../hjp/view-types";
import { getAreaProfile, getInequalityView } from "../indicators/views.server";
import type { PackChart, PackRow, PackTable, SectionData } from "./section-types";

export type { SectionContext, SectionLoader } from "./section-base.server";
const round = (v: number | null, d: number) => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(d)));
const disclosed = (n: number | null) => (n === null ? null : cell(discloseCount(Math.max(0, Math.round(n)))));

// ---------------------------------------------------------------------------------------------
// Population health and inequalities
// ---------------------------------------------------------------------------------------------

export const loadPopulationSection: SectionLoader = async (db, { area, options }) => {
  const chosen = PopulationOptionsSchema.parse(options);
  const section = base("population", area);
  const profile = await getAreaProfile({ db, code: area.code, selection: { period: chosen.period || undefined, comparator: chosen.comparator === "england" ? "england" : undefined } });
  const all = profile.sections.flatMap((s) => s.rows);
  const rows = chosen.indicators.flatMap((id) => all.filter((r) => r.indicatorId === id));
  const metas = await db
    .select({ id: indicators.id, name: indicators.name, source: indicators.source, caveats: indicators.caveats, updatedAt: sql<string>`${indicators.updatedAt}::text` })
    .from(indicators)
    .where(inArray(indicators.id, [...chosen.indicators, ...(chosen.inequality ? [chosen.inequality] : [])]));
  const comparator = profile.comparator;
  const missing = chosen.indicators.filter((id) => !rows.some((r) => r.indicatorId === id)).map((id) => metas.find((m) => m.id === id)?.name ?? id);

  const tableRows: PackRow[] = rows.map((r) => {
    const d = valueDecimals(r.unit, [r.value, r.england, r.comparatorValue]);
    return {
      key: `${r.indicatorId}-${r.sex}-${r.age}`,
      label: `${r.name}${r.sex !== "Persons" ? ` (${r.sex})` : ""}${r.age && !/^all ages$/i.test(r.age) ? `, ${r.age}` : ""}`,
      decimals: d,
      cells: {
        period: r.period,
        unit: r.unit,
        count: disclosed(r.count),
        value: round(r.value, d),
        lower95: round(r.lower95, d),
        upper95: round(r.upper95, d),
        england: round(r.england, d),
        ...(comparator ? { comparator: round(r.comparatorValue, d), vsComparator: r.comparedToComparator ? comparisonSentence(r.comparedToComparator, comparator.name) : null } : {}),
        vsEngland: comparisonSentence(r.comparedToEngland, "England"),
      },
    };
  });
  const table: PackTable = {
    id: "indicators",
    title: `Indicators for ${area.name}`,
    description: `Each indicator's value with its 95% confidence interval, England's value${comparator ? ` and ${comparator.name}'s` : ""}, and how ${area.name} compares (significantly different when the interval does not include the benchmark).`,
    rowHeader: "Indicator",
    columns: [
      { key: "period", label: "Period", format: "text" },
      { key: "unit", label: "Unit", format: "text" },
      { key: "count", label: "Count", format: "count" },
      { key: "value", label: "Value", format: "decimal" },
      { key: "lower95", label: "Lower 95% limit", format: "decimal" },
      { key: "upper95", label: "Upper 95% limit", format: "decimal" },
      { key: "england", label: "England", format: "decimal" },
      ...(comparator ? [{ key: "comparator", label: comparator.name, format: "decimal" as const }] : []),
      { key: "vsEngland", label: "Compared with England", format: "text" },
      ...(comparator ? [{ key: "vsComparator", label: `Compared with ${comparator.name}`, format: "text" as const }] : []),
    ],
    rows: tableRows,
    notes: missing.length ? [`No figures for ${area.name}${chosen.period ? ` in ${chosen.period}` : ""}: ${missing.join("; ")}.`] : [],
  };
  section.tables.push(table);
  if (rows.length) {
    section.charts.push({ type: "spine", id: "population-spine", title: `${area.name} compared with England: the chosen indicators`, areaName: area.name, rows });
  }
  section.keyFigures = tableRows.slice(0, 4).map((r) => ({ label: `${r.label} (${r.cells.period})`, value: r.cells.value, format: "decimal", decimals: r.decimals, detail: String(r.cells.unit ?? "") }));

  if (chosen.inequality) {
    try {
      const view = await getInequalityView({
        db,
        indicatorId: chosen.inequality,
        selection: { icb: area.icbCode, place: area.level === "place" ? area.code : undefined },
        userIcbCode: area.icbCode,
      });
      const set = view.local;
      if (!set) {
        section.caveats.push(`${view.indicator.name} by deprivation: ${view.localReason ?? "there are no neighbourhood figures to group by deprivation."}`);
      } else {
        const d = 1;
        const siiText = set.sii.available ? describeSii(set.sii.result.sii!, set.sii.result.siiLower, set.sii.result.siiUpper, view.indicator.unit) : set.sii.reason;
        const word = set.of === 10 ? "Decile" : "Quintile";
        section.tables.push({
          id: "inequality",
          title: `${view.indicator.name} by deprivation (${view.selection.period ?? "latest period"})`,
          description: `${set.title}. ${siiText}`,
          rowHeader: `${word} (1 = most deprived)`,
          columns: [
            { key: "areas", label: "Neighbourhoods", format: "count" },
            { key: "count", label: "Count", format: "count" },
            { key: "denominator", label: "Denominator", format: "count" },
            { key: "value", label: `Value (${view.indicator.unit})`, format: "decimal" },
            { key: "lower95", label: "Lower 95% limit", format: "decimal" },
            { key: "upper95", label: "Upper 95% limit", format: "decimal" },
          ],
          rows: set.rows.map((r) => ({
            key: String(r.quantile),
            label: String(r.quantile),
            decimals: d,
            cells: { areas: r.areas, count: disclosed(r.count), denominator: disclosed(r.denominator), value: round(r.value, d), lower95: round(r.lower95, d), upper95: round(r.upper95, d) },
          })),
          notes: [set.note],
        });
        section.charts.push({
          type: "decile",
          id: "population-deciles",
          title: `${view.indicator.name}: ${set.title}`,
          figures: set.rows.map((r) => ({ quantile: r.quantile, population: r.population, value: round(r.value, d), lower95: round(r.lower95, d), upper95: round(r.upper95, d) })),
          of: set.of,
          fitted: set.sii.available ? set.sii.fitted : null,
          unit: view.indicator.unit,
          decimals: d,
          siiText,
        });
        if (view.selection.period) section.periods.push(`${view.indicator.name} by deprivation: ${view.selection.period}`);
      }
    } catch (error) {
      section.caveats.push(`The chart by deprivation could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const periods = [...new Set(rows.map((r) => r.period))];
  section.periods.unshift(chosen.period ? `Indicators: ${chosen.period} where available` : `Indicators: each at its latest period (${periods.join(", ") || "none"})`);
  section.sources = [...new Set(metas.map((m) => m.source).filter(Boolean))];
  section.caveats.unshift(
    "Intervals are 95% confidence intervals. Comparisons use each indicator's published method; prevalence and population figures carry no judgement (higher or lower).",
    `Counts are shown under the disclosure rule: ${DISCLOSURE_RULE_SUMMARY}`,
    ...[...new Set(metas.flatMap((m) => (m.caveats ?? []) as string[]))].slice(0, 6),
    ...Object.values(profile.flags),
  );
  const updated = metas.map((m) => m.updatedAt).sort().pop();
  section.vintage = updated ? `Indicator figures as loaded on ${longDate(updated)}` : null;
  if (!rows.length) {
    section.status = "empty";
    section.message = `There are no figures for ${area.name} for the indicators chosen.`;
  }
  return section;
};

// ---------------------------------------------------------------------------------------------
// HJP provision and reach; funding and outcomes
// ---------------------------------------------------------------------------------------------

/** The dashboard figures of the pack's area, as the ICB sees them (every service in its data), whoever reads the pack. */
function hjpView(db: Queryable, ctx: SectionContext, level: "icb" | "place", code: string, year: string | null): Promise<HjpView | null> {
  const key = `hjp:${level}:${code}:${year ?? ""}`;
  let found = ctx.cache.get(key) as Promise<HjpView | null> | undefined;
  if (!found) {
    const icbActor: Actor = { id: 0, role: "commissioner", icbCode: ctx.area.icbCode, organisationId: null };
    found = getHjpView({ db, actor: icbActor, level, code, year, today: ctx.today });
    ctx.cache.set(key, found);
  }
  return found;
}

function hjpBasics(section: SectionData, view: HjpView, year: string | null) {
  section.synthetic = view.synthetic ? `${view.synthetic.label} Organisations whose figures are synthetic: ${view.synthetic.organisations.join(", ")}.` : null;
  section.sources = ["Health justice partnership services' returns (services, activity, funding and training datasets), as imported into this product"];
  section.periods = [
    year ? `Financial year ${year} (referrals in the year)` : `Referrals from ${longDate(view.period.firstReferral)} to ${longDate(view.period.lastReferral)}`,
    `Reach: clients who attended in ${view.period.reach.label}`,
  ];
  section.caveats = [
    "Clients are placed by the neighbourhood (primary care network) of their GP practice; clients registered outside the ICB or with no neighbourhood have rows of their own.",
    `Counts of people are shown under the disclosure rule: ${DISCLOSURE_RULE_SUMMARY}`,
  ];
  section.vintage = `HJP referrals to ${longDate(view.period.lastReferral)}`;
}

const pick = (view: HjpView, ids: string[]): PackTable[] => ids.map((id) => view.tables.find((t) => t.id === id)).filter((t): t is PackTable => Boolean(t));
const NOT_AREAS = ["outside-icb", "not-known", "no-place", "total"];

export const loadHjpProvisionSection: SectionLoader = async (db, ctx) => {
  const { area } = ctx;
  const { year } = HjpOptionsSchema.parse(ctx.options);
  const section = base("hjp-provision", area);
  const view = await hjpView(db, ctx, area.level, area.code, year || null);
  if (!view) return { ...section, status: "empty", message: `There is no health justice partnership data for ${area.name}.` };
  hjpBasics(section, view, year || null);
  section.tables = pick(view, ["services", "places", "reach", "reach-deprivation", "sources"]);
  section.keyFigures = view.headline.filter((h) => typeof h.value === "number" || h.value === "*").map((h) => ({ label: h.label, value: h.value, format: h.format, detail: h.detail ? `(${h.detail})` : undefined }));
  const has = (id: string) => section.tables.some((t) => t.id === id);
  if (has("places")) section.charts.push({ type: "bars", id: "hjp-places", table: "places", column: "reach", skip: NOT_AREAS, title: `Clients a year per 1,000 adults by place (${view.period.reach.label})`, description: "Bar chart of clients a year per 1,000 registered adults in each place." });
  if (has("reach")) section.charts.push({ type: "bars", id: "hjp-reach", table: "reach", column: "rate", title: `Clients a year per 1,000 adults by neighbourhood (${view.period.reach.label})`, description: "Bar chart of clients a year per 1,000 registered adults in each neighbourhood, most deprived first." });
  if (has("sources")) section.charts.push({ type: "bars", id: "hjp-sources", table: "sources", column: "referrals", title: "Referrals by source", description: "Bar chart of referrals by who referred the client." });
  return section;
};

export const loadFundingOutcomesSection: SectionLoader = async (db, ctx) => {
  const { area } = ctx;
  const { year } = HjpOptionsSchema.parse(ctx.options);
  const section = base("funding-outcomes", area);
  const [view, icbView] = await Promise.all([hjpView(db, ctx, area.level, area.code, year || null), area.level === "icb" ? null : hjpView(db, ctx, "icb", area.icbCode, year || null)]);
  const funding = icbView ?? view;
  if (!view || !funding) return { ...section, status: "empty", message: `There is no health justice partnership data for ${area.name}.` };
  hjpBasics(section, view, year || null);
  section.tables = [...pick(funding, ["funders", "funding-cliff"]), ...pick(view, ["income", "debt", "housing", "resolved", "wellbeing"])];
  if (icbView) section.caveats.push(`Funding is shown for the whole of ${area.icbName}: awards are made to services and organisations, not to places.`);
  section.caveats.push("Outcomes are for clients whose cases have closed; sums of money and averages resting on few people are not shown.");
  const funders = funding.tables.find((t) => t.id === "funders");
  const cliff = funding.tables.find((t) => t.id === "funding-cliff");
  if (funders?.total) section.keyFigures.push({ label: "Funding awards running today", value: funders.total.cells.amount ?? null, format: "pence" });
  if (cliff) section.keyFigures.push({ label: "Awards ending within 12 months", value: cliff.rows.length, format: "count" });
  const income = view.tables.find((t) => t.id === "income");
  if (income?.total) section.keyFigures.push({ label: "Recurring income gained a year", value: income.total.cells.recurring ?? null, format: "pence" });
  if (funders) section.charts.push({ type: "bars", id: "funding-funders", table: "funders", column: "amount", title: "Funding by funder", description: "Bar chart of the amount awarded by each funder, for awards running today." });
  if (income) section.charts.push({ type: "bars", id: "funding-income", table: "income", column: "recurring", colour: "#007f3b", title: "Recurring income gained a year, by financial year of referral", description: "Bar chart of recurring income gained by clients whose cases have closed." });
  return section;
};

/** The registry of loaders, keyed like SECTIONS. */
export const SECTION_LOADERS: Record<SectionKind, SectionLoader> = {
  population: loadPopulationSection,
  "hjp-provision": loadHjpProvisionSection,
  demand: loadDemandSection,
  "funding-outcomes": loadFundingOutcomesSection,
  agreements: loadAgreementsSection,
};
