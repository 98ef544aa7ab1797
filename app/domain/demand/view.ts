/**
 * Everything the demand pages show, from the loaded inputs and one scenario: the
 * model run, the multi-year projection, calibration against observed activity (with
 * disclosure control on the observed counts) and the shading of the place map.
 * Pure, so the same function renders on the server and recomputes in the browser
 * when a parameter changes.
 */
import { discloseCount } from "../disclosure/index";
import { calibrateAgainstObserved, type CalibrationResult, type ObservedActivity } from "./calibration";
import type { AreaMeasures, DemandModelResult } from "./model";
import { type ParameterOverrides } from "./parameters";
import { type CapacityChange, type DemandBase, projectScenario, runScenario, type ScenarioRun } from "./scenario";

export interface DemandScenarioSpec {
  name: string;
  parameterOverrides: ParameterOverrides;
  capacityChanges: CapacityChange[];
  /** Annual growth of registered adults, e.g. 0.005 for 0.5% a year. */
  annualGrowthRate: number;
  projectionYears: number;
}

export interface DemandInputs {
  base: DemandBase;
  /** Attended clients per neighbourhood over the observation period. */
  observed: ObservedActivity[];
  observedPeriodYears: number;
  /** England prevalence of the long-term-condition indicator: centres its multiplier. */
  ltcReferencePrevalence: number | null;
  /** Calendar year of the base (year 0) of the projection. */
  startYear: number;
}

export const DEFAULT_SCENARIO: DemandScenarioSpec = {
  name: "Default parameters",
  parameterOverrides: {},
  capacityChanges: [],
  annualGrowthRate: 0.005,
  projectionYears: 5,
};

export const DEMAND_DRAWS = 1000;
export const DEMAND_SEED = 20250401;

export interface ProjectionRow {
  year: number;
  registeredAdults: number;
  expectedClients: number;
  capacityClients: number;
  unmetNeedClients: number;
  fteNeeded: number;
  budgetNeededPence: number;
  budgetLowerPence: number;
  budgetUpperPence: number;
}

export interface MapShade {
  code: string;
  name: string;
  category: string;
  unmetPerThousand: number;
}

export interface DemandView {
  name: string;
  run: ScenarioRun;
  result: DemandModelResult;
  /** Neighbourhoods, most unmet need first (surplus last). */
  ranked: DemandModelResult["neighbourhoods"];
  projection: ProjectionRow[];
  calibration: CalibrationResult | null;
  /** Observed counts as they may be shown (1–7 hidden, others rounded to 5), by neighbourhood code. */
  observedShown: Record<string, number | null>;
  mapShades: MapShade[];
}

export const MAP_BANDS = [
  { key: "none", label: "No unmet need (capacity meets expected clients)", colour: "#e8edee", below: 1e-9 },
  { key: "1", label: "Under 1 client a year per 1,000 adults", colour: "#fde0c5", below: 1 },
  { key: "2", label: "1 to 2", colour: "#f9a870", below: 2 },
  { key: "3", label: "2 to 4", colour: "#e0662f", below: 4 },
  { key: "4", label: "4 or more", colour: "#a33a0c", below: Infinity },
] as const;

export const pence = (gbp: number) => Math.round(gbp * 100);

/** Unmet need per 1,000 registered adults; 0 for an area with no adults. */
export function unmetPerThousand(m: AreaMeasures): number {
  return m.registeredAdults > 0 ? (m.unmetNeedClients.central / m.registeredAdults) * 1000 : 0;
}

/** The scenario's overrides, with the long-term-condition reference set to England's prevalence unless the scenario sets it. */
export function effectiveOverrides(inputs: Pick<DemandInputs, "ltcReferencePrevalence">, overrides: ParameterOverrides): ParameterOverrides {
  const reference = inputs.ltcReferencePrevalence;
  if (overrides.ltcReferencePrevalence || reference === null || !(reference > 0.01 && reference < 0.99)) return overrides;
  return { ...overrides, ltcReferencePrevalence: { value: reference, low: reference, high: reference } };
}

export function buildDemandView(inputs: DemandInputs, spec: DemandScenarioSpec, options: { draws?: number; seed?: number } = {}): DemandView {
  const modelOptions = { draws: options.draws ?? DEMAND_DRAWS, seed: options.seed ?? DEMAND_SEED };
  const scenario = { name: spec.name, parameterOverrides: effectiveOverrides(inputs, spec.parameterOverrides), capacityChanges: spec.capacityChanges };
  const run = runScenario(inputs.base, scenario, modelOptions);
  const { result } = run;
  const ranked = [...result.neighbourhoods].sort((a, b) => b.measures.gapClients.central - a.measures.gapClients.central || a.name.localeCompare(b.name));

  const projected = projectScenario(inputs.base, scenario, modelOptions, {
    years: spec.projectionYears,
    annualGrowthRate: spec.annualGrowthRate,
    startYear: inputs.startYear,
  });
  const projection = projected.years.map((y) => {
    const m = y.result.system.measures;
    return {
      year: y.year ?? inputs.startYear + y.yearOffset,
      registeredAdults: m.registeredAdults,
      expectedClients: m.expectedClients.central,
      capacityClients: m.capacityClients.central,
      unmetNeedClients: m.unmetNeedClients.central,
      fteNeeded: m.fteNeeded.central,
      budgetNeededPence: pence(m.budgetNeededGbp.central),
      budgetLowerPence: pence(m.budgetNeededGbp.lower),
      budgetUpperPence: pence(m.budgetNeededGbp.upper),
    };
  });

  const calibration = inputs.observed.length > 0 ? calibrateAgainstObserved(result, inputs.observed, { periodYears: inputs.observedPeriodYears }) : null;
  const observedShown = Object.fromEntries(inputs.observed.map((o) => [o.code, discloseCount(o.observed).value]));

  const mapShades = result.places.map((p) => {
    const rate = unmetPerThousand(p.measures);
    return { code: p.code, name: p.name, unmetPerThousand: rate, category: MAP_BANDS.find((b) => rate < b.below)!.key };
  });

  return { name: spec.name, run, result, ranked, projection, calibration, observedShown, mapShades };
}

/** Views built lately, by their inputs and scenario (JSON), most recent last. */
const recentViews = new Map<string, DemandView>();
const RECENT_VIEWS = 8;

/**
 * buildDemandView, remembered for the last few inputs and scenarios. The model is a pure
 * function of them (fixed seed), and its Monte Carlo draws are most of a demand page's
 * time on the server, where every commissioner of an ICB opening the page, its export and
 * its neighbourhood pages asks for the same view. The key is the whole of the inputs, so
 * changed data is a different key, never a stale view. Callers must not change the view.
 */
export function demandViewFor(inputs: DemandInputs, spec: DemandScenarioSpec): DemandView {
  const key = JSON.stringify([inputs, spec]);
  const known = recentViews.get(key);
  if (known) {
    recentViews.delete(key);
    recentViews.set(key, known);
    return known;
  }
  const view = buildDemandView(inputs, spec);
  recentViews.set(key, view);
  for (const oldest of recentViews.keys()) {
    if (recentViews.size <= RECENT_VIEWS) break;
    recentViews.delete(oldest);
  }
  return view;
}
