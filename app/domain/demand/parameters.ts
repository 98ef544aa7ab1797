/**
 * The demand model's parameter catalogue, with provenance.
 *
 * Every number here comes from docs/domain.md §3 (shared/reference/domain.md) or is
 * explicitly labelled an assumption for the commissioner to set. The UI shows the
 * source (or the assumption label) beside each value, so the wording is written for
 * commissioners, not developers. Section references (§) are to domain.md.
 */
import { z } from "zod";

export const PARAMETER_IDS = [
  "annualIncidence",
  "deprivationGradient",
  "ltcRelativeRisk",
  "ltcReferencePrevalence",
  "healthSettingShare",
  "referralCapture",
  "attendanceRate",
  "clientsPerFte",
  "costPerFte",
] as const;

export type ParameterId = (typeof PARAMETER_IDS)[number];

/** Shown in place of a source wherever a value is not evidence. */
export const ASSUMPTION_LABEL = "Assumption – for the commissioner to set, not evidence";

/**
 * Converts "share of adults with at least one problem over k years" into an annual
 * share, assuming the same, independent chance each year: p_year = 1 − (1 − p_k)^(1/k).
 * Why not p_k ÷ k: a period question counts a person once however many years they
 * had problems in, so dividing by k understates the yearly chance (it assumes no one
 * has problems in two years). If problems cluster in the same people year after year
 * the true annual share is higher still, up to p_k itself; recall decay (surveys
 * under-report older problems) also pushes long-period figures down. The low–high
 * range is meant to absorb both.
 */
export function annualiseProportion(periodProportion: number, periodYears: number): number {
  if (periodYears <= 0) throw new RangeError("periodYears must be positive");
  if (periodProportion <= 0) return 0;
  if (periodProportion >= 1) return 1;
  return 1 - Math.pow(1 - periodProportion, 1 / periodYears);
}

export const ANNUALISATION_METHOD =
  "Same chance every year, independent between years: annual share = 1 − (1 − share over the survey period)^(1 ÷ " +
  "years in the period). This is above the survey share ÷ years; if problems cluster in the same people, or older " +
  "problems are forgotten, the true annual share is higher still.";

interface ParameterBase {
  id: ParameterId;
  label: string;
  /** Plain-words unit, shown after the value. */
  unit: string;
  /** What the number means and where it enters the calculation. */
  description: string;
  default: number;
  low: number;
  high: number;
  /** Sane limits for scenario overrides (not an uncertainty range). */
  bounds: { min: number; max: number };
  /** Where each of default, low and high comes from, including any arithmetic. */
  valueNotes: { default: string; low: string; high: string };
  /** Present for figures converted from a survey period to a year. */
  annualisation?: string;
  /** Multiplies values for display, e.g. 100 to show a proportion as a percentage. */
  displayScale?: number;
}

export interface SourcedParameter extends ParameterBase {
  assumption: false;
  /** Citation text as it should appear beside the value. */
  source: string;
}

export interface AssumedParameter extends ParameterBase {
  assumption: true;
  /** Plain-words note: why there is no source and what the commissioner should consider. */
  note: string;
}

export type ParameterDefinition = SourcedParameter | AssumedParameter;

const incidenceDefault = annualiseProportion(0.28, 4);
const incidenceLow = annualiseProportion(0.54 * 0.16, 3);
const incidenceHigh = annualiseProportion(0.27, 1.5);

