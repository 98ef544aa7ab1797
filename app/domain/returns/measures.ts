/**
 * What a VCSE partner reports each period, as aggregates. A return made through the web
 * form holds these figures only; an uploaded case-level file is summed into the same
 * shape (aggregate.ts), so previews, plausibility checks and KPIs read one structure.
 * Money is integer pence; counts are whole numbers of clients.
 */
import { z } from "zod";
import { HOUSING_OUTCOMES, PROBLEM_AREAS, REFERRAL_SOURCES } from "../hjp/vocabularies";

export const MEASURES = [
  { code: "clients-advised", label: "Clients advised" },
  { code: "referrals-by-source", label: "Referrals by source" },
  { code: "problem-mix", label: "Problem mix" },
  { code: "financial-gains", label: "Financial gains" },
  { code: "debt-managed", label: "Debt managed" },
  { code: "housing-outcomes", label: "Housing outcomes" },
  { code: "wellbeing", label: "Wellbeing" },
  { code: "case-studies", label: "Case studies" },
] as const;
export type MeasureCode = (typeof MEASURES)[number]["code"];
export const MEASURE_CODES = MEASURES.map((m) => m.code) as [MeasureCode, ...MeasureCode[]];
/** Every measure but case studies: what a requirement asks for unless it says otherwise. */
export const DEFAULT_REQUIRED_MEASURES: MeasureCode[] = MEASURE_CODES.filter((c) => c !== "case-studies");

export const REFERRAL_SOURCE_CODES = REFERRAL_SOURCES.map((s) => s.code) as string[];
export const PROBLEM_AREA_CODES = PROBLEM_AREAS.map((p) => p.code) as string[];
/** "none" is not an outcome to report. */
export const HOUSING_OUTCOME_CODES = HOUSING_OUTCOMES.map((h) => h.code).filter((c) => c !== "none") as string[];

/** Most clients a small service could see in a quarter, with a wide margin: a typing slip, not a busy quarter. */
export const MAX_COUNT = 1_000_000;
/** £1 billion: beyond it a figure cannot be a service's quarter. */
export const MAX_PENCE = 100_000_000_000;

const count = z.number().int().min(0).max(MAX_COUNT);
const pence = z.number().int().min(0).max(MAX_PENCE);
const breakdown = (codes: string[]) =>
  z.record(z.string(), count).refine((r) => Object.keys(r).every((k) => codes.includes(k)), { message: "unknown category" });

/** The stored form of a return's figures (jsonb in return_versions.aggregates), checked whenever it is read. */
export const ReturnAggregatesSchema = z.object({
  clientsAdvised: count.nullable(),
  referralsBySource: breakdown(REFERRAL_SOURCE_CODES).nullable(),
  problemMix: breakdown(PROBLEM_AREA_CODES).nullable(),
  clientsWithGains: count.nullable(),
  gainsRecurringPence: pence.nullable(),
  gainsOneOffPence: pence.nullable(),
  clientsWithDebtOutcome: count.nullable(),
  debtManagedPence: pence.nullable(),
  debtWrittenOffPence: pence.nullable(),
  housingOutcomes: breakdown(HOUSING_OUTCOME_CODES).nullable(),
  wellbeingN: count.nullable(),
  wellbeingMeanChange: z.number().min(-28).max(28).nullable(),
  caseStudies: z.string().max(10_000).nullable(),
});
export type ReturnAggregates = z.infer<typeof ReturnAggregatesSchema>;

export const EMPTY_AGGREGATES: ReturnAggregates = {
  clientsAdvised: null,
  referralsBySource: null,
  problemMix: null,
  clientsWithGains: null,
  gainsRecurringPence: null,
  gainsOneOffPence: null,
  clientsWithDebtOutcome: null,
  debtManagedPence: null,
  debtWrittenOffPence: null,
  housingOutcomes: null,
  wellbeingN: null,
  wellbeingMeanChange: null,
  caseStudies: null,
};

export const sumOf = (r: Record<string, number> | null | undefined): number | null => (r ? Object.values(r).reduce((s, n) => s + n, 0) : null);

/** Total referrals: the sum by source. */
export const totalReferrals = (a: ReturnAggregates) => sumOf(a.referralsBySource);
/** Total financial gains (recurring a year plus one-off), pence. */
export const totalGainsPence = (a: ReturnAggregates) =>
  a.gainsRecurringPence === null && a.gainsOneOffPence === null ? null : (a.gainsRecurringPence ?? 0) + (a.gainsOneOffPence ?? 0);
