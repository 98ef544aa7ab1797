/**
 * The HJP demand model (domain.md §3.6), pure and synchronous.
 *
 * Per neighbourhood:
 *   registered adults × annual incidence × deprivation multiplier × LTC multiplier
 *     × share seeking help in a health setting           = potential demand
 *   × referral capture                                    = expected referrals
 *   × attendance                                          = expected clients
 *   ÷ clients per FTE                                     = FTE needed
 *   × cost per FTE                                        = budget needed
 *   capacity (clients) = FTE allocated from services × clients per FTE
 *   gap = expected clients − capacity → unmet need (gap > 0) or surplus (gap < 0)
 *
 * Population is practice-registered adults (18+) only: list sizes sum exactly from
 * practice to PCN/neighbourhood, place and system, which Census populations do not.
 *
 * Roll-ups: a place receives each neighbourhood's measures × that neighbourhood's
 * share in the place; the system receives each neighbourhood once. Because place
 * shares sum to 1, system = Σ places = Σ neighbourhoods for every central measure.
 * Unmet need and surplus are summed area by area, never netted: an adviser sited
 * in one neighbourhood does not meet need in another, so a place can show both.
 *
 * FTE sharing rule for a service covering several neighbourhoods:
 *   1. a neighbourhood with an explicit share gets that share of the service's FTE;
 *   2. what is left (1 − Σ explicit shares) goes to the neighbourhoods without a
 *      share, pro rata to their registered adults;
 *   3. if those neighbourhoods all have zero adults, it is split equally, so no
 *      funded FTE disappears from the totals.
 * A listed neighbourhood that is not in the input must carry an explicit share;
 * that FTE is reported as outside the footprint (e.g. a cross-border service).
 *
 * Uncertainty: Monte Carlo simulation. Each draw takes one value of every
 * parameter from a beta-PERT distribution (λ = 4) with mode = the parameter's value
 * and bounds = its low and high, drawn independently per parameter from a seeded
 * stream (the statistics module's xoshiro128** generator). A draw applies to every area at once (national parameters
 * are uncertain, not area-specific noise), so roll-up intervals come from per-draw
 * totals rather than adding area intervals. The central estimate is the chain at
 * the parameter values themselves; the interval is the equal-tailed percentile
 * interval of the draws (default 80%, as the NHP demand model reports, §4.6).
 */
import { PARAMETER_IDS, type ParameterId, type ParameterSet, PARAMETER_CATALOGUE } from "./parameters";
import { twoQuantilesInPlace, twoQuantilesInRangeInPlace } from "./sample-quantiles";
import { buildDrawTable, createNeighbourhoodSimulator, type DrawTable, simulateNeighbourhood } from "./simulation";

export interface PlaceShare {
  placeCode: string;
  /** Share of the neighbourhood's registered adults (and so of every measure) in this place, 0–1. */
  share: number;
}

export interface NeighbourhoodInput {
  code: string;
  name: string;
  /** Practice-registered patients aged 18+, summed over the neighbourhood's practices. */
  registeredAdults: number;
  /** IMD decile, 1 = most deprived; a population-weighted average (non-integer) is accepted. */
  imdDecile: number | null;
  /**
   * Long-term-condition prevalence, 0–1: the QOF depression register as a share of
   * registered adults (store indicator qof-dep), combined across practices by list size.
   */
  ltcPrevalence: number | null;
  placeShares: PlaceShare[];
  /** Census 2021 adults, shown as context only; never used in the calculation. */
  censusAdults?: number | null;
}

export interface ServiceCoverage {
  code: string;
  /** Explicit share of the service's FTE for this neighbourhood, 0–1. Omit to share pro rata. */
  share?: number;
}

export interface ServiceInput {
  id: string;
  name?: string;
  fundedFte: number;
  /** Service-specific throughput; treated as known (not simulated). Defaults to the clientsPerFte parameter. */
  clientsPerFte?: number;
  neighbourhoods: ServiceCoverage[];
}

export interface DemandModelOptions {
  /** Simulation draws; 0 skips the simulation and intervals collapse to the central estimate. */
  draws: number;
  seed: number;
  /** Central coverage of the interval; default 0.8. */
  intervalLevel?: number;
  /** Include the labelled step-by-step chain per neighbourhood; default true. */
  includeSteps?: boolean;
}

export interface DemandModelInput {
  neighbourhoods: NeighbourhoodInput[];
  services: ServiceInput[];
  parameters: ParameterSet;
  options: DemandModelOptions;
  /** Optional names for places; places are otherwise named by their code. */
  places?: { code: string; name: string }[];
}

export interface Estimate {
  central: number;
  lower: number;
  upper: number;
}

/** Measures shared by neighbourhoods, places and the system. All counts are per year. */
export interface AreaMeasures {
  registeredAdults: number;
  potentialDemand: Estimate;
  expectedReferrals: Estimate;
  expectedClients: Estimate;
  fteNeeded: Estimate;
  budgetNeededGbp: Estimate;
  /** FTE of the services serving the area, after sharing. */
  fundedFte: number;
  capacityClients: Estimate;
  /** Expected clients − capacity; positive = unmet need, negative = surplus. */
  gapClients: Estimate;
  /** Sum over neighbourhoods of max(gap, 0): need left unmet. */
  unmetNeedClients: Estimate;
  /** Sum over neighbourhoods of max(−gap, 0): capacity beyond expected clients. */
  surplusClients: Estimate;
  /** FTE needed − funded FTE. */
  fteGap: Estimate;
}