export const PARAMETER_CATALOGUE: Record<ParameterId, ParameterDefinition> = {
  annualIncidence: {
    id: "annualIncidence",
    label: "Annual incidence of social-welfare legal problems",
    unit: "share of adults per year",
    description:
      "Share of registered adults who have a new social-welfare legal problem (benefits, debt, employment, housing) in a year.",
    default: incidenceDefault,
    low: incidenceLow,
    high: incidenceHigh,
    bounds: { min: 0, max: 0.5 },
    displayScale: 100,
    assumption: false,
    source:
      "Legal Services Board / Law Society Legal Needs Survey 2023 (default); LSB 2015 survey (low); " +
      "MoJ Legal Problem and Resolution Survey 2014–15 (high). domain.md §3.1.",
    annualisation: ANNUALISATION_METHOD,
    valueNotes: {
      default:
        "LSB 2023: 28% had employment, finance, welfare or benefits issues in 4 years " +
        "(https://legalservicesboard.org.uk/research/online-survey-of-individuals-handling-of-legal-issues-in-england-and-wales-2023). " +
        "Annualised: 1 − 0.72^(1/4) = 7.9%. Read as a share of all adults; if it is a share of those with any issue " +
        "(66%), the 4-year figure is 18.5% and the annual 5.0%, still inside the low–high range.",
      low:
        "LSB 2015: 54% had a legal issue in 3 years and 16% of them a benefits problem, so 8.64% of adults in 3 years " +
        "(https://www.lawyersdefencegroup.org.uk/legal-needs-survey/). Annualised: 1 − 0.9136^(1/3) = 3.0%. " +
        "Benefits problems only, so a floor.",
      high:
        "MoJ LPRS 2014–15: 27% had a civil legal problem in 18 months (https://www.newlawjournal.co.uk/content/legal-problems-hit-home). " +
        "Annualised: 1 − 0.73^(1/1.5) = 18.9%. All civil problems, broader than social welfare, so a ceiling.",
    },
  },
  deprivationGradient: {
    id: "deprivationGradient",
    label: "Deprivation gradient",
    unit: "± change in the multiplier from the middle to the end decile",
    description:
      "Multiplier = 1 + gradient × (5.5 − IMD decile) ÷ 4.5: the most deprived decile (1) gets 1 + gradient, the least " +
      "deprived (10) 1 − gradient, and the middle of the range 1. IMD deciles hold roughly equal populations nationally, " +
      "so the England average multiplier stays close to 1 and the national incidence is not inflated.",
    default: 0.3,
    low: 0,
    high: 0.6,
    bounds: { min: 0, max: 0.9 },
    assumption: true,
    note:
      "domain.md §3.2 gives only the direction: problems, and multiple problems, concentrate in low-income households, " +
      "people on means-tested benefits and social renters (MoJ LPRS 2014–15). No published gradient by IMD decile was " +
      "found (open gap 5). The default makes the most deprived decile 1.3 times the average and the least deprived 0.7 " +
      "times; low = no gradient, high = 1.6 and 0.4 times. Deprivation and long-term conditions overlap, so a steep " +
      "gradient together with a high relative risk double-counts some need.",
    valueNotes: {
      default: "Assumption: a moderate gradient (most deprived decile 1.3 × average).",
      low: "Assumption: no gradient.",
      high: "Assumption: steep gradient (most deprived decile 1.6 × average).",
    },
  },
  ltcRelativeRisk: {
    id: "ltcRelativeRisk",
    label: "Relative risk with a long-term condition",
    unit: "times the risk of adults not on the register",
    description:
      "Multiplier = (1 + p × (RR − 1)) ÷ (1 + p₀ × (RR − 1)), where p is the neighbourhood's long-term-condition " +
      "prevalence and p₀ the reference prevalence, so a neighbourhood at the reference gets 1. The prevalence used is " +
      "the QOF depression register (DEP) as a share of registered patients aged 18+ (store indicator qof-dep, QOF " +
      "2022-23), combined across practices by list size. Why this register: it is in the store for every practice and " +
      "PCN; it is measured against the 18+ list, the same base as registered adults; it is one register, whereas " +
      "adding registers counts people with several conditions more than once; and common mental disorder is the " +
      "health outcome most tied to welfare advice in domain.md (Woodhead et al. 2017, §2.2).",
    default: 1.5,
    low: 1,
    high: 2,
    bounds: { min: 1, max: 5 },
    assumption: true,
    note:
      "domain.md §3.1–3.2 gives only the direction: long-standing illness or disability was associated with 13 of 18 " +
      "problem types (CSJS, Pleasence et al. 2004) and with more problems as severity rises; 71% of HJP clients had a " +
      "long-term condition (MoJ progress report, §1.4). No relative risk was published, for depression or any " +
      "condition. Low = no effect; high = twice the risk.",
    valueNotes: {
      default: "Assumption: adults on the register are 1.5 times as likely to have a problem.",
      low: "Assumption: no added risk.",
      high: "Assumption: twice the risk.",
    },
  },
  ltcReferencePrevalence: {
    id: "ltcReferencePrevalence",
    label: "Reference long-term-condition prevalence",
    unit: "share of registered adults",
    description:
      "The prevalence at which the long-term-condition multiplier is 1. Set it to the England value of the same " +
      "indicator (qof-dep), so the multiplier only redistributes need between areas. It is a centring constant, not " +
      "an uncertain quantity, so low and high equal the default.",
    default: 0.13,
    low: 0.13,
    high: 0.13,
    bounds: { min: 0.01, max: 0.99 },
    displayScale: 100,
    assumption: true,
    note:
      "Placeholder near the England QOF 2022-23 depression prevalence (about 13% of adults); domain.md holds no " +
      "figure. The service loading the inputs should override it with the England value of qof-dep from the store.",
    valueNotes: {
      default: "Placeholder until the England value of qof-dep is loaded.",
      low: "Same as the default (not varied).",
      high: "Same as the default (not varied).",
    },
  },
  healthSettingShare: {
    id: "healthSettingShare",
    label: "Share who would seek help in a health setting",
    unit: "share of adults with a problem",
    description:
      "Of adults with a social-welfare legal problem, the share who would raise it in, or accept help through, a " +
      "health setting. Adjusted demand × this share = potential demand.",
    default: 0.1,
    low: 0.05,
    high: 0.2,
    bounds: { min: 0, max: 1 },
    displayScale: 100,
    assumption: false,
    source:
      "LSB Legal Needs Survey 2023 (default); LSB 2015 (low); Haringey and Camden co-located advice study, " +
      "Woodhead et al. 2017 (high, derived). domain.md §3.1, §3.3, §2.2.",
    valueNotes: {
      default:
        "LSB 2023: 10% said their doctor was a source of advice " +
        "(https://legalservicesboard.org.uk/news/two-in-three-people-have-legal-problems-but-many-dont-get-professional-help).",
      low: "LSB 2015: 5% of people with an issue used the advice sector at all (modelled handling).",
      high:
        "Derived: nearly half of Haringey advice recipients would not otherwise have sought advice " +
        "(https://arc-nt.nihr.ac.uk/research/projects/benefits-of-co-locating-welfare-advice-in-primary-care/), so " +
        "co-location roughly doubles take-up: 2 × 10% = 20%.",
    },
  },
  referralCapture: {
    id: "referralCapture",
    label: "Referral capture",
    unit: "share of potential demand referred",
    description:
      "Of the people who would seek help in a health setting, the share actually referred to (or booked with) the " +
      "HJP service. Potential demand × capture = expected referrals.",
    default: 0.6,
    low: 0.3,
    high: 0.9,
    bounds: { min: 0, max: 1 },
    displayScale: 100,
    assumption: true,
    note:
      "domain.md has no patient-level capture rate. For context only: 84% of GPs say they refer patients to " +
      "community advice (Citizens Advice 2015, §2.3), a share of GPs, not of patients. Calibrate this value against " +
      "observed referrals: Parkhead made about 2.3 referrals per 100 registered patients a year (§3.3), an upper-range " +
      "figure for the most deprived (Core20) practices.",
    valueNotes: {
      default: "Assumption: most, not all, people who raise a problem are referred.",
      low: "Assumption: under a third referred (a service that is not well embedded).",
      high: "Assumption: nearly all referred (direct booking and an adviser on site, §1.4 enablers).",
    },
  },
  attendanceRate: {
    id: "attendanceRate",
    label: "Attendance after referral",
    unit: "share of referrals who attend",
    description:
      "Share of referred patients who attend and become clients. Expected referrals × attendance = expected clients.",
    default: 0.7,
    low: 0.6,
    high: 0.8,
    bounds: { min: 0, max: 1 },
    displayScale: 100,
    assumption: false,
    source:
      "GCPH Deep End evaluation (default); Parkhead pilot (low, derived). domain.md §3.3, §1.3. High bound is an assumption.",
    valueNotes: {
      default:
        "GCPH Deep End, 9 practices, 654 referrals: 'around seven out of 10 attended' " +
        "(https://www.gcph.co.uk/money_and_work/action_on_poverty/partnerships_between_primary_care_and_money_advice_services).",
      low: "Parkhead: 165 engaged of 276 referred = 60% (derived, §3.3).",
      high: "Assumption: 80%, symmetric about the default; domain.md reports no figure above 70%.",
    },
  },
  clientsPerFte: {
    id: "clientsPerFte",
    label: "Clients per adviser FTE per year",
    unit: "clients per full-time adviser per year",
    description:
      "Casework clients one full-time adviser sees in a year. Expected clients ÷ this = FTE needed; funded FTE × this = " +
      "capacity. A service can set its own figure (§3.4 says make it editable per service).",
    default: 225,
    low: 150,
    high: 300,
    bounds: { min: 10, max: 3000 },
    assumption: false,
    source:
      "domain.md §3.4 suggested prior of 150–300 clients per FTE per year for casework-heavy HJP advice, from GCPH " +
      "Deep End (≈153 attending clients per worker), Moray welfare rights (≈220–325) and Parkhead (≈110 at about one " +
      "session per practice per week).",
    valueNotes: {
      default: "Midpoint of the §3.4 prior range (derived: (150 + 300) ÷ 2).",
      low: "Lower end of the §3.4 prior; close to GCPH Deep End ≈153 per worker.",
      high: "Upper end of the §3.4 prior; within Moray's ≈220–325 per FTE.",
    },
  },
  costPerFte: {
    id: "costPerFte",
    label: "Cost per adviser FTE per year",
    unit: "£ per full-time adviser per year",
    description:
      "Full annual cost of one full-time adviser: salary, on-costs, supervision, travel and overheads. FTE needed × " +
      "this = budget needed.",
    default: 40000,
    low: 27000,
    high: 54000,
    bounds: { min: 1000, max: 250000 },
    assumption: true,
    note:
      "domain.md has no cost per adviser FTE; use local salary scales and the provider's overhead rate. For context " +
      "only: the Haringey study implies about £179 of funder cost per recipient (§2.1, derived), which at 150, 225 and " +
      "300 clients per FTE gives about £27,000, £40,000 and £54,000; that figure's price year (2017 study) is not " +
      "uprated and it may not include full overheads.",
    valueNotes: {
      default: "Assumption: £179 per recipient × 225 clients per FTE ≈ £40,000 (context, not evidence of FTE cost).",
      low: "Assumption: £179 × 150 ≈ £27,000.",
      high: "Assumption: £179 × 300 ≈ £54,000.",
    },
  },
};

