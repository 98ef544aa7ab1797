/**
 * Metadata of the indicators the product knows: the Fingertips indicators in the
 * bundled files (their exports carry values, not metadata) and the figures the
 * product derives from reference data. A Fingertips export of any other indicator
 * still loads: its metadata is then inferred from the file (infer.ts) and says so.
 */
import type { ComparisonMethod, Polarity } from "../statistics";

export type ValueType = "proportion" | "crude-rate" | "directly-standardised-rate" | "life-expectancy" | "score" | "unknown";
export type Aggregation = "proportion" | "weighted-mean" | "none";
export type Origin = "fingertips" | "extract" | "ons" | "derived";

export type IndicatorMeta = {
  id: string;
  name: string;
  definition: string;
  source: string;
  unit: string;
  multiplier: number;
  valueType: ValueType;
  polarity: Polarity;
  comparisonMethod: ComparisonMethod;
  disclosureRule: string;
  caveats: string[];
  licence: string;
  aggregation: Aggregation;
  origin: Origin;
};

export const OGL =
  "Open Government Licence v3.0: contains public sector information licensed under the Open Government Licence v3.0";

const AS_PUBLISHED = "As published: figures the source withholds are absent; the product suppresses nothing further";
const EXTRACT =
  "Reshaped extract of the Fingertips download (Trafford Data Lab): values rounded to 1 decimal place; no confidence intervals, counts or denominators. Fingertips' own comparison with England is kept as published";

/** QOF 2022-23 registers: the group code, the register's name and the list its prevalence is measured against. */
export const QOF_REGISTERS: Record<string, { name: string; listType: string }> = {
  AF: { name: "Atrial fibrillation", listType: "TOTAL" },
  AST: { name: "Asthma", listType: "06OV" },
  CAN: { name: "Cancer", listType: "TOTAL" },
  CHD: { name: "Coronary heart disease", listType: "TOTAL" },
  CKD: { name: "Chronic kidney disease", listType: "18OV" },
  COPD: { name: "Chronic obstructive pulmonary disease (COPD)", listType: "TOTAL" },
  DEM: { name: "Dementia", listType: "TOTAL" },
  DEP: { name: "Depression", listType: "18OV" },
  DM: { name: "Diabetes mellitus", listType: "17OV" },
  EP: { name: "Epilepsy", listType: "18OV" },
  HF: { name: "Heart failure", listType: "TOTAL" },
  HYP: { name: "Hypertension", listType: "TOTAL" },
  LD: { name: "Learning disability", listType: "TOTAL" },
  MH: { name: "Severe mental illness (schizophrenia, bipolar affective disorder and other psychoses)", listType: "TOTAL" },
  NDH: { name: "Non-diabetic hyperglycaemia", listType: "18OV" },
  OB: { name: "Obesity", listType: "18OV" },
  OST: { name: "Osteoporosis (secondary prevention of fragility fractures)", listType: "50OV" },
  PAD: { name: "Peripheral arterial disease", listType: "TOTAL" },
  PC: { name: "Palliative care", listType: "TOTAL" },
  RA: { name: "Rheumatoid arthritis", listType: "16OV" },
  STIA: { name: "Stroke and transient ischaemic attack", listType: "TOTAL" },
};

/** The age label of a QOF list type, in Fingertips' wording. */
export function qofAgeLabel(listType: string): string {
  if (listType === "TOTAL") return "All ages";
  const m = listType.match(/^(\d{2})OV$/);
  return m ? `${Number(m[1])}+ yrs` : listType;
}

export const qofIndicatorId = (groupCode: string) => `qof-${groupCode.toLowerCase()}`;

