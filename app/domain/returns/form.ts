/**
 * The return form: its fields, one zod schema for browser and server (Conform), and the
 * conversions between what people type (pounds, blanks) and the stored aggregates
 * (pence, nulls). A schema factory, because which measures are required depends on the
 * requirement.
 */
import { z } from "zod";
import { optionalText } from "../../validation/fields";
import { HOUSING_OUTCOMES, PROBLEM_AREAS, REFERRAL_SOURCES } from "../hjp/vocabularies";
import {
  EMPTY_AGGREGATES,
  HOUSING_OUTCOME_CODES,
  MAX_COUNT,
  MAX_PENCE,
  type MeasureCode,
  PROBLEM_AREA_CODES,
  REFERRAL_SOURCE_CODES,
  type ReturnAggregates,
  sumOf,
} from "./measures";

export type FieldKind = "count" | "money" | "decimal" | "text";
export type FormField = { name: string; label: string; kind: FieldKind; measure: MeasureCode; hint?: string };

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Every field in the order the form shows them (and the error summary lists them). */
export const FORM_FIELDS: FormField[] = [
  { name: "clientsAdvised", label: "Clients advised", kind: "count", measure: "clients-advised", hint: "People who had advice from the service this period (count each person once)" },
  ...REFERRAL_SOURCES.map((s) => ({ name: `referrals_${s.code}`, label: s.label, kind: "count" as const, measure: "referrals-by-source" as const })),
  ...PROBLEM_AREAS.map((p) => ({ name: `problems_${p.code}`, label: p.label, kind: "count" as const, measure: "problem-mix" as const })),
  { name: "clientsWithGains", label: "Clients with financial gains", kind: "count", measure: "financial-gains" },
  { name: "gainsRecurring", label: "Recurring gains a year (£)", kind: "money", measure: "financial-gains", hint: "Benefits and other income secured, for one year, in pounds" },
  { name: "gainsOneOff", label: "One-off gains (£)", kind: "money", measure: "financial-gains", hint: "Backdated awards, grants and refunds, in pounds" },
  { name: "clientsWithDebtOutcome", label: "Clients with debt managed or written off", kind: "count", measure: "debt-managed" },
  { name: "debtManaged", label: "Debt managed (£)", kind: "money", measure: "debt-managed", hint: "Debt rescheduled or brought under a repayment plan, in pounds" },
  { name: "debtWrittenOff", label: "Debt written off (£)", kind: "money", measure: "debt-managed", hint: "In pounds" },
  ...HOUSING_OUTCOMES.filter((h) => h.code !== "none").map((h) => ({ name: `housing_${h.code}`, label: h.label, kind: "count" as const, measure: "housing-outcomes" as const })),
  { name: "wellbeingN", label: "Clients with wellbeing scores at first contact and follow-up", kind: "count", measure: "wellbeing" },
  { name: "wellbeingMeanChange", label: "Average change in SWEMWBS score (points)", kind: "decimal", measure: "wellbeing", hint: "Follow-up minus first contact, for those clients: for example 2.5 or -1" },
  { name: "caseStudies", label: "Case studies", kind: "text", measure: "case-studies", hint: "One or two short stories of the difference advice made. Leave out anything that could identify a client." },
];

export const FIELD_NAMES = FORM_FIELDS.map((f) => f.name);

/** What each measure asks for when it is required and left blank. */
const REQUIRED_MESSAGES: Record<MeasureCode, string> = {
  "clients-advised": "Enter the number of clients advised",
  "referrals-by-source": "Enter the referrals from at least one source (enter 0 where there were none)",
  "problem-mix": "Enter the clients with at least one kind of problem",
  "financial-gains": "Enter the clients with financial gains (enter 0 if there were none)",
  "debt-managed": "Enter the clients with debt managed or written off (enter 0 if there were none)",
  "housing-outcomes": "Enter at least one housing outcome (enter 0 where there were none)",
  wellbeing: "Enter the clients with wellbeing scores at first contact and follow-up (enter 0 if none)",
  "case-studies": "Enter at least one case study",
};

