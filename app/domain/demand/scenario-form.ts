/**
 * The "save as a scenario" form: a name, who may see it, the growth assumption, the
 * parameters (as on the results page) and capacity changes, e.g. "a co-located
 * adviser half a day a week in these five PCNs". One schema for Conform on both sides.
 */
import { z } from "zod";
import { listCode, optionalText, requiredText } from "../../validation/fields";
import { overridesFromForm, ParameterFormSchema } from "./form";
import { type CapacityChange, halfDaySessionsToFte } from "./scenario";
import type { DemandScenarioSpec } from "./view";

const list = (message: string) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(listCode(message)).max(2000, message));

export const ScenarioFormSchema = ParameterFormSchema.extend({
  name: requiredText("Enter a name for the scenario", 120, "Name"),
  description: optionalText(2000, "Description"),
  sharedWithVcse: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  annualGrowthPercent: z.coerce
    .number({ error: "Population growth must be a number from -5 to 5 (% a year)" })
    .min(-5, { error: "Population growth must be a number from -5 to 5 (% a year)" })
    .max(5, { error: "Population growth must be a number from -5 to 5 (% a year)" }),
  projectionYears: z.coerce
    .number({ error: "Years to project must be a whole number from 1 to 30" })
    .int({ error: "Years to project must be a whole number from 1 to 30" })
    .min(1, { error: "Years to project must be a whole number from 1 to 30" })
    .max(30, { error: "Years to project must be a whole number from 1 to 30" }),
  addSessionsPerWeek: z.coerce
    .number({ error: "Half-day sessions a week must be a number from 0.5 to 10" })
    .min(0.5, { error: "Half-day sessions a week must be a number from 0.5 to 10" })
    .max(10, { error: "Half-day sessions a week must be a number from 0.5 to 10" })
    .optional(),
  addNeighbourhoods: list("Choose neighbourhoods from the list"),
  removeServices: list("Choose services from the list"),
}).superRefine((form, ctx) => {
  if (form.addSessionsPerWeek !== undefined && form.addNeighbourhoods.length === 0) {
    ctx.addIssue({ code: "custom", path: ["addNeighbourhoods"], message: "Choose the neighbourhoods where the new adviser works" });
  }
  if (form.addNeighbourhoods.length > 0 && form.addSessionsPerWeek === undefined) {
    ctx.addIssue({ code: "custom", path: ["addSessionsPerWeek"], message: "Enter how many half-day sessions a week the new adviser works in each neighbourhood" });
  }
});
export type ScenarioForm = z.infer<typeof ScenarioFormSchema>;

export interface SavedScenarioFields {
  name: string;
  description: string | null;
  sharedWithVcse: boolean;
  spec: DemandScenarioSpec;
}

/** The validated form as a scenario the model runs. */
export function scenarioFromForm(form: ScenarioForm): SavedScenarioFields {
  const capacityChanges: CapacityChange[] = [];
  if (form.addSessionsPerWeek !== undefined && form.addNeighbourhoods.length > 0) {
    capacityChanges.push({
      kind: "add",
      label: `Co-located adviser, ${form.addSessionsPerWeek} half-day session${form.addSessionsPerWeek === 1 ? "" : "s"} a week in each of ${form.addNeighbourhoods.length} neighbourhood${form.addNeighbourhoods.length === 1 ? "" : "s"}`,
      addFte: halfDaySessionsToFte(form.addSessionsPerWeek),
      fteBasis: "each",
      neighbourhoods: form.addNeighbourhoods.map((code) => ({ code })),
    });
  }
  for (const serviceId of form.removeServices) capacityChanges.push({ kind: "remove", serviceId });
  return {
    name: form.name,
    description: form.description || null,
    sharedWithVcse: form.sharedWithVcse,
    spec: {
      name: form.name,
      parameterOverrides: overridesFromForm(form),
      capacityChanges,
      annualGrowthRate: Math.round(form.annualGrowthPercent * 1e6) / 1e8,
      projectionYears: form.projectionYears,
    },
  };
}
