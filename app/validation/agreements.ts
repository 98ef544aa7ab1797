/**
 * The agreement form, one schema for browser and server (Conform + zod). The form's
 * shape is flat where people type (pounds, a quarterly target and per-quarter
 * overrides); `toAgreementInput` turns it into the stored content.
 */
import { z } from "zod";
import { AGREEMENT_TYPES, type AgreementType, termProblems } from "../domain/agreements/lifecycle";
import { expandTargets, formatTargetOverrides, KPI_CODES, kpiMeasure, type KpiMeasure, parseTargetOverrides, termQuarters, usualTarget } from "../domain/agreements/kpis";
import { MAX_PENCE } from "../domain/returns/measures";
import { isoDate, listCode, MAX_RECORD_ID, optionalText as boundedOptionalText, recordId, requiredText } from "./fields";
import { PAYMENT_FREQUENCY_CODES, parsePoundsToPence, paymentSchedule, penceToPoundsText, type PaymentFrequency } from "../domain/agreements/money";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (message: string, max: number, label: string) => requiredText(message, max, label);
const optionalText = (label: string, max = 4000) => boundedOptionalText(max, label);
const date = (message: string) => isoDate(message);
const email = z
  .string({ error: "Enter an email address in the correct format, like name@example.org" })
  .trim()
  .toLowerCase()
  .max(320, "Enter an email address of 320 characters or fewer")
  .email("Enter an email address in the correct format, like name@example.org")
  .optional();
/** Parties and KPIs are a handful of rows on the page; more is a forged request. */
const MAX_ROWS = 20;
/** The largest KPI target: a count, a percentage or pounds, never more than the largest sum of money. */
const MAX_TARGET = MAX_PENCE / 100;
/** The longest term: long enough for any real agreement, short enough to lay out monthly payments over. */
const MAX_TERM_YEARS = 25;

/** Rows left blank in the fixed set of party and KPI rows are not rows. */
const rows = <T extends z.ZodTypeAny>(row: T, isBlank: (r: Record<string, unknown>) => boolean) =>
  z.preprocess((v) => (Array.isArray(v) ? v.filter((r) => r && typeof r === "object" && !isBlank(r as Record<string, unknown>)) : []), z.array(row));

const list = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const PARTY_ROWS = 3;
export const KPI_ROWS = 4;

export const AgreementFormSchema = z
  .object({
    revision: z.coerce.number({ error: "Reload the page and try again" }).int("Reload the page and try again").positive("Reload the page and try again").max(MAX_RECORD_ID, "Reload the page and try again").optional(),
    icbCode: listCode("Enter the ICB's ONS code, like E54000057", /^E54\d{6}$/).optional(),
    title: text("Enter a title for the agreement", 200, "Title"),
    type: z.enum(AGREEMENT_TYPES, { error: "Select the type of agreement" }),
    purpose: text("Enter the purpose of the agreement", 4000, "Purpose"),
    icbLeadName: text("Enter the name of the ICB's lead for this agreement", 200, "The ICB lead's name"),
    icbLeadEmail: email,
    parties: rows(
      z.object({
        organisationId: recordId("Select the organisation"),
        leadName: text("Enter the name of the organisation's lead", 200, "The lead's name"),
        leadEmail: email,
      }),
      (r) => !r.organisationId && !r.leadName && !r.leadEmail,
    ).pipe(z.array(z.any()).min(1, "Add at least one VCSE organisation as a party").max(MAX_ROWS, `Add no more than ${MAX_ROWS} parties`)),
    serviceIds: list(recordId("Select services from the list")).pipe(z.array(z.number()).max(200, "Select no more than 200 services")),
    footprintSystem: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    places: list(listCode("Select places from the list")).pipe(z.array(z.string()).max(200, "Select no more than 200 places")),
    neighbourhoods: list(listCode("Select neighbourhoods from the list")).pipe(z.array(z.string()).max(2000, "Select no more than 2,000 neighbourhoods")),
    value: z.string({ error: "Enter the value of the agreement in pounds" }).refine((v) => parsePoundsToPence(v) !== null, "Enter the value in pounds, like 120000 or 120000.50")
      .refine((v) => (parsePoundsToPence(v) ?? 0) <= MAX_PENCE, "Enter a value of £1,000,000,000 or less"),
    paymentFrequency: z.enum(PAYMENT_FREQUENCY_CODES, { error: "Select how the value is paid" }),
    startDate: date("Enter the start date"),
    endDate: date("Enter the end date"),
    reviewDate: isoDate("Enter the review date as a real date").optional(),
    governanceMeetings: optionalText("Governance meetings"),
    governanceSeats: optionalText("Governance seats"),
    governanceEscalation: optionalText("Escalation"),
    dataShared: optionalText("Data shared"),
    lawfulBasis: optionalText("Lawful basis"),
    retention: optionalText("Retention"),
    reportingFrequency: z.enum(["quarterly", "monthly", "annual"], { error: "Select how often the organisation reports" }),
    reportingDueDays: z.coerce.number({ error: "Enter the number of days after each period the report is due" }).int("Enter a whole number of days").min(0, "Enter 0 or more days").max(365, "Enter 365 days or fewer"),
    reportingMeasures: list(z.enum(KPI_CODES, { error: "Select measures from the list" })),
    reportingNotes: optionalText("Reporting notes"),
    kpis: rows(
      z.object({
        measure: z.enum(KPI_CODES, { error: "Select the KPI's measure" }),
        target: z.coerce
          .number({ error: "Enter the KPI's target for each quarter" })
          .min(0, "Enter a target of 0 or more")
          .max(MAX_TARGET, "Enter a target of 1,000,000,000 or less"),
        overrides: optionalText("Quarterly targets", 2000),
      }),
      (r) => !r.measure && (r.target === undefined || r.target === "") && !r.overrides,
    ).pipe(z.array(z.any()).max(MAX_ROWS, `Add no more than ${MAX_ROWS} KPIs`)),
    changeSummary: optionalText("Summary of changes", 4000),
  })
  .superRefine((v, ctx) => {
    for (const p of termProblems({ startDate: v.startDate, endDate: v.endDate, reviewDate: v.reviewDate ?? null })) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
    if (Number(v.endDate.slice(0, 4)) - Number(v.startDate.slice(0, 4)) > MAX_TERM_YEARS) ctx.addIssue({ code: "custom", path: ["endDate"], message: `End date must be within ${MAX_TERM_YEARS} years of the start date` });
    const seen = new Set<number>();
    v.parties.forEach((p: { organisationId: number }, i: number) => {
      if (seen.has(p.organisationId)) ctx.addIssue({ code: "custom", path: ["parties", i, "organisationId"], message: "Each organisation can be a party only once" });
      seen.add(p.organisationId);
    });
    const measures = new Set<string>();
    v.kpis.forEach((k, i) => {
      if (measures.has(k.measure)) ctx.addIssue({ code: "custom", path: ["kpis", i, "measure"], message: "Each measure can be a KPI only once" });
      measures.add(k.measure);
      const parsed = parseTargetOverrides(k.overrides ?? "");
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["kpis", i, "overrides"], message: parsed.message });
      if (kpiKindIsPercent(k.measure) && k.target > 100) ctx.addIssue({ code: "custom", path: ["kpis", i, "target"], message: "Enter a percentage target of 100 or less" });
    });
    if (!v.footprintSystem && v.places.length === 0 && v.neighbourhoods.length === 0) {
      ctx.addIssue({ code: "custom", path: ["footprintSystem"], message: "Select the footprint the agreement covers: the whole system, places or neighbourhoods" });
    }
  });