/** Pounds as people type them (£1,250.50, 1250.5, 1250) to pence; null when it is not money. */
export function poundsToPence(text: string): number | null {
  const t = text.trim().replace(/^£\s*/, "");
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t)) return null;
  const [whole, fraction = ""] = t.replace(/,/g, "").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export function penceToPounds(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

function fieldSchema(f: FormField) {
  const name = lower(f.label.replace(/ \(£\)| \(points\)/, ""));
  if (f.kind === "count") {
    const message = `Enter ${name} as a whole number, like 12`;
    return z.number({ error: message }).int(message).min(0, message).max(MAX_COUNT, `${f.label} must be ${MAX_COUNT.toLocaleString("en-GB")} or fewer`).optional();
  }
  if (f.kind === "money") {
    const message = `Enter ${name} in pounds, like 1250.50`;
    return z
      .string()
      .refine((v) => poundsToPence(v) !== null, message)
      .refine((v) => (poundsToPence(v) ?? 0) <= MAX_PENCE, `${f.label.replace(" (£)", "")} must be £1,000,000,000 or less`)
      .optional();
  }
  if (f.kind === "decimal") {
    const message = `Enter the ${name} as a number between -28 and 28, like 2.5`;
    return z.number({ error: message }).min(-28, message).max(28, message).optional();
  }
  return optionalText(10_000, "Case studies");
}

type FormValue = Record<string, string | number | undefined>;

/** The return form's schema: checks every field, the measures the requirement requires, and totals that cannot be right. */
export function returnFormSchema(required: readonly MeasureCode[]) {
  const shape = Object.fromEntries(FORM_FIELDS.map((f) => [f.name, fieldSchema(f)]));
  return z.object(shape).superRefine((raw, ctx) => {
    const value = raw as FormValue;
    const given = (f: FormField) => value[f.name] !== undefined && value[f.name] !== "";
    for (const measure of required) {
      const fields = FORM_FIELDS.filter((f) => f.measure === measure);
      if (!fields.some(given)) ctx.addIssue({ code: "custom", path: [fields[0].name], message: REQUIRED_MESSAGES[measure] });
    }
    const advised = typeof value.clientsAdvised === "number" ? value.clientsAdvised : null;
    const noMoreThanAdvised = (name: string, what: string) => {
      const n = value[name];
      if (advised !== null && typeof n === "number" && n > advised) ctx.addIssue({ code: "custom", path: [name], message: `${what} (${n}) cannot be more than the clients advised (${advised})` });
    };
    noMoreThanAdvised("clientsWithGains", "Clients with financial gains");
    noMoreThanAdvised("clientsWithDebtOutcome", "Clients with debt managed or written off");
    noMoreThanAdvised("wellbeingN", "Clients with wellbeing scores");
    const needsPeople = (moneyNames: string[], peopleName: string, message: string) => {
      const money = moneyNames.some((n) => typeof value[n] === "string" && (poundsToPence(value[n] as string) ?? 0) > 0);
      if (money && (value[peopleName] === undefined || value[peopleName] === 0)) ctx.addIssue({ code: "custom", path: [peopleName], message });
    };
    needsPeople(["gainsRecurring", "gainsOneOff"], "clientsWithGains", "Enter how many clients had the financial gains you entered");
    needsPeople(["debtManaged", "debtWrittenOff"], "clientsWithDebtOutcome", "Enter how many clients had the debt you entered managed or written off");
    if (value.wellbeingMeanChange !== undefined && !value.wellbeingN) ctx.addIssue({ code: "custom", path: ["wellbeingN"], message: "Enter how many clients the average change in wellbeing is for" });
  });
}

const count = (v: unknown): number | null => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v.trim()) : null);
const money = (v: unknown): number | null => (typeof v === "string" && v.trim() ? poundsToPence(v) : typeof v === "number" ? Math.round(v * 100) : null);

function breakdown(value: Record<string, unknown>, prefix: string, codes: string[]): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const code of codes) {
    const n = count(value[`${prefix}_${code}`]);
    if (n !== null) out[code] = n;
  }
  return Object.keys(out).length ? out : null;
}

/** A valid form's values as aggregates (blank = not reported = null). */
export function formToAggregates(value: Record<string, unknown>): ReturnAggregates {
  const decimal = value.wellbeingMeanChange;
  const text = typeof value.caseStudies === "string" ? value.caseStudies.trim() : "";
  return {
    clientsAdvised: count(value.clientsAdvised),
    referralsBySource: breakdown(value, "referrals", REFERRAL_SOURCE_CODES),
    problemMix: breakdown(value, "problems", PROBLEM_AREA_CODES),
    clientsWithGains: count(value.clientsWithGains),
    gainsRecurringPence: money(value.gainsRecurring),
    gainsOneOffPence: money(value.gainsOneOff),
    clientsWithDebtOutcome: count(value.clientsWithDebtOutcome),
    debtManagedPence: money(value.debtManaged),
    debtWrittenOffPence: money(value.debtWrittenOff),
    housingOutcomes: breakdown(value, "housing", HOUSING_OUTCOME_CODES),
    wellbeingN: count(value.wellbeingN),
    wellbeingMeanChange: typeof decimal === "number" ? decimal : typeof decimal === "string" && decimal.trim() !== "" && Number.isFinite(Number(decimal)) ? Number(decimal) : null,
    caseStudies: text || null,
  };
}

/** Aggregates as the form's text values, to prefill a form (a resubmission starts from the last version). */
export function aggregatesToForm(a: ReturnAggregates): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, v: number | null) => {
    if (v !== null) out[name] = String(v);
  };
  put("clientsAdvised", a.clientsAdvised);
  for (const [k, v] of Object.entries(a.referralsBySource ?? {})) put(`referrals_${k}`, v);
  for (const [k, v] of Object.entries(a.problemMix ?? {})) put(`problems_${k}`, v);
  put("clientsWithGains", a.clientsWithGains);
  if (a.gainsRecurringPence !== null) out.gainsRecurring = penceToPounds(a.gainsRecurringPence);
  if (a.gainsOneOffPence !== null) out.gainsOneOff = penceToPounds(a.gainsOneOffPence);
  put("clientsWithDebtOutcome", a.clientsWithDebtOutcome);
  if (a.debtManagedPence !== null) out.debtManaged = penceToPounds(a.debtManagedPence);
  if (a.debtWrittenOffPence !== null) out.debtWrittenOff = penceToPounds(a.debtWrittenOffPence);
  for (const [k, v] of Object.entries(a.housingOutcomes ?? {})) put(`housing_${k}`, v);
  put("wellbeingN", a.wellbeingN);
  put("wellbeingMeanChange", a.wellbeingMeanChange);
  if (a.caseStudies) out.caseStudies = a.caseStudies;
  return out;
}

/** Only the form's own fields, as text: what a draft or preserved form holds (never anything else the request carried). */
export function pickFormValues(entries: Iterable<[string, unknown]>): Record<string, string> {
  const names = new Set(FIELD_NAMES);
  const out: Record<string, string> = {};
  for (const [k, v] of entries) if (names.has(k) && typeof v === "string" && v !== "") out[k] = v.slice(0, 10_000);
  return out;
}

export { EMPTY_AGGREGATES, sumOf };
