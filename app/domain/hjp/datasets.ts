/**
 * The four HJP datasets as files: their columns, in order, with what each holds. The
 * import parsers check rows against these, the templates are generated from them and
 * the data dictionary page lists them, so the three always agree.
 */
import {
  amountsByType,
  code,
  codeList,
  date,
  decimal,
  defineDataset,
  money,
  oneOf,
  outwardCode,
  problemList,
  pseudonymousRef,
  reportingPeriod,
  siteList,
  text,
  wholeNumber,
  yesNo,
  yesNoNotKnown,
} from "./cells";
import {
  AGE_BANDS,
  BENEFIT_TYPES,
  DELIVERY_MODELS,
  DELIVERY_MODES,
  ETHNIC_GROUPS,
  FUNDER_TYPES,
  HOUSING_OUTCOMES,
  PROBLEM_AREAS,
  PROBLEM_RESOLVED,
  REFERRAL_ROUTES,
  REFERRAL_SOURCES,
  SERVICE_LEVELS,
  SETTINGS,
  SEXES,
} from "./vocabularies";

/** 360Giving organisation identifiers: registry prefix then the registered number (GB-CHC-1234567, GB-COH-01234567). */
export const ORG_ID = { pattern: /^[A-Z]{2}-[A-Z0-9]{2,10}-[A-Z0-9-]{1,40}$/, label: "360Giving organisation identifier (e.g. GB-CHC-1234567)" };
const SERVICE_REF = { pattern: /^[A-Z0-9][A-Z0-9._-]{0,39}$/, label: "service reference (letters, digits, dots, hyphens; up to 40)" };
const ODS_SITE = /^[A-Z0-9]{3,6}$/;
/** GP practice ODS codes: a letter and five digits. */
export const PRACTICE_CODE = /^[A-Z]\d{5}$/;
const PCN = /^U\d{5}$/;
const LSOA21 = /^E01\d{6}$/;
const ICB = /^E54\d{6}$/;
/** Neighbourhood (PCN), place (upper-tier authority, split place or the ICB's own place) or ICB codes. */
const SERVED_AREA = /^(U\d{5}|E\d{8}(-[A-Z0-9]{3})?|[A-Z0-9]{3}-P\d{3})$/;

/** A service's own reference and its provider: together they name the service in the other files. */
const serviceColumns = {
  provider_org_id: code({ required: true, ...ORG_ID, description: "The VCSE organisation that runs the service, by its 360Giving identifier. The organisation must already be registered in the product.", example: "GB-CHC-1000001" }),
  service_ref: code({ required: true, ...SERVICE_REF, description: "The provider's own short reference for the service, unique within the organisation. The other files name the service by provider_org_id and service_ref.", example: "SALFORD-GP" }),
};

export const servicesDataset = defineDataset(
  {
    id: "hjp-services",
    title: "HJP services",
    description: "The health justice partnership services a VCSE organisation runs: where, for whom, how and with what staff. Loading a file adds new services and replaces the details of services already known (by provider and service reference).",
    rowIs: "one service",
  },
  {
    ...serviceColumns,
    service_name: text({ required: true, max: 200, description: "The service's name as commissioners know it.", example: "Salford GP welfare rights service" }),
    icb_code: code({ required: true, pattern: ICB, label: "ICB code (E54 and 6 digits)", description: "The integrated care board the service works in (ONS code).", example: "E54000057" }),
    sites: siteList({ required: true, description: "The health settings the service works in, each with the NHS organisation (ODS) code of the site: a GP practice code, an NHS trust site code and so on. A remote service lists just \"remote\".", example: "gp-practice:P87020; gp-practice:P87024; hospital:RM301" }, SETTINGS, ODS_SITE),
    areas_served: codeList({ required: true, pattern: SERVED_AREA, label: "neighbourhood (PCN), place or ICB code", description: "The footprint served: neighbourhood (PCN) codes, place codes, or the ICB code for the whole ICB. Each must belong to the service's ICB.", example: "U00203; U03153" }),
    delivery_model: oneOf({ required: true, description: "How the service is mainly delivered.", example: "co-located" }, DELIVERY_MODELS, "delivery model"),
    problem_areas: problemList({ required: true, description: "The problem areas the service advises on (areas only; sub-types are recorded per episode).", example: "welfare-benefits; debt; housing" }, PROBLEM_AREAS),
    adviser_fte: decimal({ required: true, min: 0, max: 100, description: "Advisers, in full-time equivalents.", example: "2.5" }),
    supervising_solicitor_fte: decimal({ min: 0, max: 100, description: "Supervising solicitors, in full-time equivalents (blank for none).", example: "0.2" }),
    admin_fte: decimal({ min: 0, max: 100, description: "Administrative staff, in full-time equivalents (blank for none).", example: "0.5" }),
    sessions_per_week: decimal({ required: true, min: 0, max: 500, description: "Advice sessions (half days) delivered per week across all sites.", example: "6" }),
  },
);