export function listParameters(): ParameterDefinition[] {
  return PARAMETER_IDS.map((id) => PARAMETER_CATALOGUE[id]);
}

/** One parameter as the model uses it: a mode (the central value) and a range for the simulation. */
export interface ResolvedParameter {
  value: number;
  low: number;
  high: number;
  /** "scenario" when any of value, low or high was overridden. */
  origin: "default" | "scenario";
  /** Explains automatic adjustments, e.g. a range widened to include an overridden value. */
  notes: string[];
}

export type ParameterSet = Record<ParameterId, ResolvedParameter>;

export interface ParameterOverride {
  value?: number;
  low?: number;
  high?: number;
}

export type ParameterOverrides = Partial<Record<ParameterId, ParameterOverride>>;

function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

/**
 * Zod schema for one parameter's override. Messages name the parameter, the limit,
 * the unit and what was entered, because they are shown to commissioners as-is.
 */
function parameterOverrideSchema(definition: ParameterDefinition) {
  const { label, unit, bounds } = definition;
  const numberField = (field: string) => z.number({ error: `${label}: ${field} must be a number.` }).optional();
  return z
    .strictObject(
      { value: numberField("value"), low: numberField("low"), high: numberField("high") },
      {
        error: (issue) =>
          issue.code === "unrecognized_keys" ? `${label}: only value, low and high can be set.` : undefined,
      },
    )
    .superRefine((override, ctx) => {
      const fields = ["value", "low", "high"] as const;
      if (fields.every((field) => override[field] === undefined)) {
        ctx.addIssue({ code: "custom", message: `${label}: give at least one of value, low or high.` });
        return;
      }
      for (const field of fields) {
        const entered = override[field];
        if (entered === undefined) continue;
        if (entered < bounds.min || entered > bounds.max) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message:
              `${label}: ${field} must be between ${formatNumber(bounds.min)} and ${formatNumber(bounds.max)} ` +
              `(${unit}); you entered ${formatNumber(entered)}.`,
          });
        }
      }
      const merged = mergeOne(definition, override);
      if (merged.low > merged.value) {
        ctx.addIssue({
          code: "custom",
          path: ["low"],
          message: `${label}: low (${formatNumber(merged.low)}) must not be above the value (${formatNumber(
            merged.value,
          )}).`,
        });
      }
      if (merged.high < merged.value) {
        ctx.addIssue({
          code: "custom",
          path: ["high"],
          message: `${label}: high (${formatNumber(merged.high)}) must not be below the value (${formatNumber(
            merged.value,
          )}).`,
        });
      }
    });
}

