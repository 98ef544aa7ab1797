/**
 * The closed lists HJP data is recorded in: one definition each, read by the import
 * parsers, the downloadable templates and data dictionary, and (later) the synthetic
 * data generator and the dashboards. Codes are kebab-case and never change once data
 * uses them; labels are what people read and may be reworded.
 *
 * Sources: the settings, problem areas and referral sources are those of the HJP
 * landscape and the recommended fields (domain.md §0, §1.6); ethnicity follows the
 * Census 2021 high-level groups; funder types follow the funding mix UCL found (§0).
 */

export type Term = { readonly code: string; readonly label: string; readonly description?: string };
export type Vocabulary = readonly Term[];
export type CodeOf<V extends Vocabulary> = V[number]["code"];

export const SETTINGS = [
  { code: "gp-practice", label: "GP practice" },
  { code: "hospital", label: "Hospital (ward, outpatients or discharge)" },
  { code: "mental-health", label: "Mental health service" },
  { code: "maternity", label: "Maternity service" },
  { code: "hospice", label: "Hospice" },
  { code: "community", label: "Community health setting (clinic, health centre, community team)" },
  { code: "remote", label: "Remote (no physical health setting)" },
] as const satisfies Vocabulary;
export type Setting = CodeOf<typeof SETTINGS>;

/** How a service is delivered overall (a service has one main model). */
export const DELIVERY_MODELS = [
  { code: "co-located", label: "Co-located in the health setting" },
  { code: "outreach", label: "Outreach sessions" },
  { code: "remote", label: "Remote or telephone" },
  { code: "referral-only", label: "Referral only (advice given elsewhere)" },
] as const satisfies Vocabulary;
export type DeliveryModel = CodeOf<typeof DELIVERY_MODELS>;

/** How one client episode was delivered. */
export const DELIVERY_MODES = [
  { code: "face-to-face", label: "Face to face in the health setting" },
  { code: "outreach", label: "Face to face elsewhere (outreach)" },
  { code: "telephone", label: "Telephone" },
  { code: "video", label: "Video call" },
  { code: "home-visit", label: "Home visit" },
] as const satisfies Vocabulary;
export type DeliveryMode = CodeOf<typeof DELIVERY_MODES>;

export const REFERRAL_SOURCES = [
  { code: "gp", label: "GP" },
  { code: "practice-nurse", label: "Practice nurse" },
  { code: "receptionist", label: "Receptionist or care navigator" },
  { code: "social-prescriber", label: "Social prescriber or link worker" },
  { code: "health-visitor", label: "Health visitor" },
  { code: "midwife", label: "Midwife" },
  { code: "hospital-ward", label: "Hospital ward or discharge team" },
  { code: "mental-health-team", label: "Mental health team" },
  { code: "hospice", label: "Hospice" },
  { code: "other-health", label: "Other health or care staff" },
  { code: "self", label: "Self-referral or drop-in" },
] as const satisfies Vocabulary;
export type ReferralSource = CodeOf<typeof REFERRAL_SOURCES>;

export const REFERRAL_ROUTES = [
  { code: "direct-booking", label: "Direct booking into the adviser's diary" },
  { code: "e-referral", label: "Electronic referral (form, email or clinical system)" },
  { code: "warm-handover", label: "Warm handover (introduced in person)" },
  { code: "walk-in", label: "Walk-in or drop-in" },
  { code: "other", label: "Other" },
] as const satisfies Vocabulary;
export type ReferralRoute = CodeOf<typeof REFERRAL_ROUTES>;

