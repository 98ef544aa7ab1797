/**
 * The "Demand and unmet need" pack section: the demand model run for the pack's ICB
 * under the scenario the author chose, through the same service as the ICB's demand
 * page (getDemandPage), so the pack shows the figures that page shows for the same
 * scenario. An ICB pack shows the system and its places; a place pack shows the place
 * and its neighbourhoods.
 */
import type { Queryable } from "../../../db/client";
import type { Actor } from "../../auth/permissions";
import type { AreaMeasures, Estimate } from "../../domain/demand/model";
import { ASSUMPTION_LABEL, PARAMETER_CATALOGUE, PARAMETER_IDS } from "../../domain/demand/parameters";
import { demandViewFor, type DemandView, pence } from "../../domain/demand/view";
import { DemandOptionsSchema } from "../../domain/packs/sections";
import { getDemandPage, type DemandPage } from "../demand/demand.server";
import { base, longDate, type SectionLoader } from "./section-base.server";
import type { PackArea, PackRow, PackTable } from "./section-types";

export type DemandSectionRun = { page: DemandPage; view: DemandView };

/**
 * The demand page's data and model run for the pack's ICB and a scenario ("" = default
 * parameters), or null when the scenario is not one of the ICB's (deleted since the
 * pack was edited). Read as a strategist of the ICB: packs are visible only to the
 * ICB's commissioners and strategists, who may see every scenario of their ICB, and a
 * strategist is the narrower of the two (no scenario is hidden from either).
 */
export async function runPackDemand(db: Queryable, area: PackArea, scenario: string, today: string): Promise<DemandSectionRun | null> {
  const actor: Actor = { id: 0, role: "strategist", icbCode: area.icbCode, organisationId: null };
  const query = new URLSearchParams(scenario ? { scenario } : {});
  const page = await getDemandPage({ db, actor, icbCode: area.icbCode, query, today });
  if (!page || page === "forbidden") return null;
  return { page, view: demandViewFor(page.inputs, page.spec) };
}

const whole = (x: number) => Math.round(x);
const gbp = (x: number) => Math.round(x).toLocaleString("en-GB");
const interval = (e: Estimate) => `80% interval ${whole(e.lower).toLocaleString("en-GB")} to ${whole(e.upper).toLocaleString("en-GB")}`;

/** Central figures and intervals of one area, as table cells (clients to whole numbers, money in pence). */
function measureCells(m: AreaMeasures) {
  return {
    adults: whole(m.registeredAdults),
    expected: whole(m.expectedClients.central),
    expectedLower: whole(m.expectedClients.lower),
    expectedUpper: whole(m.expectedClients.upper),
    capacity: whole(m.capacityClients.central),
    unmet: whole(m.unmetNeedClients.central),
    unmetLower: whole(m.unmetNeedClients.lower),
    unmetUpper: whole(m.unmetNeedClients.upper),
    budget: pence(m.budgetNeededGbp.central),
  };
}

const MEASURE_COLUMNS: PackTable["columns"] = [
  { key: "adults", label: "Registered adults (18+)", format: "count" },
  { key: "expected", label: "Expected clients a year", format: "count" },
  { key: "expectedLower", label: "Expected clients, lower 80% limit", format: "count" },
  { key: "expectedUpper", label: "Expected clients, upper 80% limit", format: "count" },
  { key: "capacity", label: "Funded capacity (clients a year)", format: "count" },
  { key: "unmet", label: "Unmet need (clients a year)", format: "count" },
  { key: "unmetLower", label: "Unmet need, lower 80% limit", format: "count" },
  { key: "unmetUpper", label: "Unmet need, upper 80% limit", format: "count" },
  { key: "budget", label: "Budget needed a year", format: "pence" },
];