const overrideShape = Object.fromEntries(
  PARAMETER_IDS.map((id) => [id, parameterOverrideSchema(PARAMETER_CATALOGUE[id]).optional()]),
) as Record<ParameterId, z.ZodOptional<ReturnType<typeof parameterOverrideSchema>>>;

export const ParameterOverridesSchema = z.strictObject(overrideShape, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `Unknown parameter ${issue.keys.map((key) => `"${key}"`).join(", ")}. Known parameters: ${PARAMETER_IDS.join(
          ", ",
        )}.`
      : undefined,
});

/**
 * Merges one override onto the catalogue entry. When only the value is given and it
 * falls outside the catalogue's low–high range, the range is widened to include it,
 * so the central estimate always lies inside the simulated range; the note says so.
 */
function mergeOne(definition: ParameterDefinition, override: ParameterOverride | undefined): ResolvedParameter {
  if (!override) {
    return { value: definition.default, low: definition.low, high: definition.high, origin: "default", notes: [] };
  }
  const value = override.value ?? definition.default;
  const notes: string[] = [];
  let low = override.low ?? definition.low;
  let high = override.high ?? definition.high;
  if (override.low === undefined && value < low) {
    low = value;
    notes.push("Low widened to the scenario value.");
  }
  if (override.high === undefined && value > high) {
    high = value;
    notes.push("High widened to the scenario value.");
  }
  return { value, low, high, origin: "scenario", notes };
}

/** Catalogue defaults with validated overrides applied. Throws a ZodError with the messages above. */
export function resolveParameters(overrides: ParameterOverrides = {}): ParameterSet {
  const parsed = ParameterOverridesSchema.parse(overrides) as ParameterOverrides;
  const set = {} as ParameterSet;
  for (const id of PARAMETER_IDS) set[id] = mergeOne(PARAMETER_CATALOGUE[id], parsed[id]);
  return set;
}

export function defaultParameters(): ParameterSet {
  return resolveParameters({});
}

/** Flat messages from a failed override parse, for an error summary. */
export function overrideErrorMessages(overrides: unknown): string[] {
  const result = ParameterOverridesSchema.safeParse(overrides);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}
