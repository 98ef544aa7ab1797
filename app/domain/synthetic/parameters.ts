/**
 * Every number the synthetic HJP generator draws from, with where it comes from. Sources
 * are sections of /work/shared/reference/domain.md and the studies they cite. "Assumption"
 * marks a value chosen for realism where no published figure was found; "derived" a value
 * calculated from cited figures. Changing a value here changes the data, so the tests in
 * generator.test.ts check the generated data against the cited ranges.
 */

export type Parameter<T> = { value: T; source: string };

const p = <T>(value: T, source: string): Parameter<T> => ({ value, source });

/** Weights by code: drawn in proportion (they need not sum to 1). */
export type Weights = Readonly<Record<string, number>>;

export const PARAMETERS = {
  clientsPerAdviserFtePerYear: p<[number, number]>(
    [150, 300],
    "domain.md §3.4 suggested prior: 150–300 clients per FTE per year for casework-heavy HJP advice (GCPH Deep End ≈153 attending clients per worker; Moray ≈220–325 casework clients per FTE). Each service draws its own rate uniformly in the range."
  ),
  attendanceRate: p<[number, number]>(
    [0.6, 0.7],
    "domain.md §3.3: referral to attendance about 70% (GCPH Deep End, 'around seven out of 10 attended') and 60% (Parkhead, 165 of 276). Each service draws its own rate uniformly in the range."
  ),
  adviserFteBySetting: p<Readonly<Record<string, [number, number]>>>(
    { "gp-practice": [0.5, 4], hospital: [1, 2], "mental-health": [1.5, 2.5], maternity: [0.8, 1.2], hospice: [0.5, 0.8], remote: [1.5, 2.5], community: [0.8, 1.5] },
    "Assumption, sized on domain.md §1.3 and §3.4: Deep End ran 3 advice workers across 9 practices, Parkhead 1 adviser across 2 practices; hospital, hospice and maternity services are usually smaller. GP services are staffed for their practices' referrals (see referralsPer100PatientsPerYear), within this range."
  ),
  sessionsPerSitePerWeek: p<[number, number]>([1, 2], "domain.md §1.3: Deep End advisers give half a day per practice per week; Hackney advisers one day a week (§3.4). A session is half a day."),
  rampUpQuarters: p<readonly number[]>([0.5, 0.8], "Assumption: a new service reaches full volume in its third quarter (referrers learn the route); the first two quarters run at 50% and 80%."),
  problemShare: p<Weights>(
    {
      "welfare-benefits": 0.8,
      debt: 0.4,
      housing: 0.3,
      "consumer-utilities": 0.12,
      employment: 0.08,
      "community-care": 0.05,
      other: 0.05,
      immigration: 0.04,
      "domestic-abuse": 0.03,
      "family-child-protection": 0.03,
    },
    "Chance a client has each problem area. Order from domain.md §0 (UCL landscape: welfare benefits advised on in 93% of partnerships, housing and debt in 64%) and §1.3 (over half of Deep End gains from disability benefits); the client-level shares are an assumption."
  ),
  benefitSubType: p<Weights>(
    {
      pip: 0.3,
      "universal-credit": 0.25,
      esa: 0.1,
      "attendance-allowance": 0.1,
      "carers-allowance": 0.05,
      "pension-credit": 0.05,
      "housing-benefit": 0.05,
      "council-tax-reduction": 0.05,
      other: 0.05,
    },
    "Assumption weighted to disability benefits: domain.md §1.3, over half of Deep End financial gains came from disability-related benefits."
  ),
  debtSubType: p<Weights>({ priority: 0.6, "non-priority": 0.4 }, "Assumption (priority debts — rent, council tax, energy — dominate in deprived caseloads, domain.md §3.2)."),
  housingSubType: p<Weights>(
    { disrepair: 0.25, "damp-mould": 0.25, possession: 0.2, homelessness: 0.15, other: 0.15 },
    "Assumption; damp and mould recorded separately because of Awaab's Law (domain.md §0)."
  ),
  gainPerAttendingClientGbp: p<[number, number]>(
    [2689, 3300],
    "domain.md §2.1: £2,689 average gain per advice recipient (Woodhead et al. 2017, Haringey and Camden); ≈£3,300 per attending client (derived, GCPH Deep End £1.5m over ≈458 attendees); £2,757 a year (Reece et al. review). Used to check the generated mean."
  ),
  gainChanceWithBenefitProblem: p<number>(
    0.55,
    "Assumption: share of closed, attended clients with a welfare-benefit problem who gain income; set so the mean gain per attending client falls in the cited range."
  ),
  gainMedianGbp: p<number>(
    4100,
    "Median gain of a client who gains (lognormal, σ = 1, mean ≈ £6,760); derived so that 0.8 × 0.55 × £6,760 ≈ £2,970 per attending client, inside the cited range. Parkhead's median was ~£7,000 per engaged client per year (domain.md §1.3)."
  ),
  gainLogSd: p<number>(1, "Assumption: a wide, right-skewed spread of gains (a few large backdated disability awards)."),
  recurringShareOfGain: p<[number, number]>([0.6, 0.9], "Assumption: most gains are recurring annual benefit; the rest one-off (backdating, grants) (domain.md §1.6C)."),
  debtManagedPerAttendingClientGbp: p<[number, number]>(
    [900, 1100],
    "domain.md §1.3: GCPH £470k debt managed for ≈458 attendees (≈£1,026 each, derived); Parkhead £156k for 165 engaged (≈£945). Used to check the generated mean."
  ),
  debtOutcomeChance: p<number>(0.6, "Assumption: share of closed, attended clients with a debt problem who get debt managed or written off."),
  debtManagedMedianGbp: p<number>(2550, "Derived: lognormal (σ = 1) median so that 0.4 × 0.6 × mean ≈ £1,000 per attending client."),
  debtWrittenOffChance: p<number>(0.2, "Assumption: share of debt outcomes that include a write-off (e.g. a debt relief order)."),
  housingOutcome: p<Weights>(
    {
      "repairs-secured": 0.22,
      "possession-prevented": 0.15,
      "homelessness-prevented": 0.1,
      "homelessness-relieved": 0.05,
      rehoused: 0.05,
      "temporary-accommodation-avoided": 0.05,
      other: 0.1,
      none: 0.28,
    },
    "Assumption over the MAS housing outcomes the domain names (domain.md §1.6C); damp-and-mould problems get repairs secured twice as often."
  ),
  problemResolved: p<Weights>({ yes: 0.55, partly: 0.3, no: 0.15 }, "Assumption: most advice resolves the problem (the purpose of advice is to solve the client's problem, domain.md §1.2)."),
  swemwbsBaseline: p<{ mean: number; sd: number }>(
    { mean: 19.5, sd: 4 },
    "Assumption: below the population mean, as HJP clients are in financial and legal difficulty (71% with a long-term condition, domain.md §1.4)."
  ),
  swemwbsFollowupChance: p<number>(0.35, "Assumption: share of closed, attended clients with a follow-up wellbeing score."),
  swemwbsChange: p<{ positive: number; other: number; sd: number }>(
    { positive: 1.29, other: 0, sd: 2.75 },
    "domain.md §2.2: SWEMWBS β = 1.29 (95% CI 0.25–2.32) for clients whose advice had positive outcomes (Woodhead et al. 2017); individual spread from the WEMWBS standard error of measurement, 2.4–3.1 points (Maheswaran et al. 2012)."
  ),
  serviceLevel: p<Weights>({ information: 0.1, advice: 0.45, casework: 0.35, representation: 0.1 }, "Assumption over the service levels of domain.md §1.6A."),
  daysToFirstContact: p<[number, number]>([2, 28], "Assumption: direct booking gives a first appointment within days (MoJ progress report, domain.md §1.4)."),
  daysOpenByLevel: p<Readonly<Record<string, [number, number]>>>(
    { information: [0, 7], advice: [7, 45], casework: [30, 180], representation: [60, 270] },
    "Assumption: casework and tribunal representation take months."
  ),
  referralSourceBySetting: p<Readonly<Record<string, Weights>>>(
    {
      "gp-practice": { gp: 0.45, "practice-nurse": 0.1, receptionist: 0.1, "social-prescriber": 0.15, "other-health": 0.05, self: 0.15 },
      hospital: { "hospital-ward": 0.6, "other-health": 0.2, gp: 0.05, "social-prescriber": 0.05, self: 0.1 },
      "mental-health": { "mental-health-team": 0.7, gp: 0.1, "other-health": 0.1, self: 0.1 },
      maternity: { midwife: 0.6, "health-visitor": 0.25, gp: 0.05, self: 0.1 },
      hospice: { hospice: 0.75, "other-health": 0.1, gp: 0.05, self: 0.1 },
      remote: { gp: 0.3, "social-prescriber": 0.2, "practice-nurse": 0.05, "hospital-ward": 0.1, "mental-health-team": 0.1, "other-health": 0.1, self: 0.15 },
      community: { "other-health": 0.4, "social-prescriber": 0.25, gp: 0.15, self: 0.2 },
    },
    "domain.md §1.3: in the Deep End evaluation referrals came mostly from GPs; each setting's own staff refer most (NCMLP measures 2–4, domain.md §1.1); shares are an assumption."
  ),
  referralRouteByModel: p<Readonly<Record<string, Weights>>>(
    {
      "co-located": { "direct-booking": 0.5, "warm-handover": 0.2, "e-referral": 0.25, "walk-in": 0.05 },
      outreach: { "direct-booking": 0.3, "warm-handover": 0.2, "e-referral": 0.45, "walk-in": 0.05 },
      remote: { "e-referral": 0.6, "direct-booking": 0.3, other: 0.1 },
      "referral-only": { "e-referral": 0.8, other: 0.2 },
    },
    "domain.md §1.4: direct booking into the adviser's diary is a key enabler (MoJ progress report); shares are an assumption."
  ),
  deliveryModeByModel: p<Readonly<Record<string, Weights>>>(
    {
      "co-located": { "face-to-face": 0.7, telephone: 0.2, video: 0.05, "home-visit": 0.05 },
      outreach: { outreach: 0.5, "face-to-face": 0.2, telephone: 0.2, "home-visit": 0.1 },
      remote: { telephone: 0.75, video: 0.25 },
      "referral-only": { outreach: 0.4, telephone: 0.5, video: 0.1 },
    },
    "MoJ progress report (domain.md §1.4): advisers physically present, with remote delivery when needed; shares are an assumption."
  ),
  clientOutsideIcb: p<number>(0.04, "Assumption: share of clients of non-GP services whose GP practice is in a neighbouring ICB (hospitals and hospices serve across borders)."),
  clientNeighbourhoodUnknown: p<number>(0.05, "Assumption: share of non-GP episodes with no GP practice recorded."),
  deprivationShift: p<Weights>(
    { "-2": 0.2, "-1": 0.35, "0": 0.3, "1": 0.15 },
    "Assumption: a client's deprivation decile is drawn around their neighbourhood's, shifted towards more deprived (legal problems concentrate in low-income households and social renters, domain.md §3.1–3.2)."
  ),
  ageBand: p<Weights>(
    { "18-24": 0.05, "25-34": 0.12, "35-44": 0.18, "45-54": 0.22, "55-64": 0.2, "65-74": 0.12, "75-84": 0.08, "85-plus": 0.03 },
    "domain.md §1.4: 65% of clients aged 45 and over (MoJ progress report); shape within bands is an assumption."
  ),
  sex: p<Weights>({ female: 0.64, male: 0.35, "not-known": 0.01 }, "domain.md §1.4: 64% female (MoJ progress report)."),
  ethnicity: p<Weights>(
    { white: 0.8, asian: 0.1, black: 0.04, mixed: 0.02, other: 0.01, "not-stated": 0.03 },
    "domain.md §1.4 reports 92% white across 13 HJPs; lowered to 80% for the urban ICBs of the demonstration (assumption)."
  ),
  disabilityOrLtc: p<number>(0.71, "domain.md §1.4: 71% with a long-term health condition (MoJ progress report)."),
  repeatClient: p<number>(0.05, "Assumption: share of episodes of a client the service has seen before."),
  funderType: p<Weights>(
    { "charitable-trust": 0.3, "la-public-health": 0.25, lottery: 0.15, icb: 0.15, "nhs-trust": 0.05, "legal-aid": 0.05, other: 0.05 },
    "domain.md §0: funding came mostly from charities and local authorities, less often from CCGs or other NHS sources (UCL, Beardon); shares are an assumption."
  ),
  awardUnderAYear: p<number>(0.4, "domain.md §0: almost 40% of health justice partnerships had funding for less than a year (UCL)."),
  awardMonths: p<{ short: [number, number]; long: [number, number] }>({ short: [6, 11], long: [12, 36] }, "Assumption: short awards run 6–11 months, others 1–3 years."),
  costPerAdviserFteGbp: p<[number, number]>([36_000, 45_000], "Derived: ≈£179 per advice recipient (Haringey, domain.md §2.1, §3.5) × 200–250 clients per FTE, with on-costs."),
  secondaryAwardChance: p<number>(0.3, "Assumption: share of award periods with a second, smaller funder alongside."),
  trainingSessionsPerQuarter: p<[number, number]>([0, 3], "Assumption: services train practice staff to spot legal needs and refer ('critical noticers', domain.md §1.1 measure 1)."),
  traineesPerSession: p<Readonly<Record<string, [number, number]>>>({ gp: [0, 4], nurse: [0, 4], receptionist: [1, 8], other: [0, 4] }, "Assumption: practice team training sessions of 5–15 people."),
  referralsPer100PatientsPerYear: p<[number, number]>(
    [1, 2],
    "domain.md §3.3: ≈2.3 referrals per 100 registered patients a year in Parkhead's Deep End practices (derived), an upper-range prior for the most deprived practices. A GP service draws its rate below that and is staffed for the referrals its practices' lists give."
  ),
} as const;

export type Parameters = typeof PARAMETERS;

/** The table as rows, for the README and the parameters page. */
export function parameterTable(): { name: string; value: string; source: string }[] {
  return Object.entries(PARAMETERS).map(([name, { value, source }]) => ({ name, value: JSON.stringify(value), source }));
}
