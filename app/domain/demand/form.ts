/**
 * The parameter form, in the units commissioners read (percentages for shares, £ for
 * money), and its conversion to model overrides. One zod schema serves the server
 * (GET query, POST body) and the browser (live recompute), so both say the same
 * thing about the same input.
 */
import { z } from "zod";
import { PARAMETER_CATALOGUE, PARAMETER_IDS, type ParameterId, type ParameterOverrides } from "./parameters";

const scaleOf = (id: ParameterId) => PARAMETER_CATALOGUE[id].displayScale ?? 1;

/** A catalogue value as the form shows it (a share of 0.079 as 7.9). */
export function toDisplay(id: ParameterId, value: number): number {
  return Number((value * scaleOf(id)).toPrecision(6));
}

function fieldSchema(id: ParameterId) {
  const def = PARAMETER_CATALOGUE[id];
  const scale = scaleOf(id);
  const min = toDisplay(id, def.bounds.min);
  const max = toDisplay(id, def.bounds.max);
  const unit = scale === 100 ? "%" : "";
  const message = `${def.label} must be a number from ${min.toLocaleString("en-GB")}${unit} to ${max.toLocaleString("en-GB")}${unit}`;
  return z.coerce
    .number({ error: message })
    .refine((x) => Number.isFinite(x) && x >= min && x <= max, { error: message })
    .optional();
}

/** Every parameter as an optional form field named by its id. Blank means "the default". */
export const ParameterFormSchema = z.object(
  Object.fromEntries(PARAMETER_IDS.map((id) => [id, fieldSchema(id)])) as Record<ParameterId, ReturnType<typeof fieldSchema>>,
);
export type ParameterForm = z.infer<typeof ParameterFormSchema>;

/** Form values → overrides: only what differs from the default is kept. */
export function overridesFromForm(form: ParameterForm): ParameterOverrides {
  const overrides: ParameterOverrides = {};
  for (const id of PARAMETER_IDS) {
    const shown = form[id];
    if (shown === undefined) continue;
    // Compared in the units shown: the field shows the default rounded, and leaving
    // it untouched must not turn the rounded default into an override.
    if (shown === toDisplay(id, PARAMETER_CATALOGUE[id].default)) continue;
    overrides[id] = { value: shown / scaleOf(id) };
  }
  return overrides;
}

/** Overrides → the values the form shows (defaults where not overridden). */
export function formValues(overrides: ParameterOverrides): Record<ParameterId, number> {
  return Object.fromEntries(PARAMETER_IDS.map((id) => [id, toDisplay(id, overrides[id]?.value ?? PARAMETER_CATALOGUE[id].default)])) as Record<ParameterId, number>;
}

/** Reads the form's fields from a query string or form body; blank fields are left out. */
export function readParameterFields(source: URLSearchParams | FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const id of PARAMETER_IDS) {
    const raw = source.get(id);
    if (typeof raw === "string" && raw.trim() !== "") fields[id] = raw.trim().replace(/[,£%\s]/g, "");
  }
  return fields;
}

export type ParameterFormResult = { overrides: ParameterOverrides; errors: { field: ParameterId; message: string }[] };

/** Parses the fields; an invalid field is reported and left at its default, so results still show. */
export function parseParameterFields(source: URLSearchParams | FormData): ParameterFormResult {
  const fields = readParameterFields(source);
  const parsed = ParameterFormSchema.safeParse(fields);
  if (parsed.success) return { overrides: overridesFromForm(parsed.data), errors: [] };
  const errors = parsed.error.issues.map((issue) => ({ field: issue.path[0] as ParameterId, message: issue.message }));
  const bad = new Set(errors.map((e) => e.field));
  const good = Object.fromEntries(Object.entries(fields).filter(([k]) => !bad.has(k as ParameterId)));
  const retry = ParameterFormSchema.safeParse(good);
  return { overrides: retry.success ? overridesFromForm(retry.data) : {}, errors };
}

/** Overrides as query parameters, for links that carry the current parameters. */
export function overridesToQuery(overrides: ParameterOverrides): URLSearchParams {
  const query = new URLSearchParams();
  for (const id of PARAMETER_IDS) {
    const value = overrides[id]?.value;
    if (value !== undefined) query.set(id, String(toDisplay(id, value)));
  }
  return query;
}

/**
 * A form or query on top of a scenario's overrides: every parameter field present
 * decides that parameter (a field set back to its default removes the scenario's
 * override); parameters without a field keep the scenario's value.
 */
export function applyParameterFields(base: ParameterOverrides, source: URLSearchParams | FormData): ParameterFormResult {
  const present = new Set(PARAMETER_IDS.filter((id) => typeof source.get(id) === "string" && String(source.get(id)).trim() !== ""));
  const { overrides, errors } = parseParameterFields(source);
  const invalid = new Set(errors.map((e) => e.field));
  const kept = Object.fromEntries(Object.entries(base).filter(([id]) => !present.has(id as ParameterId) || invalid.has(id as ParameterId))) as ParameterOverrides;
  return { overrides: { ...kept, ...overrides }, errors };
}

/** The query that reproduces what is on screen: the scenario and any changed parameters. */
export function demandQuery(scenarioId: number | null, overrides: ParameterOverrides, saved: ParameterOverrides): string {
  const query = overridesToQuery(overrides);
  // Parameters the saved scenario sets and the user set back to the default must
  // still travel, or the link would bring the scenario's value back.
  const shown = formValues(overrides);
  for (const id of Object.keys(saved) as (keyof ParameterOverrides)[]) if (!overrides[id]) query.set(id, String(shown[id]));
  if (scenarioId !== null) query.set("scenario", String(scenarioId));
  query.sort();
  return query.toString();
}