export type ChainStepId =
  | "registeredAdults"
  | "problemsPerYear"
  | "afterDeprivation"
  | "afterLongTermConditions"
  | "potentialDemand"
  | "expectedReferrals"
  | "expectedClients"
  | "fteNeeded"
  | "budgetNeededGbp"
  | "fundedFte"
  | "capacityClients"
  | "gapClients";

export interface ChainStep {
  id: ChainStepId;
  label: string;
  operation: "start" | "multiply" | "divide" | "subtract";
  /** What this step applies, e.g. the incidence parameter or a derived multiplier. */
  factor?: { label: string; value: number; parameterId?: ParameterId; note?: string };
  value: number;
  unit: string;
}

export interface NeighbourhoodResult {
  code: string;
  name: string;
  placeShares: PlaceShare[];
  inputs: {
    registeredAdults: number;
    imdDecile: number | null;
    ltcPrevalence: number | null;
    censusAdults: number | null;
  };
  multipliers: {
    deprivation: number;
    longTermConditions: number;
    /** Missing data gets a multiplier of 1 (the average), flagged here so the UI can say so. */
    deprivationMissing: boolean;
    longTermConditionsMissing: boolean;
  };
  measures: AreaMeasures;
  status: "unmet-need" | "surplus" | "balanced";
  /** The central calculation, step by step; empty when includeSteps is false. */
  steps: ChainStep[];
  /** FTE each service contributes here. */
  services: { serviceId: string; fte: number; clientsPerFte: number | null }[];
}

export interface PlaceResult {
  code: string;
  name: string;
  neighbourhoodCodes: string[];
  measures: AreaMeasures;
}

export interface SystemResult {
  measures: AreaMeasures;
  /** FTE that services share to neighbourhoods outside the input (explicit shares only). */
  fteOutsideFootprint: number;
}

export type SharingRule = "explicit" | "pro-rata-adults" | "equal-split";

export interface ServiceAllocation {
  serviceId: string;
  fundedFte: number;
  clientsPerFte: number | null;
  neighbourhoods: { code: string; share: number; fte: number; rule: SharingRule; inFootprint: boolean }[];
}

export interface UncertaintyMethod {
  method: "simulation" | "none";
  description: string;
  draws: number;
  seed: number;
  intervalLevel: number;
}

export interface DemandModelResult {
  parameters: ParameterSet;
  uncertainty: UncertaintyMethod;
  sharingRule: string;
  neighbourhoods: NeighbourhoodResult[];
  places: PlaceResult[];
  system: SystemResult;
  services: ServiceAllocation[];
  warnings: string[];
}

export const FTE_SHARING_RULE =
  "A service's funded FTE goes first to neighbourhoods it gives an explicit share; the rest is split between its " +
  "other neighbourhoods in proportion to their registered adults (equally if they have none).";

export const UNCERTAINTY_DESCRIPTION =
  "Monte Carlo simulation: each draw takes every parameter from a beta-PERT distribution (λ = 4) between its low " +
  "and high values with the mode at its central value, independently and from a seeded generator (xoshiro128**), " +
  "and applies it to all areas at once. Intervals are equal-tailed percentiles of the draws; the same seed " +
  "repeats them exactly.";

const SHARE_TOLERANCE = 1e-6;