/** Benefit types: the sub-types of welfare-benefit problems and the breakdown of financial gains. */
export const BENEFIT_TYPES = [
  { code: "universal-credit", label: "Universal Credit" },
  { code: "pip", label: "Personal Independence Payment" },
  { code: "esa", label: "Employment and Support Allowance" },
  { code: "attendance-allowance", label: "Attendance Allowance" },
  { code: "dla", label: "Disability Living Allowance" },
  { code: "carers-allowance", label: "Carer's Allowance" },
  { code: "pension-credit", label: "Pension Credit" },
  { code: "housing-benefit", label: "Housing Benefit" },
  { code: "council-tax-reduction", label: "Council Tax Reduction" },
  { code: "child-benefit", label: "Child Benefit or child-related benefits" },
  { code: "grants", label: "Charitable grants and discretionary payments" },
  { code: "other", label: "Other benefit or income" },
] as const satisfies Vocabulary;
export type BenefitType = CodeOf<typeof BENEFIT_TYPES>;

export type ProblemArea = { readonly code: string; readonly label: string; readonly subTypes?: Vocabulary };

/** Problem areas, some with sub-types; a problem is recorded as `area` or `area:sub-type`. */
export const PROBLEM_AREAS = [
  { code: "welfare-benefits", label: "Welfare benefits", subTypes: BENEFIT_TYPES },
  {
    code: "debt",
    label: "Debt",
    subTypes: [
      { code: "priority", label: "Priority debt (rent, mortgage, council tax, energy, fines)" },
      { code: "non-priority", label: "Non-priority debt (credit cards, loans, catalogues)" },
    ],
  },
  {
    code: "housing",
    label: "Housing",
    subTypes: [
      { code: "disrepair", label: "Disrepair" },
      { code: "damp-mould", label: "Damp and mould" },
      { code: "possession", label: "Possession or eviction" },
      { code: "homelessness", label: "Homelessness" },
      { code: "other", label: "Other housing problem" },
    ],
  },
  { code: "employment", label: "Employment" },
  { code: "community-care", label: "Community care" },
  { code: "immigration", label: "Immigration (including no recourse to public funds)" },
  { code: "domestic-abuse", label: "Domestic abuse" },
  { code: "family-child-protection", label: "Family and child protection" },
  { code: "consumer-utilities", label: "Consumer and utilities (including fuel)" },
  { code: "other", label: "Other legal or social welfare problem" },
] as const satisfies readonly ProblemArea[];
export type ProblemAreaCode = (typeof PROBLEM_AREAS)[number]["code"];

export const SERVICE_LEVELS = [
  { code: "information", label: "Information or signposting" },
  { code: "advice", label: "Advice" },
  { code: "casework", label: "Casework" },
  { code: "representation", label: "Representation (mandatory reconsideration, tribunal or court)" },
] as const satisfies Vocabulary;
export type ServiceLevel = CodeOf<typeof SERVICE_LEVELS>;

export const HOUSING_OUTCOMES = [
  { code: "possession-prevented", label: "Possession or eviction prevented" },
  { code: "homelessness-prevented", label: "Homelessness prevented" },
  { code: "homelessness-relieved", label: "Homelessness relieved" },
  { code: "rehoused", label: "Rehoused" },
  { code: "repairs-secured", label: "Repairs secured (including damp and mould)" },
  { code: "temporary-accommodation-avoided", label: "Temporary accommodation avoided" },
  { code: "other", label: "Other housing outcome" },
  { code: "none", label: "No housing outcome" },
] as const satisfies Vocabulary;
export type HousingOutcome = CodeOf<typeof HOUSING_OUTCOMES>;

export const PROBLEM_RESOLVED = [
  { code: "yes", label: "Resolved" },
  { code: "partly", label: "Partly resolved" },
  { code: "no", label: "Not resolved" },
] as const satisfies Vocabulary;
export type ProblemResolved = CodeOf<typeof PROBLEM_RESOLVED>;

export const AGE_BANDS = [
  { code: "under-18", label: "Under 18" },
  { code: "18-24", label: "18 to 24" },
  { code: "25-34", label: "25 to 34" },
  { code: "35-44", label: "35 to 44" },
  { code: "45-54", label: "45 to 54" },
  { code: "55-64", label: "55 to 64" },
  { code: "65-74", label: "65 to 74" },
  { code: "75-84", label: "75 to 84" },
  { code: "85-plus", label: "85 and over" },
  { code: "not-known", label: "Not known" },
] as const satisfies Vocabulary;
export type AgeBand = CodeOf<typeof AGE_BANDS>;

