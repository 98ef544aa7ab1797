/**
 * The kinds of section a strategy evidence pack can hold: what each is called, the
 * options its author chooses (validated here, on both sides of the form), and whether
 * its data exists in this installation. The loaders (services/packs/section-loaders.server.ts)
 * and the renderers (components/packs) are keyed by the same ids.
 */
import { z } from "zod";

export const SECTION_KINDS = ["population", "hjp-provision", "demand", "funding-outcomes", "agreements"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

const FINANCIAL_YEAR = /^\d{4}-\d{2}$/;
export const INDICATOR_ID = /^[A-Za-z0-9._:-]{1,80}$/;

/** "" means "every year the data covers". */
const yearOption = z.union([z.literal(""), z.string().regex(FINANCIAL_YEAR, "Choose a financial year such as 2025-26")]).default("");

export const PopulationOptionsSchema = z.object({
  indicators: z
    .array(z.string().regex(INDICATOR_ID, "Choose indicators from the list"))
    .min(1, "Choose at least one indicator")
    .max(12, "Choose at most 12 indicators")
    .refine((ids) => new Set(ids).size === ids.length, "Choose each indicator once"),
  /** "" = each indicator's latest period. */
  period: z.string().max(40).default(""),
  comparator: z.enum(["parent", "england"]).default("parent"),
  /** An indicator to show by deprivation decile across the area's neighbourhoods ("" = none). */
  inequality: z.union([z.literal(""), z.string().regex(INDICATOR_ID, "Choose an indicator from the list")]).default(""),
});

export const HjpOptionsSchema = z.object({ year: yearOption });
/** "" = the model's default parameters; otherwise the id of one of the ICB's saved scenarios. */
export const DemandOptionsSchema = z.object({ scenario: z.union([z.literal(""), z.string().regex(/^\d{1,9}$/, "Choose a scenario from the list")]).default("") });
export const AgreementsOptionsSchema = z.object({});

export type SectionDefinition = {
  id: SectionKind;
  title: string;
  description: string;
  options: z.ZodType;
  /**
   * False while the data behind the section is not part of this installation: the
   * section can be chosen, and its loader returns status "placeholder" with
   * `placeholder` as its message. Every section is installed now; the flag stays for
   * sections added later, and published packs keep whatever their snapshot says.
   */
  installed: boolean;
  placeholder?: string;
};

export const SECTIONS: Record<SectionKind, SectionDefinition> = {
  population: {
    id: "population",
    title: "Population health and inequalities",
    description: "Indicators you choose, with their intervals, England and parent-area comparisons, and one indicator by deprivation decile.",
    options: PopulationOptionsSchema,
    installed: true,
  },
  "hjp-provision": {
    id: "hjp-provision",
    title: "Health justice partnership provision and reach",
    description: "The services, clients a year per 1,000 adults by neighbourhood, and who refers.",
    options: HjpOptionsSchema,
    installed: true,
  },
  demand: {
    id: "demand",
    title: "Demand and unmet need",
    description: "Modelled demand for legal and welfare advice under a chosen scenario, against what services reach.",
    options: DemandOptionsSchema,
    installed: true,
  },
  "funding-outcomes": {
    id: "funding-outcomes",
    title: "Funding and outcomes",
    description: "Funding by funder, awards ending within a year (the funding cliff), and clients' outcomes.",
    options: HjpOptionsSchema,
    installed: true,
  },
  agreements: {
    id: "agreements",
    title: "Partnership agreements",
    description: "The partnership agreements in place between the ICB and VCSE organisations.",
    options: AgreementsOptionsSchema,
    installed: true,
  },
};

export const NARRATIVE_MAX = 6000;

/** One chosen section of a version: its kind, options and the author's narrative. */
export const PackSectionSchema = z.object({
  kind: z.enum(SECTION_KINDS),
  options: z.record(z.string(), z.unknown()).default({}),
  narrative: z.string().max(NARRATIVE_MAX, `Keep the narrative to ${NARRATIVE_MAX.toLocaleString("en-GB")} characters`).default(""),
});
export type PackSection = z.infer<typeof PackSectionSchema>;

export type SectionProblem = { kind: SectionKind; path: string; message: string };

/**
 * The options of one section checked against its kind's schema: the parsed options, or
 * the problems (each with the option it is about).
 */
export function validateSectionOptions(kind: SectionKind, options: unknown): { ok: true; options: Record<string, unknown> } | { ok: false; problems: SectionProblem[] } {
  const parsed = SECTIONS[kind].options.safeParse(options ?? {});
  if (parsed.success) return { ok: true, options: parsed.data as Record<string, unknown> };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ kind, path: i.path.join("."), message: i.message })) };
}

/** The sections of a version, each once, in the order of the registry (the order a pack reads in). */
export function orderSections(sections: readonly PackSection[]): PackSection[] {
  const seen = new Set<SectionKind>();
  return [...sections]
    .filter((s) => (seen.has(s.kind) ? false : (seen.add(s.kind), true)))
    .sort((a, b) => SECTION_KINDS.indexOf(a.kind) - SECTION_KINDS.indexOf(b.kind));
}