export const loadDemandSection: SectionLoader = async (db, { area, options, today, cache }) => {
  // A version saved before the scenario had to be a number may hold a name: it is
  // reported like a scenario that no longer exists rather than failing the whole pack.
  const parsed = DemandOptionsSchema.safeParse(options);
  const section = base("demand", area);
  if (!parsed.success) return { ...section, status: "empty", message: `The scenario chosen for this section is not one of ${area.icbName}'s: choose another scenario, or the default parameters, when editing the pack.` };
  const { scenario } = parsed.data;
  const key = `demand:${area.icbCode}:${scenario}`;
  let found = cache.get(key) as Promise<DemandSectionRun | null> | undefined;
  if (!found) cache.set(key, (found = runPackDemand(db, area, scenario, today)));
  const run = await found;
  if (!run) {
    return {
      ...section,
      status: "empty",
      message: scenario
        ? `The saved scenario chosen for this section is no longer one of ${area.icbName}'s: choose another scenario, or the default parameters, when editing the pack.`
        : `There is no demand model for ${area.icbName}.`,
    };
  }
  const { page, view } = run;
  const { result } = view;
  const scenarioName = page.scenario ? `the saved scenario “${page.scenario.name}”` : "the default parameters";

  let measures: AreaMeasures;
  let table: PackTable;
  if (area.level === "icb") {
    measures = result.system.measures;
    table = {
      id: "places",
      title: `Demand and unmet need by place in ${area.name}`,
      description: `Modelled clients a year in each place under ${scenarioName}, with 80% intervals. Unmet need is added up neighbourhood by neighbourhood, so surplus capacity in one neighbourhood does not cancel need in another.`,
      rowHeader: "Place",
      columns: MEASURE_COLUMNS,
      rows: result.places.map((p) => ({ key: p.code, label: p.name, cells: measureCells(p.measures) })),
      total: { key: "total", label: `${area.name} (the system)`, cells: measureCells(measures) },
      notes: ["Intervals do not add up: the system's interval comes from the simulation of the whole system, not from adding the places' intervals."],
    };
  } else {
    const place = result.places.find((p) => p.code === area.code);
    if (!place) return { ...section, status: "empty", message: `${area.name} has no neighbourhoods in ${area.icbName}'s demand model.` };
    measures = place.measures;
    const rows: PackRow[] = result.neighbourhoods
      .filter((n) => n.placeShares.some((s) => s.placeCode === area.code))
      .sort((a, b) => b.measures.gapClients.central - a.measures.gapClients.central || a.name.localeCompare(b.name))
      .map((n) => ({ key: n.code, label: n.name, cells: { share: Math.round(100 * (n.placeShares.find((s) => s.placeCode === area.code)?.share ?? 0) * 10) / 10, ...measureCells(n.measures) } }));
    table = {
      id: "neighbourhoods",
      title: `Demand and unmet need by neighbourhood in ${area.name}`,
      description: `Modelled clients a year in each neighbourhood (primary care network) with registered patients in ${area.name}, under ${scenarioName}, most unmet need first. A neighbourhood's figures are for the whole neighbourhood; the place's total counts each by its share of registered adults in the place.`,
      rowHeader: "Neighbourhood",
      columns: [{ key: "share", label: `Share in ${area.name}`, format: "percent" }, ...MEASURE_COLUMNS],
      rows,
      total: { key: "total", label: `${area.name} (the place)`, cells: { share: null, ...measureCells(measures) } },
    };
  }
  section.tables.push(table);
  section.charts.push({
    type: "bars",
    id: `demand-${table.id}`,
    table: table.id,
    column: "unmet",
    colour: "#a33a0c",
    title: `Unmet need, clients a year, by ${area.level === "icb" ? "place" : "neighbourhood"}`,
    description: `Bar chart of modelled unmet need in each ${area.level === "icb" ? "place" : "neighbourhood"} under ${scenarioName}.`,
  });

  section.keyFigures = [
    { label: "Expected clients a year", value: whole(measures.expectedClients.central), format: "count", detail: `(${interval(measures.expectedClients)})` },
    { label: "Funded capacity, clients a year", value: whole(measures.capacityClients.central), format: "count", detail: `(${measures.fundedFte.toFixed(1)} funded adviser FTE)` },
    { label: "Unmet need, clients a year", value: whole(measures.unmetNeedClients.central), format: "count", detail: `(${interval(measures.unmetNeedClients)})` },
    {
      label: "Budget needed a year",
      value: pence(measures.budgetNeededGbp.central),
      format: "pence",
      detail: `(80% interval £${gbp(measures.budgetNeededGbp.lower)} to £${gbp(measures.budgetNeededGbp.upper)})`,
    },
  ];

  // The parameters, each with its source or labelled as an assumption, so a reader can
  // tell evidence from a figure the commissioner set.
  section.tables.push({
    id: "parameters",
    title: `The model's parameters (${scenarioName})`,
    description: "Each parameter's central value and the low and high values the simulation draws between. Shares are shown as percentages.",
    rowHeader: "Parameter",
    columns: [
      { key: "value", label: "Value", format: "decimal" },
      { key: "low", label: "Low", format: "decimal" },
      { key: "high", label: "High", format: "decimal" },
      { key: "unit", label: "Unit", format: "text" },
      { key: "origin", label: "Set by", format: "text" },
      { key: "evidence", label: "Source, or assumption", format: "text" },
    ],
    rows: PARAMETER_IDS.map((id) => {
      const def = PARAMETER_CATALOGUE[id];
      const p = result.parameters[id];
      const scale = def.displayScale ?? 1;
      const biggest = Math.max(Math.abs(p.value), Math.abs(p.high)) * scale;
      const decimals = biggest >= 1000 ? 0 : biggest >= 10 ? 1 : 3;
      const r = (x: number) => Number((x * scale).toFixed(decimals));
      return {
        key: id,
        label: def.label,
        decimals,
        cells: {
          value: r(p.value),
          low: r(p.low),
          high: r(p.high),
          unit: scale === 100 ? `% (${def.unit})` : def.unit,
          origin: p.origin === "scenario" ? "The scenario" : "Default",
          evidence: def.assumption ? `${ASSUMPTION_LABEL}. ${def.note}` : def.source,
        },
      };
    }),
  });

  const inputs = page.inputs;
  section.synthetic = inputs.synthetic
    ? `${inputs.synthetic.label} Funded capacity and the observed clients the model is checked against come from synthetic services of: ${inputs.synthetic.organisations.join(", ")}.`
    : null;
  section.sources = [
    "Registered adults: GP practice lists aged 18 and over (QOF 2022-23), summed to primary care networks",
    "Long-term conditions: QOF depression register (indicator qof-dep, 2022-23); deprivation: English Indices of Deprivation",
    "Funded adviser FTE: health justice partnership services' returns, as imported into this product",
    "Parameters: the published surveys and evaluations cited beside each one, or labelled as an assumption",
  ];
  section.periods = [
    `Modelled per year, for ${inputs.startYear}`,
    ...(inputs.observedPeriod ? [`Observed clients (for calibration on the demand page): referrals from ${longDate(inputs.observedPeriod.from)} to ${longDate(inputs.observedPeriod.to)}`] : []),
  ];
  section.caveats = [
    `Every figure is a modelled estimate a year under ${scenarioName}, with an 80% interval from ${result.uncertainty.draws.toLocaleString("en-GB")} simulation draws; none is a count of people.`,
    "Parameters labelled as an assumption are for the commissioner to set and are not evidence.",
    inputs.notes.population,
    inputs.notes.ltc,
    inputs.notes.capacity,
    ...result.warnings,
  ];
  section.vintage = inputs.observedPeriod ? `HJP referrals to ${longDate(inputs.observedPeriod.to)}` : null;
  return section;
};