export class DemandInputError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Demand model input is invalid:\n- ${issues.join("\n- ")}`);
    this.name = "DemandInputError";
    this.issues = issues;
  }
}

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** Numbers in messages: 0.6 + 0.3 should read 0.9, not 0.8999999999999999. */
const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** All problems with an input, in plain words; empty when the input can be run. */
export function validateDemandInput(input: DemandModelInput): string[] {
  const issues: string[] = [];
  const { options } = input;
  if (!Number.isInteger(options.draws) || options.draws < 0 || options.draws > 100_000) {
    issues.push(`Draws must be a whole number from 0 to 100,000; got ${options.draws}.`);
  }
  if (!Number.isInteger(options.seed)) issues.push(`Seed must be a whole number; got ${options.seed}.`);
  const level = options.intervalLevel ?? 0.8;
  if (!(level > 0 && level < 1)) issues.push(`Interval level must be between 0 and 1 (e.g. 0.8); got ${level}.`);

  for (const id of PARAMETER_IDS) {
    const p = input.parameters[id];
    const def = PARAMETER_CATALOGUE[id];
    if (!p || !isFiniteNumber(p.value) || !isFiniteNumber(p.low) || !isFiniteNumber(p.high)) {
      issues.push(`Parameter ${def.label} is missing or not a number.`);
      continue;
    }
    if (p.low > p.value || p.value > p.high) {
      issues.push(`Parameter ${def.label}: low (${p.low}) ≤ value (${p.value}) ≤ high (${p.high}) does not hold.`);
    }
    if (p.low < def.bounds.min || p.high > def.bounds.max) {
      issues.push(`Parameter ${def.label} must stay between ${def.bounds.min} and ${def.bounds.max}.`);
    }
  }

  const codes = new Set<string>();
  for (const n of input.neighbourhoods) {
    const who = `Neighbourhood ${n.code}`;
    if (codes.has(n.code)) issues.push(`${who} appears more than once.`);
    codes.add(n.code);
    if (!isFiniteNumber(n.registeredAdults) || n.registeredAdults < 0) {
      issues.push(`${who}: registered adults must be zero or more; got ${n.registeredAdults}.`);
    }
    if (n.imdDecile !== null && !(isFiniteNumber(n.imdDecile) && n.imdDecile >= 1 && n.imdDecile <= 10)) {
      issues.push(`${who}: IMD decile must be between 1 and 10, or null when unknown; got ${n.imdDecile}.`);
    }
    if (
      n.ltcPrevalence !== null &&
      !(isFiniteNumber(n.ltcPrevalence) && n.ltcPrevalence >= 0 && n.ltcPrevalence <= 1)
    ) {
      issues.push(
        `${who}: long-term-condition prevalence must be a proportion from 0 to 1 (not a percentage), or null; got ${n.ltcPrevalence}.`,
      );
    }
    if (n.placeShares.length === 0) {
      issues.push(`${who} has no place; give at least one { placeCode, share }.`);
    } else {
      let sum = 0;
      const seen = new Set<string>();
      for (const ps of n.placeShares) {
        if (seen.has(ps.placeCode)) issues.push(`${who} lists place ${ps.placeCode} twice.`);
        seen.add(ps.placeCode);
        if (!(isFiniteNumber(ps.share) && ps.share >= 0 && ps.share <= 1)) {
          issues.push(`${who}: share in place ${ps.placeCode} must be from 0 to 1; got ${ps.share}.`);
        }
        sum += ps.share;
      }
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
        issues.push(`${who}: place shares add up to ${fmt(sum)}; they must add up to 1 so the footprints add up.`);
      }
    }
  }

  const serviceIds = new Set<string>();
  for (const s of input.services) {
    const who = `Service ${s.id}`;
    if (serviceIds.has(s.id)) issues.push(`${who} appears more than once.`);
    serviceIds.add(s.id);
    if (!isFiniteNumber(s.fundedFte) || s.fundedFte < 0)
      issues.push(`${who}: funded FTE must be zero or more; got ${s.fundedFte}.`);
    if (s.clientsPerFte !== undefined) {
      const b = PARAMETER_CATALOGUE.clientsPerFte.bounds;
      if (!(isFiniteNumber(s.clientsPerFte) && s.clientsPerFte >= b.min && s.clientsPerFte <= b.max)) {
        issues.push(`${who}: clients per FTE must be between ${b.min} and ${b.max}; got ${s.clientsPerFte}.`);
      }
    }
    if (s.neighbourhoods.length === 0) issues.push(`${who} serves no neighbourhood.`);
    let explicitSum = 0;
    let explicitCount = 0;
    const seen = new Set<string>();
    for (const c of s.neighbourhoods) {
      if (seen.has(c.code)) issues.push(`${who} lists neighbourhood ${c.code} twice.`);
      seen.add(c.code);
      if (c.share !== undefined) {
        if (!(isFiniteNumber(c.share) && c.share >= 0 && c.share <= 1)) {
          issues.push(`${who}: share for ${c.code} must be from 0 to 1; got ${c.share}.`);
        }
        explicitSum += c.share;
        explicitCount++;
      } else if (!codes.has(c.code)) {
        issues.push(
          `${who} serves ${c.code}, which is not in this model run; give it an explicit share (its FTE is then counted outside the footprint) or include the neighbourhood.`,
        );
      }
    }
    if (explicitSum > 1 + SHARE_TOLERANCE) {
      issues.push(`${who}: explicit shares add up to ${fmt(explicitSum)}; they must not exceed 1.`);
    } else if (
      explicitCount === s.neighbourhoods.length &&
      explicitCount > 0 &&
      Math.abs(explicitSum - 1) > SHARE_TOLERANCE
    ) {
      issues.push(
        `${who}: every neighbourhood has a share but they add up to ${fmt(
          explicitSum,
        )}, not 1; fix them or leave some blank to share the rest pro rata.`,
      );
    }
  }
  return issues;
}

/** Applies the FTE sharing rule (see file header). Assumes a validated input. */
export function allocateServiceFte(
  services: ServiceInput[],
  adultsByCode: ReadonlyMap<string, number>,
): ServiceAllocation[] {
  return services.map((service) => {
    let explicitSum = 0;
    let implicitAdults = 0;
    let implicitCount = 0;
    for (const c of service.neighbourhoods) {
      if (c.share !== undefined) explicitSum += c.share;
      else {
        implicitAdults += adultsByCode.get(c.code) ?? 0;
        implicitCount++;
      }
    }
    const remainder = Math.max(0, 1 - explicitSum);
    const neighbourhoods = service.neighbourhoods.map((c) => {
      let share: number;
      let rule: SharingRule;
      if (c.share !== undefined) {
        share = c.share;
        rule = "explicit";
      } else if (implicitAdults > 0) {
        share = (remainder * (adultsByCode.get(c.code) ?? 0)) / implicitAdults;
        rule = "pro-rata-adults";
      } else {
        share = remainder / implicitCount;
        rule = "equal-split";
      }
      return { code: c.code, share, fte: service.fundedFte * share, rule, inFootprint: adultsByCode.has(c.code) };
    });
    return {
      serviceId: service.id,
      fundedFte: service.fundedFte,
      clientsPerFte: service.clientsPerFte ?? null,
      neighbourhoods,
    };
  });
}

/** 1 + gradient × (5.5 − decile) ÷ 4.5; 1 when the decile is unknown. */
export function deprivationMultiplier(imdDecile: number | null, gradient: number): number {
  return imdDecile === null ? 1 : 1 + (gradient * (5.5 - imdDecile)) / 4.5;
}

/** (1 + p(RR − 1)) ÷ (1 + p₀(RR − 1)); 1 when prevalence is unknown. */
export function longTermConditionMultiplier(
  prevalence: number | null,
  relativeRisk: number,
  referencePrevalence: number,
): number {
  if (prevalence === null) return 1;
  return (1 + prevalence * (relativeRisk - 1)) / (1 + referencePrevalence * (relativeRisk - 1));
}

// Slots for the measures that carry an interval. For places and the system, unmet
// need and surplus are sums over neighbourhoods of clipped gaps, not the aggregate
// gap clipped, so they need their own per-draw totals.
const M_POTENTIAL = 0;
const M_REFERRALS = 1;
const M_CLIENTS = 2;
const M_FTE = 3;
const M_BUDGET = 4;
const M_CAPACITY = 5;
const M_GAP = 6;
const M_UNMET = 7;
const M_SURPLUS = 8;
const MEASURE_COUNT = 9;

interface CentralValues {
  potential: number;
  referrals: number;
  clients: number;
  fte: number;
  budget: number;
  capacity: number;
  gap: number;
}

function point(x: number): Estimate {
  return { central: x, lower: x, upper: x };
}

interface SimulationArgs {
  neighbourhoods: NeighbourhoodInput[];
  parameters: ParameterSet;
  draws: number;
  seed: number;
  qLow: number;
  qHigh: number;
  placeIndex: ReadonlyMap<string, number>;
  placeCount: number;
  fteAtDefaultRate: Float64Array;
  fixedCapacityClients: Float64Array;
  /** Outputs: [lower, upper] per area and measure. */
  nBounds: Float64Array;
  placeBounds: Float64Array;
  systemBounds: Float64Array;
}

// Map from the simulator's measures (SIM_* order) to the result's measure slots.
const SIMULATED_MEASURES = [M_POTENTIAL, M_REFERRALS, M_CLIENTS, M_FTE, M_BUDGET, M_GAP, M_UNMET, M_SURPLUS] as const;

/**
 * Fills the interval bounds (see simulation.ts for the per-neighbourhood hot path).
 * Places and the system accumulate only potential demand, unmet need and surplus
 * per draw. Their referrals, clients, FTE and budget follow from potential demand,
 * because those steps multiply every neighbourhood by the same per-draw factor
 * (Σ pot × capture = Σ (pot × capture)); capacity is a known FTE times one
 * parameter, so its bounds follow from that parameter's percentiles.
 */
function simulate(args: SimulationArgs): void {
  const { neighbourhoods, parameters: P, draws, seed, qLow, qHigh, placeIndex, placeCount } = args;
  const { fteAtDefaultRate, fixedCapacityClients, nBounds, placeBounds, systemBounds } = args;
  const table = buildDrawTable(P, draws, seed);
  const sim = createNeighbourhoodSimulator(table, qLow, qHigh);
  // Capacity = FTE at the default rate × clientsPerFte + fixed clients: increasing in
  // one parameter, so its percentiles follow from that parameter's percentiles.
  const cpfBounds = new Float64Array(2);
  twoQuantilesInPlace(Float64Array.from(table.clientsPerFte), draws, qLow, qHigh, cpfBounds);

  const placePotential = new Float64Array(placeCount * draws);
  const placeUnmet = new Float64Array(placeCount * draws);
  const placeSurplus = new Float64Array(placeCount * draws);
  const placeFteDefault = new Float64Array(placeCount);
  const placeFixed = new Float64Array(placeCount);
  const stride = MEASURE_COUNT * 2;

  for (let i = 0; i < neighbourhoods.length; i++) {
    const n = neighbourhoods[i];
    const fteDefault = fteAtDefaultRate[i];
    const fixed = fixedCapacityClients[i];
    const base = i * stride;
    for (const ps of n.placeShares) {
      const place = placeIndex.get(ps.placeCode)!;
      placeFteDefault[place] += fteDefault * ps.share;
      placeFixed[place] += fixed * ps.share;
    }
    const capLow = fteDefault * cpfBounds[0] + fixed;
    const capHigh = fteDefault * cpfBounds[1] + fixed;
    setBound(nBounds, base, M_CAPACITY, capLow, capHigh);
    if (n.registeredAdults === 0) {
      // No population: every need measure is 0 in every draw; the gap is −capacity.
      for (const m of [M_POTENTIAL, M_REFERRALS, M_CLIENTS, M_FTE, M_BUDGET, M_UNMET]) setBound(nBounds, base, m, 0, 0);
      setBound(nBounds, base, M_GAP, -capHigh, -capLow);
      setBound(nBounds, base, M_SURPLUS, capLow, capHigh);
      if (fteDefault > 0 || fixed > 0) {
        for (const ps of n.placeShares) {
          const off = placeIndex.get(ps.placeCode)! * draws;
          addCapacity(placeSurplus, off, table.clientsPerFte, fteDefault * ps.share, fixed * ps.share, draws);
        }
      }
      continue;
    }
    // Wholly in one place: the simulator adds to that place's totals as it goes.
    const single = n.placeShares.length === 1 && n.placeShares[0].share === 1;
    simulateNeighbourhood(
      sim,
      n.registeredAdults,
      n.imdDecile === null ? 0 : 5.5 - n.imdDecile,
      n.ltcPrevalence === null ? -1 : n.ltcPrevalence,
      fteDefault,
      fixed,
      single
        ? {
            potential: placePotential,
            unmet: placeUnmet,
            surplus: placeSurplus,
            offset: placeIndex.get(n.placeShares[0].placeCode)! * draws,
          }
        : null,
    );
    if (!single) {
      for (const ps of n.placeShares) {
        const off = placeIndex.get(ps.placeCode)! * draws;
        addScaled(placePotential, off, sim.potential, ps.share, draws);
        addClipped(placeUnmet, off, sim.gap, 1, ps.share, draws);
        addClipped(placeSurplus, off, sim.gap, -1, ps.share, draws);
      }
    }
    for (let k = 0; k < SIMULATED_MEASURES.length; k++) {
      setBound(nBounds, base, SIMULATED_MEASURES[k], sim.bounds[k * 2], sim.bounds[k * 2 + 1]);
    }
  }

  // Aggregates: the system is the sum of places (place shares sum to 1).
  const systemPotential = new Float64Array(draws);
  const systemUnmet = new Float64Array(draws);
  const systemSurplus = new Float64Array(draws);
  let systemFteDefault = 0;
  let systemFixed = 0;
  const scratch = Array.from({ length: 8 }, () => new Float64Array(draws));
  for (let place = 0; place < placeCount; place++) {
    const off = place * draws;
    const potential = placePotential.subarray(off, off + draws);
    const unmet = placeUnmet.subarray(off, off + draws);
    const surplus = placeSurplus.subarray(off, off + draws);
    addScaled(systemPotential, 0, potential, 1, draws);
    addScaled(systemUnmet, 0, unmet, 1, draws);
    addScaled(systemSurplus, 0, surplus, 1, draws);
    systemFteDefault += placeFteDefault[place];
    systemFixed += placeFixed[place];
    const totals = { potential, unmet, surplus, fteDefault: placeFteDefault[place], fixed: placeFixed[place] };
    aggregateBounds(table, qLow, qHigh, cpfBounds, totals, scratch, placeBounds, place * stride);
  }
  const systemTotals = {
    potential: systemPotential,
    unmet: systemUnmet,
    surplus: systemSurplus,
    fteDefault: systemFteDefault,
    fixed: systemFixed,
  };
  aggregateBounds(table, qLow, qHigh, cpfBounds, systemTotals, scratch, systemBounds, 0);
}

function setBound(target: Float64Array, base: number, measure: number, lower: number, upper: number): void {
  target[base + measure * 2] = lower;
  target[base + measure * 2 + 1] = upper;
}

// Order of the scratch buffers in aggregateBounds.
const AGGREGATE_MEASURES = [M_POTENTIAL, M_REFERRALS, M_CLIENTS, M_FTE, M_BUDGET, M_GAP, M_UNMET, M_SURPLUS] as const;

/** Bounds of an aggregate from its per-draw potential demand, unmet need and surplus. */
function aggregateBounds(
  t: DrawTable,
  qLow: number,
  qHigh: number,
  cpfBounds: Float64Array,
  totals: { potential: Float64Array; unmet: Float64Array; surplus: Float64Array; fteDefault: number; fixed: number },
  scratch: Float64Array[],
  target: Float64Array,
  base: number,
): void {
  const { potential, unmet, surplus, fteDefault, fixed } = totals;
  const draws = t.draws;
  const [pot, ref, cli, fte, budget, gap, unmetCopy, surplusCopy] = scratch;
  // Track each measure's range while generating it, so the quantile step can skip
  // its own min/max pass. Branches, not Math.min/max: new extremes are rare.
  const lo = new Float64Array(8).fill(Infinity);
  const hi = new Float64Array(8).fill(-Infinity);
  for (let d = 0; d < draws; d++) {
    const p = potential[d];
    const r = p * t.capture[d];
    const c = r * t.attendance[d];
    const f = c * t.inverseClientsPerFte[d];
    const b = f * t.costPerFte[d];
    const g = c - (fteDefault * t.clientsPerFte[d] + fixed);
    // Copies of the running totals: the quantile step reorders its input.
    const u = unmet[d];
    const s = surplus[d];
    pot[d] = p;
    ref[d] = r;
    cli[d] = c;
    fte[d] = f;
    budget[d] = b;
    gap[d] = g;
    unmetCopy[d] = u;
    surplusCopy[d] = s;
    if (p < lo[0]) lo[0] = p;
    if (p > hi[0]) hi[0] = p;
    if (r < lo[1]) lo[1] = r;
    if (r > hi[1]) hi[1] = r;
    if (c < lo[2]) lo[2] = c;
    if (c > hi[2]) hi[2] = c;
    if (f < lo[3]) lo[3] = f;
    if (f > hi[3]) hi[3] = f;
    if (b < lo[4]) lo[4] = b;
    if (b > hi[4]) hi[4] = b;
    if (g < lo[5]) lo[5] = g;
    if (g > hi[5]) hi[5] = g;
    if (u < lo[6]) lo[6] = u;
    if (u > hi[6]) hi[6] = u;
    if (s < lo[7]) lo[7] = s;
    if (s > hi[7]) hi[7] = s;
  }
  const bounds = new Float64Array(2);
  for (let k = 0; k < AGGREGATE_MEASURES.length; k++) {
    twoQuantilesInRangeInPlace(scratch[k], draws, lo[k], hi[k], qLow, qHigh, bounds);
    setBound(target, base, AGGREGATE_MEASURES[k], bounds[0], bounds[1]);
  }
  setBound(target, base, M_CAPACITY, fteDefault * cpfBounds[0] + fixed, fteDefault * cpfBounds[1] + fixed);
}

function addScaled(acc: Float64Array, offset: number, src: Float64Array, scale: number, n: number): void {
  for (let d = 0; d < n; d++) acc[offset + d] += src[d] * scale;
}

/**
 * acc += max(sign × src, 0) × scale: unmet need (sign 1) or surplus (sign −1).
 * max(x, 0) is computed as (x + |x|) ÷ 2, which is exact and branch-free: a branch
 * would be unpredictable where a neighbourhood's gap straddles zero.
 */
function addClipped(
  acc: Float64Array,
  offset: number,
  src: Float64Array,
  sign: number,
  scale: number,
  n: number,
): void {
  const half = 0.5 * scale;
  for (let d = 0; d < n; d++) {
    const x = sign * src[d];
    acc[offset + d] += (x + Math.abs(x)) * half;
  }
}

/** Surplus of a neighbourhood with no population: all of its capacity, per draw. */
function addCapacity(
  acc: Float64Array,
  offset: number,
  clientsPerFte: Float64Array,
  fteAtDefaultRate: number,
  fixedCapacity: number,
  n: number,
): void {
  for (let d = 0; d < n; d++) acc[offset + d] += fteAtDefaultRate * clientsPerFte[d] + fixedCapacity;
}

export function runDemandModel(input: DemandModelInput): DemandModelResult {
  const issues = validateDemandInput(input);
  if (issues.length > 0) throw new DemandInputError(issues);

  const { neighbourhoods, parameters: P, options } = input;
  const draws = options.draws;
  const seed = options.seed;
  const level = options.intervalLevel ?? 0.8;
  const includeSteps = options.includeSteps ?? true;
  const qLow = (1 - level) / 2;
  const qHigh = 1 - qLow;
  const warnings: string[] = [];

  // --- geography and capacity ------------------------------------------------
  const nCount = neighbourhoods.length;
  const indexByCode = new Map<string, number>();
  const adultsByCode = new Map<string, number>();
  neighbourhoods.forEach((n, i) => {
    indexByCode.set(n.code, i);
    adultsByCode.set(n.code, n.registeredAdults);
  });

  const placeIndex = new Map<string, number>();
  const placeCodes: string[] = [];
  for (const n of neighbourhoods) {
    for (const ps of n.placeShares) {
      if (!placeIndex.has(ps.placeCode)) {
        placeIndex.set(ps.placeCode, placeCodes.length);
        placeCodes.push(ps.placeCode);
      }
    }
  }
  const placeCount = placeCodes.length;
  const placeNames = new Map((input.places ?? []).map((p) => [p.code, p.name]));

  const allocations = allocateServiceFte(input.services, adultsByCode);
  // Capacity splits into FTE that uses the (uncertain) clientsPerFte parameter and
  // clients from services with their own, fixed throughput.
  const fteAtDefaultRate = new Float64Array(nCount);
  const fixedCapacityClients = new Float64Array(nCount);
  const fundedFte = new Float64Array(nCount);
  const servicesByNeighbourhood: NeighbourhoodResult["services"][] = neighbourhoods.map(() => []);
  let fteOutsideFootprint = 0;
  for (const a of allocations) {
    for (const c of a.neighbourhoods) {
      const i = indexByCode.get(c.code);
      if (i === undefined) {
        fteOutsideFootprint += c.fte;
        continue;
      }
      fundedFte[i] += c.fte;
      if (a.clientsPerFte === null) fteAtDefaultRate[i] += c.fte;
      else fixedCapacityClients[i] += c.fte * a.clientsPerFte;
      servicesByNeighbourhood[i].push({ serviceId: a.serviceId, fte: c.fte, clientsPerFte: a.clientsPerFte });
    }
  }
  if (fteOutsideFootprint > 0) {
    warnings.push(
      `${round(
        fteOutsideFootprint,
        2,
      )} FTE is shared to neighbourhoods outside this model run and is not counted as capacity here.`,
    );
  }

  // --- central chain -----------------------------------------------------------
  const v = (id: ParameterId) => P[id].value;
  const central: CentralValues[] = new Array(nCount);
  const depMult = new Float64Array(nCount);
  const ltcMult = new Float64Array(nCount);
  for (let i = 0; i < nCount; i++) {
    const n = neighbourhoods[i];
    depMult[i] = deprivationMultiplier(n.imdDecile, v("deprivationGradient"));
    ltcMult[i] = longTermConditionMultiplier(n.ltcPrevalence, v("ltcRelativeRisk"), v("ltcReferencePrevalence"));
    const potential = n.registeredAdults * v("annualIncidence") * depMult[i] * ltcMult[i] * v("healthSettingShare");
    const referrals = potential * v("referralCapture");
    const clients = referrals * v("attendanceRate");
    const fte = clients / v("clientsPerFte");
    const budget = fte * v("costPerFte");
    const capacity = fteAtDefaultRate[i] * v("clientsPerFte") + fixedCapacityClients[i];
    central[i] = { potential, referrals, clients, fte, budget, capacity, gap: clients - capacity };
  }
  const missingImd = neighbourhoods.filter((n) => n.imdDecile === null).length;
  const missingLtc = neighbourhoods.filter((n) => n.ltcPrevalence === null).length;
  if (missingImd > 0)
    warnings.push(`${missingImd} neighbourhood(s) have no IMD decile; their deprivation multiplier is 1.`);
  if (missingLtc > 0) {
    warnings.push(`${missingLtc} neighbourhood(s) have no long-term-condition prevalence; their multiplier is 1.`);
  }

  // --- simulation ----------------------------------------------------------------
  // Interval bounds per area and measure: [lower, upper] pairs.
  const nBounds = new Float64Array(nCount * MEASURE_COUNT * 2);
  const placeBounds = new Float64Array(placeCount * MEASURE_COUNT * 2);
  const systemBounds = new Float64Array(MEASURE_COUNT * 2);

  if (draws > 0) {
    simulate({
      neighbourhoods,
      parameters: P,
      draws,
      seed,
      qLow,
      qHigh,
      placeIndex,
      placeCount,
      fteAtDefaultRate,
      fixedCapacityClients,
      nBounds,
      placeBounds,
      systemBounds,
    });
  }

  // --- assemble results ----------------------------------------------------------
  const estimate = (bnds: Float64Array, offset: number, m: number, c: number): Estimate =>
    draws > 0 ? { central: c, lower: bnds[offset + m * 2], upper: bnds[offset + m * 2 + 1] } : point(c);

  const placeCentral = Array.from({ length: placeCount }, () => new Float64Array(MEASURE_COUNT));
  const placeAdults = new Float64Array(placeCount);
  const placeFte = new Float64Array(placeCount);
  const placeMembers: string[][] = Array.from({ length: placeCount }, () => []);
  const systemCentral = new Float64Array(MEASURE_COUNT);
  let systemAdults = 0;
  let systemFte = 0;

  const neighbourhoodResults: NeighbourhoodResult[] = neighbourhoods.map((n, i) => {
    const c = central[i];
    const values = [
      c.potential,
      c.referrals,
      c.clients,
      c.fte,
      c.budget,
      c.capacity,
      c.gap,
      Math.max(c.gap, 0),
      Math.max(-c.gap, 0),
    ];
    for (let m = 0; m < MEASURE_COUNT; m++) systemCentral[m] += values[m];
    systemAdults += n.registeredAdults;
    systemFte += fundedFte[i];
    for (const ps of n.placeShares) {
      const p = placeIndex.get(ps.placeCode)!;
      for (let m = 0; m < MEASURE_COUNT; m++) placeCentral[p][m] += values[m] * ps.share;
      placeAdults[p] += n.registeredAdults * ps.share;
      placeFte[p] += fundedFte[i] * ps.share;
      placeMembers[p].push(n.code);
    }
    const base = i * MEASURE_COUNT * 2;
    const measures = buildMeasures(n.registeredAdults, fundedFte[i], (m) => estimate(nBounds, base, m, values[m]));
    return {
      code: n.code,
      name: n.name,
      placeShares: n.placeShares.map((ps) => ({ ...ps })),
      inputs: {
        registeredAdults: n.registeredAdults,
        imdDecile: n.imdDecile,
        ltcPrevalence: n.ltcPrevalence,
        censusAdults: n.censusAdults ?? null,
      },
      multipliers: {
        deprivation: depMult[i],
        longTermConditions: ltcMult[i],
        deprivationMissing: n.imdDecile === null,
        longTermConditionsMissing: n.ltcPrevalence === null,
      },
      measures,
      status: statusOf(c.gap),
      steps: includeSteps ? buildSteps(n, c, depMult[i], ltcMult[i], fundedFte[i], fixedCapacityClients[i], P) : [],
      services: servicesByNeighbourhood[i],
    };
  });

  const places: PlaceResult[] = placeCodes.map((code, p) => ({
    code,
    name: placeNames.get(code) ?? code,
    neighbourhoodCodes: placeMembers[p],
    measures: buildMeasures(placeAdults[p], placeFte[p], (m) =>
      estimate(placeBounds, p * MEASURE_COUNT * 2, m, placeCentral[p][m]),
    ),
  }));

  const system: SystemResult = {
    measures: buildMeasures(systemAdults, systemFte, (m) => estimate(systemBounds, 0, m, systemCentral[m])),
    fteOutsideFootprint,
  };

  return {
    parameters: P,
    uncertainty: {
      method: draws > 0 ? "simulation" : "none",
      description:
        draws > 0 ? UNCERTAINTY_DESCRIPTION : "No simulation was run (0 draws): intervals equal the central estimate.",
      draws,
      seed,
      intervalLevel: level,
    },
    sharingRule: FTE_SHARING_RULE,
    neighbourhoods: neighbourhoodResults,
    places,
    system,
    services: allocations,
    warnings,
  };
}

function buildMeasures(adults: number, fte: number, at: (m: number) => Estimate): AreaMeasures {
  const fteNeeded = at(M_FTE);
  return {
    registeredAdults: adults,
    potentialDemand: at(M_POTENTIAL),
    expectedReferrals: at(M_REFERRALS),
    expectedClients: at(M_CLIENTS),
    fteNeeded,
    budgetNeededGbp: at(M_BUDGET),
    fundedFte: fte,
    capacityClients: at(M_CAPACITY),
    gapClients: at(M_GAP),
    unmetNeedClients: at(M_UNMET),
    surplusClients: at(M_SURPLUS),
    // Funded FTE is known, so the FTE gap's interval is FTE needed's shifted.
    fteGap: { central: fteNeeded.central - fte, lower: fteNeeded.lower - fte, upper: fteNeeded.upper - fte },
  };
}

function statusOf(gap: number): NeighbourhoodResult["status"] {
  // Tolerance so rounding noise in a perfectly matched area does not read as need.
  if (Math.abs(gap) < 1e-9) return "balanced";
  return gap > 0 ? "unmet-need" : "surplus";
}

function buildSteps(
  n: NeighbourhoodInput,
  c: CentralValues,
  dep: number,
  ltc: number,
  fte: number,
  fixedClients: number,
  P: ParameterSet,
): ChainStep[] {
  const param = (id: ParameterId) => ({ label: PARAMETER_CATALOGUE[id].label, value: P[id].value, parameterId: id });
  const problems = n.registeredAdults * P.annualIncidence.value;
  const afterDep = problems * dep;
  return [
    {
      id: "registeredAdults",
      label: "Registered adults (GP lists, 18+)",
      operation: "start",
      value: n.registeredAdults,
      unit: "adults",
    },
    {
      id: "problemsPerYear",
      label: "Adults with a new social-welfare legal problem a year",
      operation: "multiply",
      factor: param("annualIncidence"),
      value: problems,
      unit: "adults per year",
    },
    {
      id: "afterDeprivation",
      label: "Adjusted for deprivation",
      operation: "multiply",
      factor: {
        label: "Deprivation multiplier",
        value: dep,
        note: n.imdDecile === null ? "No IMD decile: average (1) used." : `IMD decile ${n.imdDecile}.`,
      },
      value: afterDep,
      unit: "adults per year",
    },
    {
      id: "afterLongTermConditions",
      label: "Adjusted for long-term conditions",
      operation: "multiply",
      factor: {
        label: "Long-term-condition multiplier",
        value: ltc,
        note:
          n.ltcPrevalence === null
            ? "No prevalence: average (1) used."
            : `QOF depression register ${round(n.ltcPrevalence * 100, 1)}% of adults, against a reference of ` +
              `${round(P.ltcReferencePrevalence.value * 100, 1)}%.`,
      },
      value: afterDep * ltc,
      unit: "adults per year",
    },
    {
      id: "potentialDemand",
      label: "Potential demand in a health setting",
      operation: "multiply",
      factor: param("healthSettingShare"),
      value: c.potential,
      unit: "people per year",
    },
    {
      id: "expectedReferrals",
      label: "Expected referrals",
      operation: "multiply",
      factor: param("referralCapture"),
      value: c.referrals,
      unit: "referrals per year",
    },
    {
      id: "expectedClients",
      label: "Expected clients",
      operation: "multiply",
      factor: param("attendanceRate"),
      value: c.clients,
      unit: "clients per year",
    },
    {
      id: "fteNeeded",
      label: "Adviser FTE needed",
      operation: "divide",
      factor: param("clientsPerFte"),
      value: c.fte,
      unit: "FTE",
    },
    {
      id: "budgetNeededGbp",
      label: "Budget needed",
      operation: "multiply",
      factor: param("costPerFte"),
      value: c.budget,
      unit: "£ per year",
    },
    {
      id: "fundedFte",
      label: "Funded adviser FTE serving the neighbourhood",
      operation: "start",
      value: fte,
      unit: "FTE",
    },
    {
      id: "capacityClients",
      label: "Capacity",
      operation: "multiply",
      factor: {
        ...param("clientsPerFte"),
        note: fixedClients > 0 ? "Some services use their own clients-per-FTE figure." : undefined,
      },
      value: c.capacity,
      unit: "clients per year",
    },
    {
      id: "gapClients",
      label:
        c.gap > 0
          ? "Unmet need (expected clients − capacity)"
          : c.gap < 0
          ? "Surplus capacity (expected clients − capacity, negative)"
          : "Balanced (expected clients = capacity)",
      operation: "subtract",
      factor: { label: "Capacity subtracted from expected clients", value: c.capacity },
      value: c.gap,
      unit: "clients per year",
    },
  ];
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