export type AgreementForm = z.infer<typeof AgreementFormSchema>;
export type AgreementFormInput = z.input<typeof AgreementFormSchema>;

function kpiKindIsPercent(measure: string) {
  return measure === "problems-resolved" || measure === "core20-share";
}

/** The order fields appear in, for the error summary. */
export const AGREEMENT_FIELD_ORDER = [
  // The title first: errors about the whole form (a stale edit) link to it.
  "title",
  "icbCode",
  "type",
  "purpose",
  "icbLeadName",
  "icbLeadEmail",
  "parties",
  ...Array.from({ length: PARTY_ROWS }, (_, i) => [`parties[${i}].organisationId`, `parties[${i}].leadName`, `parties[${i}].leadEmail`]).flat(),
  "serviceIds",
  "footprintSystem",
  "value",
  "paymentFrequency",
  "startDate",
  "endDate",
  "reviewDate",
  "reportingFrequency",
  "reportingDueDays",
  ...Array.from({ length: KPI_ROWS }, (_, i) => [`kpis[${i}].measure`, `kpis[${i}].target`, `kpis[${i}].overrides`]).flat(),
  "changeSummary",
];

/** What a service stores for a version, built from a valid form. */
export type AgreementInput = {
  title: string;
  type: AgreementType;
  purpose: string;
  icbLeadName: string;
  icbLeadEmail: string | null;
  parties: { organisationId: number; leadName: string; leadEmail: string | null }[];
  serviceIds: number[];
  footprints: { system: boolean; places: string[]; neighbourhoods: string[] };
  valuePence: number;
  paymentFrequency: PaymentFrequency;
  paymentSchedule: { dueDate: string; amountPence: number }[];
  startDate: string;
  endDate: string;
  reviewDate: string | null;
  governance: { meetings: string; seats: string; escalation: string };
  dataSharing: { data: string; lawfulBasis: string; retention: string };
  reporting: { frequency: "quarterly" | "monthly" | "annual"; dueDaysAfterPeriodEnd: number; measures: string[]; notes: string };
  kpis: { measure: KpiMeasure; targets: { period: string; target: number }[] }[];
  changeSummary: string | null;
};

