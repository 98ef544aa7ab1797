/**
 * The demand pages' data: the ICB's inputs, the scenarios the user may see, and the
 * scenario asked for (a saved one, with any parameters changed in the query on top).
 * The model itself runs in app/domain/demand (on the server for the first render and
 * exports, in the browser when a parameter changes).
 */
import type { Queryable } from "../../../db/client";
import type { Actor } from "../../auth/permissions";
import { applyParameterFields } from "../../domain/demand/form";
import { DEFAULT_SCENARIO, type DemandScenarioSpec } from "../../domain/demand/view";
import { type LoadedDemandInputs, loadDemandInputs } from "./inputs.server";
import { type DemandAccess, demandAccess, getScenario, listScenarios, type ScenarioDetail } from "./scenarios.server";

export type DemandPage = {
  inputs: LoadedDemandInputs;
  access: DemandAccess;
  scenarios: ScenarioDetail[];
  /** The saved scenario the page starts from, if any. */
  scenario: ScenarioDetail | null;
  /** What runs: the saved scenario (or the defaults) with the query's parameters on top. */
  spec: DemandScenarioSpec;
  formErrors: { field: string; message: string }[];
};

/** Which scenario to start from: ?scenario=<id>, or the defaults. */
export function scenarioIdFrom(query: URLSearchParams, key = "scenario"): number | null | "invalid" {
  const raw = query.get(key);
  if (raw === null || raw === "" || raw === "default") return null;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : "invalid";
}

/**
 * The page for an ICB, or null when the ICB is unknown, the user may not see it, or
 * the scenario asked for is not one they may see (all reported as not found).
 */
export async function getDemandPage({ db, actor, icbCode, query, today }: { db: Queryable; actor: Actor; icbCode: string; query: URLSearchParams; today: string }): Promise<DemandPage | "forbidden" | null> {
  const inputs = await loadDemandInputs({ db, icbCode, today });
  if (!inputs) return null;
  const access = await demandAccess({ db, actor, icbCode: inputs.icb.code });
  if (!access.canView) return "forbidden";
  const scenarios = await listScenarios({ db, actor, icbCode: inputs.icb.code });
  const id = scenarioIdFrom(query);
  if (id === "invalid") return null;
  const scenario = id === null ? null : (scenarios.find((s) => s.id === id) ?? null);
  if (id !== null && !scenario) return null;
  const start = scenario?.spec ?? DEFAULT_SCENARIO;
  const { overrides, errors } = applyParameterFields(start.parameterOverrides, query);
  const spec: DemandScenarioSpec = { ...start, parameterOverrides: overrides };
  return { inputs, access, scenarios, scenario, spec, formErrors: errors };
}

/** A scenario for the comparison page: "default" or a saved id the user may see. */
export async function resolveScenarioSpec({ db, actor, icbCode, id }: { db: Queryable; actor: Actor; icbCode: string; id: number | null }): Promise<{ spec: DemandScenarioSpec; scenario: ScenarioDetail | null } | null> {
  if (id === null) return { spec: DEFAULT_SCENARIO, scenario: null };
  const scenario = await getScenario({ db, actor, icbCode, id });
  return scenario ? { spec: scenario.spec, scenario } : null;
}