export function qofIndicator(groupCode: string, listType: string): IndicatorMeta {
  const register = QOF_REGISTERS[groupCode]?.name ?? `QOF register ${groupCode}`;
  const age = qofAgeLabel(listType);
  return {
    id: qofIndicatorId(groupCode),
    name: `${register}: QOF prevalence (${age === "All ages" ? "all ages" : age.replace(" yrs", "")})`,
    definition:
      `Patients on the practices' QOF ${register.toLowerCase()} register (${groupCode}) as a percentage of registered patients ` +
      `(${age === "All ages" ? "all ages" : `aged ${age.replace(" yrs", "")}`}), QOF 2022-23 (registers and lists at 31 March 2023). ` +
      "Registers and lists of practices are summed by this product to PCNs (neighbourhoods), places, sub-ICB locations, ICBs and England; " +
      "the 95% and 99.8% intervals are Wilson score intervals computed here.",
    source: "NHS England (NHS Digital), Quality and Outcomes Framework 2022-23: practice prevalence and list sizes; practice to PCN mapping",
    unit: "%",
    multiplier: 100,
    valueType: "proportion",
    polarity: "no-judgement",
    comparisonMethod: "ci-95",
    disclosureRule: "NHS England publishes every practice's register and list; nothing is suppressed",
    caveats: [
      "Recorded prevalence reflects how conditions are diagnosed and recorded as well as how common they are: it carries no judgement (higher, similar or lower, not better or worse).",
      "A place's figure covers the practices located in it (by the practice's LSOA), not its residents; an ICB's own places sum their neighbourhoods.",
      "Practices in no PCN count in their sub-ICB location, ICB and England, but in no neighbourhood or place.",
      "A register larger than its list (counts taken on different days) is kept as published; that figure has no interval.",
    ],
    licence: OGL,
    aggregation: "proportion",
    origin: "derived",
  };
}

const CENSUS_CAVEAT =
  "Census 2021 counts by LSOA are perturbed by ONS disclosure control, so sums over LSOAs differ slightly from published totals.";
const CENSUS_LEVELS =
  "Built from LSOAs (2021): England, ICBs, sub-ICB locations, places (an authority split between ICBs gives one place per part) and local authorities. Not available for neighbourhoods: no file maps residents to PCNs.";

const DERIVED: IndicatorMeta[] = [
  {
    id: "imd2025-score",
    name: "Deprivation: IMD 2025 average score (population-weighted)",
    definition:
      "Mean of the English Index of Multiple Deprivation 2025 scores of the area's LSOAs (2021), each weighted by its Census 2021 usual residents. Higher scores are more deprived.",
    source: "MHCLG English Indices of Deprivation 2025 (File 7, LSOA 2021); ONS Census 2021 TS007A usual residents (weights); ONS LSOA lookups",
    unit: "score",
    multiplier: 1,
    valueType: "score",
    polarity: "no-judgement",
    comparisonMethod: "no-comparison",
    disclosureRule: AS_PUBLISHED,
    caveats: [
      CENSUS_LEVELS,
      "A weighted mean of published scores, not a sample estimate: no interval is given and areas are not tested against England.",
      "Polarity set by the product: deprivation describes need, not performance.",
    ],
    licence: OGL,
    aggregation: "none",
    origin: "derived",
  },
  {
    id: "census-age-65-plus",
    name: "Population aged 65 and over (%)",
    definition: "Usual residents aged 65 and over as a percentage of all usual residents, Census 2021 (TS007A), summed from LSOAs.",
    source: "ONS Census 2021 TS007A, usual residents by five-year age band, LSOA 2021",
    unit: "%",
    multiplier: 100,
    valueType: "proportion",
    polarity: "no-judgement",
    comparisonMethod: "ci-95",
    disclosureRule: AS_PUBLISHED,
    caveats: [CENSUS_LEVELS, CENSUS_CAVEAT, "Wilson score intervals computed by this product from the summed counts."],
    licence: OGL,
    aggregation: "none",
    origin: "derived",
  },
  {
    id: "census-age-20-64",
    name: "Population aged 20 to 64 (%)",
    definition:
      "Usual residents aged 20 to 64 as a percentage of all usual residents, Census 2021 (TS007A), summed from LSOAs. The Census five-year bands do not split at 18, so working age is shown as 20–64.",
    source: "ONS Census 2021 TS007A, usual residents by five-year age band, LSOA 2021",
    unit: "%",
    multiplier: 100,
    valueType: "proportion",
    polarity: "no-judgement",
    comparisonMethod: "ci-95",
    disclosureRule: AS_PUBLISHED,
    caveats: [CENSUS_LEVELS, CENSUS_CAVEAT, "Wilson score intervals computed by this product from the summed counts."],
    licence: OGL,
    aggregation: "none",
    origin: "derived",
  },
  {
    id: "census-ethnicity",
    name: "Ethnic group of usual residents (%)",
    definition:
      "Usual residents of each ethnic group as a percentage of all usual residents, Census 2021 (TS021), summed from LSOAs: by the 5 high-level groups (category type \"Ethnic group (5 groups)\") and the 19 detailed categories (\"Ethnic group (19 categories)\").",
    source: "ONS Census 2021 TS021 ethnic group, LSOA 2021",
    unit: "%",
    multiplier: 100,
    valueType: "proportion",
    polarity: "no-judgement",
    comparisonMethod: "ci-95",
    disclosureRule: AS_PUBLISHED,
    caveats: [
      CENSUS_LEVELS,
      CENSUS_CAVEAT,
      "Each category is compared with the same category in England (or, for England's own rows, not compared).",
      "Wilson score intervals computed by this product from the summed counts.",
    ],
    licence: OGL,
    aggregation: "none",
    origin: "derived",
  },
];