export const activityDataset = defineDataset(
  {
    id: "hjp-activity",
    title: "HJP case-level activity and outcomes",
    description:
      "One row per client episode, pseudonymised: no names, NHS numbers, dates of birth, addresses, full postcodes or contact details. A file replaces the service's activity for each reporting period it contains; an episode already known (same service and episode_ref) is replaced, never duplicated.",
    rowIs: "one client episode",
  },
  {
    ...serviceColumns,
    episode_ref: pseudonymousRef({ required: true, description: "The service's own case or episode number. It is the episode's key: sending the same episode again replaces it.", example: "CASE-000123" }),
    client_ref: pseudonymousRef({ description: "A pseudonymous client number, so that repeat clients can be counted (never an NHS number).", example: "CL-4471" }),
    reporting_period: reportingPeriod({ required: true, description: "The quarter this return is for. A file replaces the service's earlier data for the same quarter.", example: "2025-26 Q1" }),
    referral_date: date({ required: true, description: "When the client was referred (on or before the end of the reporting period).", example: "2025-04-14" }),
    referral_source: oneOf({ required: true, description: "Who referred the client.", example: "gp" }, REFERRAL_SOURCES, "referral source"),
    referral_route: oneOf({ description: "How the referral was made.", example: "direct-booking" }, REFERRAL_ROUTES, "referral route"),
    attended: yesNo({ required: true, description: "Whether the client attended (took up advice after referral).", example: "yes" }),
    first_contact_date: date({ description: "When the adviser first saw or spoke to the client.", example: "2025-04-22" }),
    setting: oneOf({ required: true, description: "The health setting the client was reached through.", example: "gp-practice" }, SETTINGS, "setting"),
    site_ods_code: code({ pattern: ODS_SITE, label: "ODS code (3 to 6 letters and digits)", description: "The NHS organisation (ODS) code of the site: required for a GP practice (its practice code, which gives the episode its neighbourhood).", example: "P87020" }),
    delivery_mode: oneOf({ required: true, description: "How this client's advice was delivered.", example: "face-to-face" }, DELIVERY_MODES, "delivery mode"),
    problem_categories: problemList({ required: true, description: "The client's problems, each an area or area:sub-type.", example: "welfare-benefits:pip; debt:priority; housing:damp-mould" }, PROBLEM_AREAS),
    service_level: oneOf({ required: true, description: "The highest level of service given.", example: "casework" }, SERVICE_LEVELS, "service level"),
    client_pcn_code: code({ pattern: PCN, label: "PCN code (U and 5 digits)", description: "The primary care network of the client's GP practice, where known. Blank for a GP-practice setting: the site's PCN is used.", example: "" }),
    client_lsoa: code({ pattern: LSOA21, label: "LSOA 2021 code (E01 and 6 digits)", description: "The client's lower-layer super output area (2021), where known. Gives the deprivation decile when client_imd_decile is blank.", example: "E01005600" }),
    client_outward_code: outwardCode({ description: "The outward code of the client's postcode (the part before the space, e.g. M14). A full postcode is refused.", example: "M30" }),
    client_imd_decile: wholeNumber({ min: 1, max: 10, description: "The client's national deprivation decile (1 = most deprived). Blank: taken from client_lsoa (IMD 2025) when given.", example: "" }),
    age_band: oneOf({ description: "The client's age band.", example: "45-54" }, AGE_BANDS, "age band"),
    sex: oneOf({ description: "The client's sex.", example: "female" }, SEXES, "sex"),
    ethnicity: oneOf({ description: "The client's ethnic group (Census 2021 high-level groups).", example: "white" }, ETHNIC_GROUPS, "ethnic group"),
    disability_or_ltc: yesNoNotKnown({ description: "Whether the client has a disability or long-term health condition.", example: "yes" }),
    gains_recurring_annual: amountsByType({ maxPounds: 1_000_000, description: "Recurring financial gains, annualised, by benefit type.", example: "pip=4200; universal-credit=1300.50" }, BENEFIT_TYPES, "benefit type"),
    gains_one_off: amountsByType({ maxPounds: 1_000_000, description: "One-off financial gains (backdated awards, lump sums, grants) by benefit type.", example: "pip=850" }, BENEFIT_TYPES, "benefit type"),
    debt_written_off: money({ maxPounds: 1_000_000, description: "Debt written off, in pounds.", example: "1200" }),
    debt_managed: money({ maxPounds: 1_000_000, description: "Debt rescheduled or managed, in pounds.", example: "3400.75" }),
    housing_outcome: oneOf({ description: "The housing outcome, where there was a housing problem.", example: "repairs-secured" }, HOUSING_OUTCOMES, "housing outcome"),
    problem_resolved: oneOf({ description: "Whether the client's problems were resolved (at closure).", example: "yes" }, PROBLEM_RESOLVED, "problem resolved"),
    swemwbs_baseline: decimal({ min: 7, max: 35, description: "Short Warwick-Edinburgh Mental Wellbeing Scale score at first contact (7 to 35).", example: "19" }),
    swemwbs_followup: decimal({ min: 7, max: 35, description: "SWEMWBS score at follow-up (7 to 35).", example: "23.5" }),
    closed_date: date({ description: "When the episode was closed (blank while open).", example: "2025-06-20" }),
  },
);

