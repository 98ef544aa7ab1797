/**
 * Scenarios on top of the demand model: parameter overrides, capacity changes,
 * multi-year projections and side-by-side comparison.
 *
 * A scenario is data (validated with zod) so it can be saved, reloaded and shown
 * beside its results. Capacity changes apply in order:
 * - add FTE to an existing service (same coverage), or reduce it (negative addFte);
 * - add a new service over listed neighbourhoods, either as a total FTE shared by the
 *   model's rule or as FTE in each neighbourhood ("each"), e.g. a co-located adviser
 *   half a day a week in five PCNs = addFte 0.1, fteBasis "each", five codes;
 * - remove a service.
 */
import { z } from "zod";
import {
  type DemandModelOptions,
  type DemandModelResult,
  type Estimate,
  type NeighbourhoodInput,
  runDemandModel,
  type ServiceInput,
  type AreaMeasures,
} from "./model";
import {
  PARAMETER_CATALOGUE,
  PARAMETER_IDS,
  type ParameterId,
  ParameterOverridesSchema,
  type ParameterSet,
  resolveParameters,
} from "./parameters";

/** Half-day sessions per week → FTE, for a 5-day week of two sessions a day. */
export function halfDaySessionsToFte(sessionsPerWeek: number): number {
  return sessionsPerWeek / 10;
}

const CoverageSchema = z.strictObject({
  code: z
    .string({ error: "Each neighbourhood needs a code." })
    .trim()
    .min(1, { error: "Neighbourhood code is empty." }),
  share: z
    .number({ error: "Share must be a number." })
    .min(0, { error: "Share must be from 0 to 1." })
    .max(1, { error: "Share must be from 0 to 1." })
    .optional(),
});

const AddCapacitySchema = z.strictObject({
  kind: z.literal("add"),
  /** An existing service to grow or shrink, or the id for a new one. */
  serviceId: z.string().trim().min(1, { error: "Service id is empty." }).optional(),
  label: z.string().trim().max(200, { error: "Label is too long (200 characters at most)." }).optional(),
  addFte: z
    .number({ error: "FTE to add must be a number." })
    .min(-100, { error: "FTE change must be between −100 and 100." })
    .max(100, { error: "FTE change must be between −100 and 100." })
    .refine((x) => x !== 0, { error: "FTE to add must not be zero." }),
  fteBasis: z.enum(["total", "each"], { error: 'FTE basis must be "total" or "each".' }).default("total"),
  clientsPerFte: z
    .number({ error: "Clients per FTE must be a number." })
    .min(PARAMETER_CATALOGUE.clientsPerFte.bounds.min, { error: "Clients per FTE must be between 10 and 3,000." })
    .max(PARAMETER_CATALOGUE.clientsPerFte.bounds.max, { error: "Clients per FTE must be between 10 and 3,000." })
    .optional(),
  neighbourhoods: z.array(CoverageSchema).max(2000).default([]),
});

const RemoveServiceSchema = z.strictObject({
  kind: z.literal("remove"),
  serviceId: z.string().trim().min(1, { error: "Say which service to remove." }),
});

export const CapacityChangeSchema = z.discriminatedUnion("kind", [AddCapacitySchema, RemoveServiceSchema], {
  error: 'Each capacity change needs kind "add" or "remove".',
});

export const ProjectionSchema = z.strictObject({
  years: z
    .number({ error: "Years must be a number." })
    .int({ error: "Years must be a whole number." })
    .min(1, { error: "Project at least 1 year ahead." })
    .max(30, { error: "Project at most 30 years ahead." }),
  annualGrowthRate: z
    .number({ error: "Growth rate must be a number." })
    .min(-0.05, { error: "Annual population growth must be between −5% and +5% (−0.05 to 0.05)." })
    .max(0.05, { error: "Annual population growth must be between −5% and +5% (−0.05 to 0.05)." }),
  /** Calendar year of the base (year 0), for labels only. */
  startYear: z.number().int().min(2000).max(2100).optional(),
});

export const DemandScenarioSchema = z.strictObject({
  name: z.string({ error: "A scenario needs a name." }).trim().min(1, { error: "A scenario needs a name." }).max(120),
  description: z.string().max(2000).optional(),
  parameterOverrides: ParameterOverridesSchema.default({}),
  capacityChanges: z.array(CapacityChangeSchema).max(500).default([]),
  projection: ProjectionSchema.optional(),
});