const FINGERTIPS: IndicatorMeta[] = [
  {
    id: "93881",
    name: "Obesity prevalence in adults, (using adjusted self-reported height and weight)",
    definition:
      "Percentage of adults aged 18 and over classified as obese (body mass index of 30 kg/m² or more), from adjusted self-reported height and weight, Sport England Active Lives Adult Survey.",
    source: "OHID Fingertips indicator 93881 (Sport England Active Lives Adult Survey)",
    unit: "%",
    multiplier: 100,
    valueType: "proportion",
    polarity: "low-is-good",
    comparisonMethod: "ci-95",
    disclosureRule: AS_PUBLISHED,
    caveats: [
      "Survey estimate: the denominator is the number of respondents; counts are not published and the intervals are Fingertips'.",
      "ICB and sub-ICB rows for 2022/23 use the 2022 codes (Surrey Heartlands E54000052, Sussex E54000053), which are kept as areas of their own; 2023/24 uses the April 2023 codes.",
      "Published at England, region, county, UA, district, ICB and sub-ICB level: not for neighbourhoods.",
    ],
    licence: OGL,
    aggregation: "none",
    origin: "fingertips",
  },
  ...(
    [
      ["92658", "chronic obstructive pulmonary disease (COPD)"],
      ["92659", "diagnosed hypertension"],
      ["92660", "undiagnosed hypertension"],
      ["92661", "depression"],
      ["92662", "coronary heart disease"],
      ["92663", "stroke"],
      ["92664", "peripheral arterial disease"],
      ["92783", "heart failure"],
    ] as const
  ).map(
    ([id, condition]): IndicatorMeta => ({
      id,
      name: `Estimated prevalence of ${condition}`,
      definition: `Modelled estimate of the prevalence of ${condition} in the age group shown, for districts and unitary authorities as they were before April 2019.`,
      source: `PHE Fingertips indicator ${id} (modelled prevalence estimates), District & UA (pre April 2019), 2015`,
      unit: "%",
      multiplier: 100,
      valueType: "proportion",
      polarity: "no-judgement",
      comparisonMethod: "ci-95",
      disclosureRule: AS_PUBLISHED,
      caveats: [
        "Modelled estimates, not observed counts: this export holds no intervals, counts or denominators, so areas are not tested against England.",
        "Districts as they were before April 2019: codes abolished since are kept as areas of their own.",
      ],
      licence: OGL,
      aggregation: "none",
      origin: "fingertips",
    }),
  ),
  {
    id: "90362",
    name: "Healthy life expectancy at birth",
    definition:
      "Average number of years a person would expect to live in good health, from current mortality rates and self-reported good health (ONS), by sex, three-year periods.",
    source: "OHID Fingertips indicator 90362 (ONS healthy life expectancy)",
    unit: "years",
    multiplier: 1,
    valueType: "life-expectancy",
    polarity: "high-is-good",
    comparisonMethod: "ci-95",
    disclosureRule: AS_PUBLISHED,
    caveats: [
      EXTRACT,
      "Unitary-type authorities only (unitaries, metropolitan districts, London boroughs): no counties, districts or regions, so a county place has no figure.",
    ],
    licence: OGL,
    aggregation: "none",
    origin: "extract",
  },
  {
    id: "90366",
    name: "Life expectancy at birth",
    definition: "Average number of years a newborn would live if current age-specific mortality rates applied throughout life, by sex, three-year periods.",
    source: "OHID Fingertips indicator 90366 (ONS life expectancy)",
    unit: "years",
    multiplier: 1,
    valueType: "life-expectancy",
    polarity: "high-is-good",
    comparisonMethod: "ci-95",
    disclosureRule: AS_PUBLISHED,
    caveats: [
      EXTRACT,
      "Districts and unitary authorities: 2015-17 to 2019-21 on pre-April-2023 codes (abolished districts are kept as areas of their own), later periods on 2024 codes. No counties or regions.",
    ],
    licence: OGL,
    aggregation: "none",
    origin: "extract",
  },
  {
    id: "93721",
    name: "Under 75 mortality rate from causes considered preventable (2019 definition)",
    definition: "Deaths under 75 from causes considered preventable (2019 definition), directly age-standardised rate per 100,000 population, by sex.",
    source: "OHID Fingertips indicator 93721 (OHID, ONS death registrations)",
    unit: "per 100,000",
    multiplier: 100_000,
    valueType: "directly-standardised-rate",
    polarity: "low-is-good",
    comparisonMethod: "ci-95",
    disclosureRule: AS_PUBLISHED,
    caveats: [EXTRACT, "Districts and unitary authorities back-cast to 2024 geography; no counties or regions."],
    licence: OGL,
    aggregation: "none",
    origin: "extract",
  },
  {
    id: "93553",
    name: "Deprivation score (IMD)",
    definition:
      "IMD score of a GP practice's registered population (its patients' LSOA scores weighted by their numbers), IMD 2019 edition (the latest for practices). PCNs, places, sub-ICB locations, ICBs and England are means of their practices' scores weighted by QOF 2022-23 registered lists, computed by this product.",
    source: "OHID Fingertips indicator 93553 (GP practice deprivation, reduced extract); weights: NHS England QOF 2022-23 list sizes",
    unit: "score",
    multiplier: 1,
    valueType: "score",
    polarity: "no-judgement",
    comparisonMethod: "no-comparison",
    disclosureRule: AS_PUBLISHED,
    caveats: [
      "The extract holds practices' values only (no intervals, counts or denominators). Aggregates weight each practice by its 2022-23 registered list.",
      "The extract's superseded 2010 and 2015 editions are not loaded as figures.",
      "Practices without a 2022-23 list, or not in the QOF 2022-23 mapping, keep their own score but count in no aggregate.",
      "Polarity set by the product: deprivation describes need, not performance.",
    ],
    licence: OGL,
    aggregation: "weighted-mean",
    origin: "extract",
  },
];