export const trainingDataset = defineDataset(
  {
    id: "hjp-training",
    title: "HJP training of health staff",
    description: "Sessions that train health staff to spot health-harming legal needs and refer (the \"critical noticers\"), per service, quarter and site, so that referrals can be read against training. A file replaces the rows it names (same service, quarter and site).",
    rowIs: "the training one service gave at one site (or across all sites) in one quarter",
  },
  {
    ...serviceColumns,
    reporting_period: reportingPeriod({ required: true, description: "The quarter the training was delivered in.", example: "2025-26 Q1" }),
    site_ods_code: code({ pattern: ODS_SITE, label: "ODS code (3 to 6 letters and digits)", description: "The site trained (e.g. a GP practice code); blank for training across sites.", example: "P87020" }),
    sessions_delivered: wholeNumber({ required: true, min: 0, max: 10_000, description: "Training sessions delivered.", example: "2" }),
    attendees_gp: wholeNumber({ required: true, min: 0, max: 100_000, description: "GPs who attended.", example: "6" }),
    attendees_nurse: wholeNumber({ required: true, min: 0, max: 100_000, description: "Nurses who attended.", example: "4" }),
    attendees_receptionist: wholeNumber({ required: true, min: 0, max: 100_000, description: "Receptionists and care navigators who attended.", example: "9" }),
    attendees_other: wholeNumber({ required: true, min: 0, max: 100_000, description: "Other health and care staff who attended.", example: "3" }),
  },
);

export const fundingDataset = defineDataset(
  {
    id: "hjp-funding",
    title: "HJP funding awards",
    description: "Funding awards to VCSE organisations for HJP services, with the 360Giving standard's required fields (identifier, title, description, currency, amount awarded, award date, recipient and funding organisation). A file adds new awards and replaces awards already known by identifier.",
    rowIs: "one funding award",
  },
  {
    grant_id: code({ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._/-]{2,99}$/, label: "grant identifier (360Giving prefix and the funder's reference)", upper: false, description: "The award's 360Giving identifier: the funder's 360G- prefix and its own reference. It is the award's key.", example: "360G-QOP-HJP-2025-001" }),
    title: text({ required: true, max: 200, description: "The award's title.", example: "Salford GP welfare rights service 2025-27" }),
    description: text({ required: true, max: 2000, description: "What the award pays for.", example: "Welfare rights advisers co-located in four Salford GP practices" }),
    currency: code({ required: true, pattern: /^GBP$/, label: "currency code (GBP)", description: "Always GBP.", example: "GBP" }),
    amount_awarded: money({ required: true, maxPounds: 100_000_000, description: "The amount awarded, in pounds.", example: "180000" }),
    amount_disbursed: money({ maxPounds: 100_000_000, description: "The amount paid so far, in pounds (not more than awarded).", example: "90000" }),
    award_date: date({ required: true, description: "When the award was made.", example: "2025-03-01" }),
    planned_start: date({ description: "When the funded work is planned to start.", example: "2025-04-01" }),
    planned_end: date({ description: "When the funded work is planned to end.", example: "2027-03-31" }),
    funder_org_id: code({ required: true, pattern: /^[A-Z]{2}-[A-Z0-9]{2,10}-[A-Z0-9-]{1,40}$/, label: "360Giving organisation identifier (e.g. GB-NHS-QOP)", description: "The funding organisation's 360Giving identifier.", example: "GB-NHS-QOP" }),
    funder_name: text({ required: true, max: 200, description: "The funding organisation's name.", example: "NHS Greater Manchester Integrated Care Board" }),
    funder_type: oneOf({ required: true, description: "What kind of funder it is.", example: "icb" }, FUNDER_TYPES, "funder type"),
    recipient_org_id: code({ required: true, ...ORG_ID, description: "The VCSE organisation funded, by its 360Giving identifier. It must be registered in the product.", example: "GB-CHC-1000001" }),
    recipient_org_name: text({ required: true, max: 200, description: "The recipient's name (a 360Giving required field; the organisation is matched by recipient_org_id).", example: "Greater Manchester Health Justice Advice (demo)" }),
    service_ref: code({ ...SERVICE_REF, description: "The recipient's service the award funds (blank when it funds the organisation generally).", example: "SALFORD-GP" }),
    grant_programme: text({ max: 200, description: "The funder's programme, if any.", example: "Health inequalities fund" }),
    fte_funded: decimal({ min: 0, max: 1000, description: "Full-time-equivalent posts the award funds.", example: "2.7" }),
  },
);

export const DATASETS = [servicesDataset, activityDataset, trainingDataset, fundingDataset] as const;

export type AnyDataset = (typeof DATASETS)[number];

export function datasetById(id: string): AnyDataset | undefined {
  return DATASETS.find((d) => d.id === id);
}