export const SEXES = [
  { code: "female", label: "Female" },
  { code: "male", label: "Male" },
  { code: "not-known", label: "Not known or prefer not to say" },
] as const satisfies Vocabulary;
export type Sex = CodeOf<typeof SEXES>;

/** Census 2021 high-level ethnic groups (England and Wales), plus not stated. */
export const ETHNIC_GROUPS = [
  { code: "asian", label: "Asian, Asian British or Asian Welsh" },
  { code: "black", label: "Black, Black British, Black Welsh, Caribbean or African" },
  { code: "mixed", label: "Mixed or Multiple ethnic groups" },
  { code: "white", label: "White" },
  { code: "other", label: "Other ethnic group" },
  { code: "not-stated", label: "Not stated" },
] as const satisfies Vocabulary;
export type EthnicGroup = CodeOf<typeof ETHNIC_GROUPS>;

export const YES_NO_NOT_KNOWN = [
  { code: "yes", label: "Yes" },
  { code: "no", label: "No" },
  { code: "not-known", label: "Not known" },
] as const satisfies Vocabulary;

export const YES_NO = [
  { code: "yes", label: "Yes" },
  { code: "no", label: "No" },
] as const satisfies Vocabulary;

export const FUNDER_TYPES = [
  { code: "icb", label: "Integrated care board" },
  { code: "la-public-health", label: "Local authority public health" },
  { code: "nhs-trust", label: "NHS trust" },
  { code: "charitable-trust", label: "Charitable trust or foundation" },
  { code: "lottery", label: "Lottery" },
  { code: "legal-aid", label: "Legal aid (Legal Aid Agency)" },
  { code: "other", label: "Other" },
] as const satisfies Vocabulary;
export type FunderType = CodeOf<typeof FUNDER_TYPES>;

/** Health staff trained to spot health-harming legal needs, by role. */
export const TRAINEE_ROLES = [
  { code: "gp", label: "GPs" },
  { code: "nurse", label: "Nurses" },
  { code: "receptionist", label: "Receptionists and care navigators" },
  { code: "other", label: "Other health and care staff" },
] as const satisfies Vocabulary;
export type TraineeRole = CodeOf<typeof TRAINEE_ROLES>;

/** The footprints a service can serve: neighbourhoods (PCNs), places, or the whole ICB. */
export const SERVED_LEVELS = [
  { code: "neighbourhood", label: "Neighbourhood (primary care network)" },
  { code: "place", label: "Place" },
  { code: "icb", label: "Whole integrated care board" },
] as const satisfies Vocabulary;
export type ServedLevel = CodeOf<typeof SERVED_LEVELS>;

/** A typed-in value as a vocabulary code: case, spaces and underscores do not matter. */
export function normaliseTerm(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A lookup from what people type to the code: the code itself or the label, in any
 * case and with spaces or underscores for hyphens ("GP Practice" → gp-practice).
 */
export function termLookup<V extends Vocabulary>(vocabulary: V): Map<string, CodeOf<V>> {
  const lookup = new Map<string, CodeOf<V>>();
  for (const term of vocabulary) {
    lookup.set(normaliseTerm(term.code), term.code as CodeOf<V>);
    lookup.set(normaliseTerm(term.label), term.code as CodeOf<V>);
  }
  return lookup;
}

export function labelOf(vocabulary: Vocabulary, code: string | null | undefined): string | null {
  if (code == null) return null;
  return vocabulary.find((t) => t.code === code)?.label ?? code;
}

/** Every problem code a file may use: each area, and `area:sub-type` for each sub-type. */
export function problemCodes(): string[] {
  const list: string[] = [];
  for (const area of PROBLEM_AREAS as readonly ProblemArea[]) {
    list.push(area.code);
    for (const sub of area.subTypes ?? []) list.push(`${area.code}:${sub.code}`);
  }
  return list;
}