export type CapacityChange = z.input<typeof CapacityChangeSchema>;
export type DemandScenario = z.input<typeof DemandScenarioSchema>;
export type ParsedDemandScenario = z.output<typeof DemandScenarioSchema>;
export type Projection = z.output<typeof ProjectionSchema>;

/** The population growth rate is always the commissioner's assumption: domain.md has no projection. */
export const GROWTH_ASSUMPTION_NOTE =
  "Population growth is an assumption for the commissioner to set (for example from ONS subnational projections); " +
  "it scales registered adults by (1 + rate)^year. Capacity is held at the scenario's level and costs are in " +
  "today's prices.";

export interface DemandBase {
  neighbourhoods: NeighbourhoodInput[];
  services: ServiceInput[];
  places?: { code: string; name: string }[];
}

export class ScenarioError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Scenario cannot be applied:\n- ${issues.join("\n- ")}`);
    this.name = "ScenarioError";
    this.issues = issues;
  }
}

export function parseScenario(input: unknown): ParsedDemandScenario {
  const parsed = DemandScenarioSchema.safeParse(input);
  if (!parsed.success) {
    throw new ScenarioError(
      parsed.error.issues.map((issue) =>
        issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
      ),
    );
  }
  return parsed.data;
}

export interface AppliedScenario {
  scenario: ParsedDemandScenario;
  neighbourhoods: NeighbourhoodInput[];
  services: ServiceInput[];
  parameters: ParameterSet;
  /** What each capacity change did, in plain words. */
  changeLog: string[];
}

export function applyScenario(base: DemandBase, input: DemandScenario | ParsedDemandScenario): AppliedScenario {
  const scenario = parseScenario(input);
  const parameters = resolveParameters(scenario.parameterOverrides);
  const codes = new Set(base.neighbourhoods.map((n) => n.code));
  let services: ServiceInput[] = base.services.map((s) => ({
    ...s,
    neighbourhoods: s.neighbourhoods.map((c) => ({ ...c })),
  }));
  const issues: string[] = [];
  const changeLog: string[] = [];

  scenario.capacityChanges.forEach((change, index) => {
    const where = `Capacity change ${index + 1}`;
    if (change.kind === "remove") {
      const exists = services.some((s) => s.id === change.serviceId);
      if (!exists) {
        issues.push(`${where}: service ${change.serviceId} is not in the base, so it cannot be removed.`);
        return;
      }
      services = services.filter((s) => s.id !== change.serviceId);
      changeLog.push(`Removed service ${change.serviceId}.`);
      return;
    }
    const existing = change.serviceId === undefined ? undefined : services.find((s) => s.id === change.serviceId);
    if (existing) {
      if (change.neighbourhoods.length > 0 || change.fteBasis === "each" || change.clientsPerFte !== undefined) {
        issues.push(
          `${where}: service ${existing.id} exists, so only its FTE can change here; to change where it works or its ` +
            "throughput, remove it and add a new service.",
        );
        return;
      }
      const fte = existing.fundedFte + change.addFte;
      if (fte < -1e-9) {
        issues.push(
          `${where}: service ${existing.id} has ${
            existing.fundedFte
          } FTE; removing ${-change.addFte} would leave less than zero.`,
        );
        return;
      }
      services = services.map((s) => (s.id === existing.id ? { ...s, fundedFte: Math.max(0, fte) } : s));
      changeLog.push(
        `${change.addFte > 0 ? "Added" : "Removed"} ${Math.abs(change.addFte)} FTE ${
          change.addFte > 0 ? "to" : "from"
        } service ${existing.id}.`,
      );
      return;
    }
    if (change.addFte < 0) {
      issues.push(
        `${where}: a new service needs a positive FTE${
          change.serviceId ? ` (no service ${change.serviceId} to reduce)` : ""
        }.`,
      );
      return;
    }
    if (change.neighbourhoods.length === 0) {
      issues.push(`${where}: a new service needs at least one neighbourhood.`);
      return;
    }
    const unknown = change.neighbourhoods.filter((c) => !codes.has(c.code)).map((c) => c.code);
    if (unknown.length > 0) {
      issues.push(`${where}: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in this footprint.`);
      return;
    }
    const id = change.serviceId ?? `scenario-service-${index + 1}`;
    const count = change.neighbourhoods.length;
    const each = change.fteBasis === "each";
    if (each && change.neighbourhoods.some((c) => c.share !== undefined)) {
      issues.push(`${where}: with FTE in each neighbourhood, leave the shares blank.`);
      return;
    }
    services.push({
      id,
      name: change.label,
      fundedFte: each ? change.addFte * count : change.addFte,
      ...(change.clientsPerFte !== undefined ? { clientsPerFte: change.clientsPerFte } : {}),
      // "each" means the same FTE in every listed neighbourhood: equal explicit shares.
      neighbourhoods: each
        ? change.neighbourhoods.map((c) => ({ code: c.code, share: 1 / count }))
        : change.neighbourhoods,
    });
    changeLog.push(
      each
        ? `Added service ${id}: ${change.addFte} FTE in each of ${count} neighbourhoods (${
            change.addFte * count
          } FTE in all).`
        : `Added service ${id}: ${change.addFte} FTE across ${count} neighbourhood(s).`,
    );
  });

  if (issues.length > 0) throw new ScenarioError(issues);
  return { scenario, neighbourhoods: base.neighbourhoods, services, parameters, changeLog };
}

export interface ScenarioRun {
  name: string;
  applied: AppliedScenario;
  result: DemandModelResult;
}

export function runScenario(base: DemandBase, scenario: DemandScenario, options: DemandModelOptions): ScenarioRun {
  const applied = applyScenario(base, scenario);
  const result = runDemandModel({
    neighbourhoods: applied.neighbourhoods,
    services: applied.services,
    parameters: applied.parameters,
    options,
    places: base.places,
  });
  return { name: applied.scenario.name, applied, result };
}

export interface ProjectionYear {
  /** 0 = base year. */
  yearOffset: number;
  /** Calendar year when the projection gives a start year. */
  year: number | null;
  populationFactor: number;
  result: DemandModelResult;
}

export interface ProjectionRun {
  name: string;
  projection: Projection;
  assumption: string;
  years: ProjectionYear[];
}

/**
 * Runs the scenario for year 0 and each projected year. Every year uses the same
 * seed, so all years share the same parameter draws: the year-on-year change then
 * reflects population growth alone, not simulation noise.
 */
export function projectScenario(
  base: DemandBase,
  scenario: DemandScenario,
  options: DemandModelOptions,
  projectionOverride?: z.input<typeof ProjectionSchema>,
): ProjectionRun {
  const applied = applyScenario(base, scenario);
  const projectionInput = projectionOverride ?? applied.scenario.projection;
  if (!projectionInput)
    throw new ScenarioError(["Give a projection (years and annual growth rate) to project demand."]);
  const parsed = ProjectionSchema.safeParse(projectionInput);
  if (!parsed.success) throw new ScenarioError(parsed.error.issues.map((issue) => issue.message));
  const projection = parsed.data;
  const years: ProjectionYear[] = [];
  for (let t = 0; t <= projection.years; t++) {
    const populationFactor = Math.pow(1 + projection.annualGrowthRate, t);
    const result = runDemandModel({
      neighbourhoods: applied.neighbourhoods.map((n) => ({
        ...n,
        registeredAdults: n.registeredAdults * populationFactor,
      })),
      services: applied.services,
      parameters: applied.parameters,
      options,
      places: base.places,
    });
    years.push({
      yearOffset: t,
      year: projection.startYear === undefined ? null : projection.startYear + t,
      populationFactor,
      result,
    });
  }
  return { name: applied.scenario.name, projection, assumption: GROWTH_ASSUMPTION_NOTE, years };
}

// --- comparison --------------------------------------------------------------

export const COMPARED_MEASURES = [
  "registeredAdults",
  "potentialDemand",
  "expectedReferrals",
  "expectedClients",
  "fteNeeded",
  "budgetNeededGbp",
  "fundedFte",
  "capacityClients",
  "gapClients",
  "unmetNeedClients",
  "surplusClients",
  "fteGap",
] as const satisfies readonly (keyof AreaMeasures)[];

export type ComparedMeasure = (typeof COMPARED_MEASURES)[number];

export interface MeasureComparison {
  a: Estimate;
  b: Estimate;
  /** b − a, central estimates. */
  difference: number;
  /** (b − a) ÷ a; null when a is 0. */
  relativeDifference: number | null;
}

export interface AreaComparison {
  level: "neighbourhood" | "place" | "system";
  code: string;
  name: string;
  measures: Record<ComparedMeasure, MeasureComparison>;
}

export interface ParameterDifference {
  id: ParameterId;
  label: string;
  a: { value: number; low: number; high: number };
  b: { value: number; low: number; high: number };
}

export interface ScenarioComparison {
  a: string;
  b: string;
  system: AreaComparison;
  places: AreaComparison[];
  neighbourhoods: AreaComparison[];
  parameterDifferences: ParameterDifference[];
  onlyInA: string[];
  onlyInB: string[];
  notes: string[];
}

type Comparable = DemandModelResult | ScenarioRun | { name: string; result: DemandModelResult };

function unwrap(x: Comparable, fallbackName: string): { name: string; result: DemandModelResult } {
  return "result" in x ? { name: x.name, result: x.result } : { name: fallbackName, result: x };
}

function asEstimate(value: number | Estimate): Estimate {
  return typeof value === "number" ? { central: value, lower: value, upper: value } : value;
}

function compareMeasures(a: AreaMeasures, b: AreaMeasures): Record<ComparedMeasure, MeasureComparison> {
  const out = {} as Record<ComparedMeasure, MeasureComparison>;
  for (const m of COMPARED_MEASURES) {
    const ea = asEstimate(a[m]);
    const eb = asEstimate(b[m]);
    const difference = eb.central - ea.central;
    out[m] = { a: ea, b: eb, difference, relativeDifference: ea.central === 0 ? null : difference / ea.central };
  }
  return out;
}

/** Side by side: every area in both results, with b − a for each measure. */
export function compareScenarios(aInput: Comparable, bInput: Comparable): ScenarioComparison {
  const a = unwrap(aInput, "Scenario A");
  const b = unwrap(bInput, "Scenario B");
  const notes: string[] = [];
  const onlyInA: string[] = [];
  const onlyInB: string[] = [];

  const pair = <T extends { code: string; name: string; measures: AreaMeasures }>(
    level: AreaComparison["level"],
    xs: T[],
    ys: T[],
  ): AreaComparison[] => {
    const ysByCode = new Map(ys.map((y) => [y.code, y]));
    const xsCodes = new Set(xs.map((x) => x.code));
    const compared: AreaComparison[] = [];
    for (const x of xs) {
      const y = ysByCode.get(x.code);
      if (!y) {
        onlyInA.push(`${level} ${x.code}`);
        continue;
      }
      compared.push({ level, code: x.code, name: x.name, measures: compareMeasures(x.measures, y.measures) });
    }
    for (const y of ys) if (!xsCodes.has(y.code)) onlyInB.push(`${level} ${y.code}`);
    return compared;
  };

  const parameterDifferences: ParameterDifference[] = [];
  for (const id of PARAMETER_IDS) {
    const pa = a.result.parameters[id];
    const pb = b.result.parameters[id];
    if (pa.value !== pb.value || pa.low !== pb.low || pa.high !== pb.high) {
      parameterDifferences.push({
        id,
        label: PARAMETER_CATALOGUE[id].label,
        a: { value: pa.value, low: pa.low, high: pa.high },
        b: { value: pb.value, low: pb.low, high: pb.high },
      });
    }
  }

  const ua = a.result.uncertainty;
  const ub = b.result.uncertainty;
  if (ua.seed !== ub.seed || ua.draws !== ub.draws) {
    notes.push(
      "The two runs used different seeds or draw counts, so their intervals differ partly by chance; rerun with the same seed to compare.",
    );
  }
  if (ua.intervalLevel !== ub.intervalLevel) notes.push("The two runs report intervals at different levels.");
  notes.push("Differences are between central estimates; the intervals shown are each scenario's own.");

  return {
    a: a.name,
    b: b.name,
    system: {
      level: "system",
      code: "system",
      name: "System",
      measures: compareMeasures(a.result.system.measures, b.result.system.measures),
    },
    places: pair("place", a.result.places, b.result.places),
    neighbourhoods: pair("neighbourhood", a.result.neighbourhoods, b.result.neighbourhoods),
    parameterDifferences,
    onlyInA,
    onlyInB,
    notes,
  };
}
