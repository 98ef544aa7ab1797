/**
 * The pack forms, one schema each for browser and server (Conform + zod). The edit form
 * has one fieldset per section kind with flat field names, so each error links to its
 * own field; `sectionsFromForm` turns a valid form into the version's sections.
 */
import { z } from "zod";
import { listCode, recordId, requiredText } from "./fields";
import { INDICATOR_ID, NARRATIVE_MAX, type PackSection, type SectionKind, validateSectionOptions } from "../domain/packs/sections";

export const NewPackSchema = z.object({
  title: requiredText("Enter a title for the pack", 200, "Title").pipe(z.string().min(3, "Enter a title of 3 characters or more")),
  area: listCode("Select the ICB or place the pack is for", /^(icb|place):[A-Za-z0-9]{1,20}$/),
});
export type NewPack = z.infer<typeof NewPackSchema>;

const include = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false);
const narrative = z
  .string({ error: "Enter the narrative as text" })
  .max(NARRATIVE_MAX, `Keep the narrative to ${NARRATIVE_MAX.toLocaleString("en-GB")} characters`)
  .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), "Remove the control characters from the narrative")
  .default("");
const FINANCIAL_YEAR = /^\d{4}-\d{2}$/;

export const PackEditSchema = z
  .object({
    title: NewPackSchema.shape.title,
    populationInclude: include,
    populationIndicators: z.array(listCode("Select indicators from the list", INDICATOR_ID)).max(50, "Select no more than 50 indicators").default([]),
    populationPeriod: z.string({ error: "Select a period from the list" }).max(40, "Select a period from the list").regex(/^[^\u0000-\u001F\u007F]*$/, "Select a period from the list").default(""),
    populationComparator: z.enum(["parent", "england"], { error: "Select what to compare with" }).default("parent"),
    populationInequality: z.string({ error: "Select an indicator from the list" }).regex(new RegExp(`^(${INDICATOR_ID.source.slice(1, -1)})?$`), "Select an indicator from the list").default(""),
    populationNarrative: narrative,
    hjpInclude: include,
    hjpYear: z.union([z.literal(""), z.string().regex(FINANCIAL_YEAR, "Select a financial year from the list")]).default(""),
    hjpNarrative: narrative,
    demandInclude: include,
    /** "" = the default parameters, or a saved scenario's id. */
    demandScenario: z.union([z.literal(""), z.string().regex(/^\d{1,9}$/, "Select a scenario from the list")]).default(""),
    demandNarrative: narrative,
    fundingInclude: include,
    fundingYear: z.union([z.literal(""), z.string().regex(FINANCIAL_YEAR, "Select a financial year from the list")]).default(""),
    fundingNarrative: narrative,
    agreementsInclude: include,
    agreementsNarrative: narrative,
  })
  .superRefine((v, ctx) => {
    if (!v.populationInclude && !v.hjpInclude && !v.demandInclude && !v.fundingInclude && !v.agreementsInclude) {
      ctx.addIssue({ code: "custom", path: ["populationInclude"], message: "Select at least one section" });
    }
    if (v.populationInclude) {
      const checked = validateSectionOptions("population", populationOptions(v));
      if (!checked.ok) for (const p of checked.problems) ctx.addIssue({ code: "custom", path: [p.path === "inequality" ? "populationInequality" : "populationIndicators"], message: p.message });
    }
  });
export type PackEdit = z.infer<typeof PackEditSchema>;

function populationOptions(v: Pick<PackEdit, "populationIndicators" | "populationPeriod" | "populationComparator" | "populationInequality">) {
  return { indicators: v.populationIndicators, period: v.populationPeriod, comparator: v.populationComparator, inequality: v.populationInequality };
}

/** The sections of a valid edit form, in the registry's order. */
export function sectionsFromForm(v: PackEdit): PackSection[] {
  const out: PackSection[] = [];
  if (v.populationInclude) out.push({ kind: "population", options: populationOptions(v), narrative: v.populationNarrative });
  if (v.hjpInclude) out.push({ kind: "hjp-provision", options: { year: v.hjpYear }, narrative: v.hjpNarrative });
  if (v.demandInclude) out.push({ kind: "demand", options: { scenario: v.demandScenario }, narrative: v.demandNarrative });
  if (v.fundingInclude) out.push({ kind: "funding-outcomes", options: { year: v.fundingYear }, narrative: v.fundingNarrative });
  if (v.agreementsInclude) out.push({ kind: "agreements", options: {}, narrative: v.agreementsNarrative });
  return out;
}

/** The form's starting values from a version's sections. */
export function formFromSections(title: string, sections: readonly PackSection[]): Record<string, string | string[] | boolean> {
  const get = (kind: SectionKind) => sections.find((s) => s.kind === kind);
  const opt = (kind: SectionKind, key: string) => (get(kind)?.options as Record<string, unknown> | undefined)?.[key];
  const population = get("population");
  return {
    title,
    populationInclude: Boolean(population),
    populationIndicators: (opt("population", "indicators") as string[] | undefined) ?? [],
    populationPeriod: String(opt("population", "period") ?? ""),
    populationComparator: String(opt("population", "comparator") ?? "parent"),
    populationInequality: String(opt("population", "inequality") ?? ""),
    populationNarrative: population?.narrative ?? "",
    hjpInclude: Boolean(get("hjp-provision")),
    hjpYear: String(opt("hjp-provision", "year") ?? ""),
    hjpNarrative: get("hjp-provision")?.narrative ?? "",
    demandInclude: Boolean(get("demand")),
    demandScenario: String(opt("demand", "scenario") ?? ""),
    demandNarrative: get("demand")?.narrative ?? "",
    fundingInclude: Boolean(get("funding-outcomes")),
    fundingYear: String(opt("funding-outcomes", "year") ?? ""),
    fundingNarrative: get("funding-outcomes")?.narrative ?? "",
    agreementsInclude: Boolean(get("agreements")),
    agreementsNarrative: get("agreements")?.narrative ?? "",
  };
}

export const PackActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("share"), organisationIds: z.array(recordId("Select organisations from the list")).max(500, "Select no more than 500 organisations").default([]) }),
]);

/** The pack number in an address; anything else is a pack that does not exist. */
export function parsePackId(raw: string | undefined): number {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(raw);
  if (!parsed.success) throw new Response("There is no pack with this number.", { status: 404 });
  return parsed.data;
}
