/**
 * The unit values shipped with the product: only those whose licence allows it (the
 * GMCA Unit Cost Database and PSSRU's Unit Costs of Health and Social Care), each with
 * its source, price year and licence as domain.md §2.4–2.5 records them. HACT Social
 * Value Bank values are not shipped: their licence restricts embedding them in products,
 * so licensed users enter them. Prices are in the value's own price year (2010 = 2010-11).
 */
import type { UnitValue } from "./estimate";

const GMCA = {
  source: "GMCA (New Economy) Unit Cost Database v1.4, original price-year values",
  sourceUrl: "https://www.greatermanchester-ca.gov.uk/what-we-do/research/research-cost-benefit-analysis",
  licence: "Free to reuse with attribution to GMCA; the v3.0 database is published under CC BY 4.0",
};
const PSSRU = {
  source: "PSSRU (CoReC) Unit Costs of Health and Social Care 2025",
  sourceUrl: "https://kar.kent.ac.uk/115569/",
  licence: "Published for free use with citation of PSSRU, University of Kent",
};

export const SHIPPED_UNIT_VALUES: readonly UnitValue[] = [
  { code: "HO1.0", item: "Complex eviction (fiscal cost)", valuePence: 668_000, unit: "per incident", priceYear: 2010, outcome: "possession-prevented", ...GMCA },
  { code: "HO2.0", item: "Simple repossession", valuePence: 69_000, unit: "per incident", priceYear: 2010, outcome: null, ...GMCA },
  { code: "HO3.0", item: "Statutory homelessness application (one-off and ongoing costs)", valuePence: 250_100, unit: "per application", priceYear: 2010, outcome: "homelessness-prevented", ...GMCA },
  { code: "HO4.1", item: "Temporary accommodation: bed and breakfast", valuePence: 33_495, unit: "per week", priceYear: 2010, outcome: null, ...GMCA },
  { code: "HO4.0", item: "Temporary accommodation: hostel", valuePence: 10_745, unit: "per week", priceYear: 2010, outcome: null, ...GMCA },
  { code: "HO5.0", item: "Successful homelessness prevention scheme", valuePence: 64_200, unit: "per case", priceYear: 2010, outcome: null, ...GMCA },
  { code: "HO5.1", item: "Legal Services Commission housing advice", valuePence: 17_400, unit: "per session", priceYear: 2010, outcome: null, ...GMCA },
  { code: "HO6.0", item: "Rough sleeper (local authority spend)", valuePence: 790_000, unit: "per year", priceYear: 2010, outcome: null, ...GMCA },
  { code: "HE20.2", item: "GP face-to-face consultation (11.7 minutes)", valuePence: 3_800, unit: "per consultation", priceYear: 2013, outcome: null, ...GMCA },
  { code: "HE20.3", item: "GP telephone consultation (7.1 minutes)", valuePence: 2_300, unit: "per consultation", priceYear: 2013, outcome: null, ...GMCA },
  { code: "HE4.0", item: "A&E attendance (all)", valuePence: 10_900, unit: "per attendance", priceYear: 2011, outcome: null, ...GMCA },
  { code: "HE11.0", item: "Depression and/or anxiety service provision", valuePence: 83_000, unit: "per person per year", priceYear: 2007, outcome: null, ...GMCA },
  { code: "CR2.0", item: "Domestic violence incident (fiscal, economic and social)", valuePence: 247_000, unit: "per incident", priceYear: 2008, outcome: null, ...GMCA },
  { code: "E&E2.0", item: "ESA claimant entering work (fiscal and economic)", valuePence: 863_200, unit: "per year", priceYear: 2012, outcome: null, ...GMCA },
  { code: "PSSRU-9.4.2", item: "GP surgery consultation lasting 10 minutes, with qualification costs", valuePence: 4_800, unit: "per consultation", priceYear: 2024, outcome: null, ...PSSRU },
  { code: "PSSRU-6.1.1", item: "A&E (emergency care) attendance", valuePence: 28_000, unit: "per attendance", priceYear: 2024, outcome: null, ...PSSRU },
  { code: "PSSRU-TT", item: "NHS Talking Therapies care contact", valuePence: 16_900, unit: "per contact", priceYear: 2024, outcome: null, ...PSSRU },
  { code: "PSSRU-SW", item: "Social worker (adult), with qualification costs", valuePence: 6_100, unit: "per hour", priceYear: 2024, outcome: null, ...PSSRU },
];