const ONS: IndicatorMeta[] = [
  {
    id: "ons-covid19-asmr",
    name: "Deaths involving COVID-19: age-standardised mortality rate, 1 March to 17 April 2020",
    definition:
      "Deaths involving COVID-19 occurring 1 March to 17 April 2020 and registered by 18 April 2020, age-standardised rate per 100,000 population (European Standard Population 2013), persons, by local authority district (2019 boundaries).",
    source: "ONS, Deaths involving COVID-19 by local area and socioeconomic deprivation (release 1 May 2020), table 5",
    unit: "per 100,000",
    multiplier: 100_000,
    valueType: "directly-standardised-rate",
    polarity: "low-is-good",
    comparisonMethod: "ci-95",
    disclosureRule: "ONS gives no rate where deaths are too few (Isles of Scilly, 0 deaths); those areas have a count and no rate",
    caveats: [
      "95% intervals as published by ONS; ONS publishes no 99.8% interval.",
      "The file has no England rate, so areas are not compared with England; they are compared with their parent where the parent has a rate.",
      "Local authority districts on 2019 boundaries: authorities merged since (e.g. Buckinghamshire's districts) are kept as areas of their own.",
      "Polarity set by the product: ONS publishes none; lower mortality is treated as better, as Fingertips treats mortality rates.",
    ],
    licence: OGL,
    aggregation: "none",
    origin: "ons",
  },
];

export const CATALOGUE: ReadonlyMap<string, IndicatorMeta> = new Map(
  [...DERIVED, ...FINGERTIPS, ...ONS, ...Object.entries(QOF_REGISTERS).map(([code, r]) => qofIndicator(code, r.listType))].map((m) => [m.id, m]),
);