export function toAgreementInput(form: AgreementForm): AgreementInput {
  const valuePence = parsePoundsToPence(form.value)!;
  const quarters = termQuarters(form.startDate, form.endDate);
  return {
    title: form.title,
    type: form.type,
    purpose: form.purpose,
    icbLeadName: form.icbLeadName,
    icbLeadEmail: form.icbLeadEmail ?? null,
    parties: form.parties.map((p: { organisationId: number; leadName: string; leadEmail?: string }) => ({ organisationId: p.organisationId, leadName: p.leadName, leadEmail: p.leadEmail ?? null })),
    serviceIds: [...new Set(form.serviceIds)],
    footprints: { system: form.footprintSystem, places: [...new Set(form.places)], neighbourhoods: [...new Set(form.neighbourhoods)] },
    valuePence,
    paymentFrequency: form.paymentFrequency,
    paymentSchedule: paymentSchedule({ valuePence, startDate: form.startDate, endDate: form.endDate, frequency: form.paymentFrequency }),
    startDate: form.startDate,
    endDate: form.endDate,
    reviewDate: form.reviewDate ?? null,
    governance: { meetings: form.governanceMeetings ?? "", seats: form.governanceSeats ?? "", escalation: form.governanceEscalation ?? "" },
    dataSharing: { data: form.dataShared ?? "", lawfulBasis: form.lawfulBasis ?? "", retention: form.retention ?? "" },
    reporting: { frequency: form.reportingFrequency, dueDaysAfterPeriodEnd: form.reportingDueDays, measures: form.reportingMeasures, notes: form.reportingNotes ?? "" },
    kpis: form.kpis.map((k) => {
      const overrides = parseTargetOverrides(k.overrides ?? "");
      // Money targets are typed in pounds and kept in pence, like every sum of money.
      const scale = kpiMeasure(k.measure)?.kind === "pence" ? 100 : 1;
      const scaled = new Map([...(overrides.ok ? overrides.targets : new Map<string, number>())].map(([p, t]) => [p, Math.round(t * scale)]));
      return { measure: k.measure, targets: expandTargets(quarters, Math.round(k.target * scale), scaled) };
    }),
    changeSummary: form.changeSummary ?? null,
  };
}

export const TerminateSchema = z.object({
  intent: z.literal("terminate"),
  revision: z.coerce.number().int().positive(),
  reason: text("Enter the reason the agreement is being terminated", 2000, "Reason"),
});

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: text("Enter your comment", 4000, "Comment"),
});

export const PaymentSchema = z.object({
  intent: z.literal("record-payment"),
  paidOn: date("Enter the date the payment was made"),
  amount: z.string({ error: "Enter the amount paid in pounds" }).refine((v) => (parsePoundsToPence(v) ?? 0) > 0, "Enter the amount paid in pounds, like 30000"),
  reference: optionalText("Reference", 200),
});

/** The register's filters, from the query string (the export takes the same). */
export const AgreementFiltersSchema = z.object({
  q: z.string().trim().max(100).optional(),
  organisation: z.coerce.number().int().positive().optional(),
  type: z.enum(AGREEMENT_TYPES).optional(),
  status: z.enum(["draft", "agreed", "active", "ended", "terminated"]).optional(),
  footprint: z.string().trim().max(20).optional(),
  endsBy: z.string().regex(ISO_DATE).optional(),
});
export type AgreementFilters = z.infer<typeof AgreementFiltersSchema>;

/** A stored version as the form's values, for the edit page (money back in pounds, targets as the usual figure plus overrides). */
export function toFormValues(a: Omit<AgreementInput, "paymentSchedule" | "changeSummary" | "paymentFrequency"> & { paymentFrequency: string }): Record<string, unknown> {
  return {
    title: a.title,
    type: a.type,
    purpose: a.purpose,
    icbLeadName: a.icbLeadName,
    icbLeadEmail: a.icbLeadEmail ?? "",
    parties: a.parties.map((p) => ({ organisationId: String(p.organisationId), leadName: p.leadName, leadEmail: p.leadEmail ?? "" })),
    serviceIds: a.serviceIds.map(String),
    footprintSystem: a.footprints.system ? "on" : "",
    places: a.footprints.places,
    neighbourhoods: a.footprints.neighbourhoods,
    value: penceToPoundsText(a.valuePence),
    paymentFrequency: a.paymentFrequency,
    startDate: a.startDate,
    endDate: a.endDate,
    reviewDate: a.reviewDate ?? "",
    governanceMeetings: a.governance.meetings,
    governanceSeats: a.governance.seats,
    governanceEscalation: a.governance.escalation,
    dataShared: a.dataSharing.data,
    lawfulBasis: a.dataSharing.lawfulBasis,
    retention: a.dataSharing.retention,
    reportingFrequency: a.reporting.frequency,
    reportingDueDays: String(a.reporting.dueDaysAfterPeriodEnd),
    reportingMeasures: a.reporting.measures,
    reportingNotes: a.reporting.notes,
    kpis: a.kpis.map((k) => {
      const scale = kpiMeasure(k.measure)?.kind === "pence" ? 100 : 1;
      const usual = usualTarget(k.targets);
      const unscaled = k.targets.map((t) => ({ period: t.period, target: t.target / scale }));
      return { measure: k.measure, target: String(usual / scale), overrides: formatTargetOverrides(unscaled, usual / scale) };
    }),
  };
}
