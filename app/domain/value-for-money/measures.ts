/**
 * Value-for-money measures for one row (a service, organisation, funder, footprint or
 * model, in one period): spend in pence, computed from unrounded totals, then put
 * through disclosure control (app/domain/disclosure) because every measure but spend
 * rests on counts of people. A ratio is null when its denominator is zero (no spend, no
 * clients): "no value", never zero or infinity.
 */
import { discloseCount, discloseMean, discloseProportion, MINIMUM_PEOPLE, isSmallCount, type DisclosedInterval } from "../disclosure/index";

/**
 * A change of 3 or more SWEMWBS points counts as meaningful for one person: the top of
 * the 1–3 point range Shah et al. 2018 found for statistically important change, so that
 * a change within the measure's error (WEMWBS SEM 2.4–3.1) is not counted (domain.md §2.2).
 */
export const MEANINGFUL_SWEMWBS_CHANGE = 3;

/** Unrounded totals for one row, as the database gives them. */
export type VfmTotals = {
  spendPence: number;
  referrals: number;
  /** Clients who attended: the people the spend reached. */
  clients: number;
  /** Attended clients whose cases have closed. */
  casesClosed: number;
  clientsWithGains: number;
  gainsRecurringPence: number;
  gainsOneOffPence: number;
  clientsWithDebtOutcome: number;
  debtWrittenOffPence: number;
  debtManagedPence: number;
  housingOutcomes: number;
  dampMould: number;
  dampMouldRepaired: number;
  resolvedYes: number;
  resolvedPartly: number;
  resolvedNo: number;
  wellbeingN: number;
  wellbeingMeanChange: number | null;
  wellbeingSdChange: number | null;
  wellbeingMeaningful: number;
};

/** What may be shown of one row. Money ratios are pounds per £1 of spend; costs are pence. */
export type VfmMeasures = {
  spendPence: number;
  clients: number | null;
  casesClosed: number | null;
  costPerClientPence: number | null;
  costPerCasePence: number | null;
  /** Recurring gains (a year) per £1 of spend. */
  recurringGainPerPound: number | null;
  /** One-off gains (backdated awards, grants) per £1: shown apart from recurring gains, never added to them. */
  oneOffGainPerPound: number | null;
  debtWrittenOffPerPound: number | null;
  debtManagedPerPound: number | null;
  /** % of clients with a result whose problems were resolved or partly resolved, with the 95% Wilson interval. */
  resolved: DisclosedInterval;
  /** Mean SWEMWBS change (points) with the 95% t interval. */
  wellbeing: DisclosedInterval;
  /** % of clients with both scores whose score rose by MEANINGFUL_SWEMWBS_CHANGE or more. */
  wellbeingMeaningful: DisclosedInterval;
  housingOutcomes: number | null;
  /** % of clients with damp or mould whose advice secured repairs. */
  dampMouldRepaired: DisclosedInterval;
};

/** Amount per £1 of spend (both in pence), or null when nothing was spent. */
export function perPound(amountPence: number, spendPence: number): number | null {
  if (!(spendPence > 0)) return null;
  return amountPence / spendPence;
}

/**
 * Spend per person or case, in pence, or null when there is no one to divide by or no
 * spend recorded (no award attributed to the period is not the same as free).
 */
export function costPer(spendPence: number, count: number): number | null {
  if (!(count > 0) || !(spendPence > 0)) return null;
  return spendPence / count;
}

/** A sum about people may be shown when it rests on none or on at least MINIMUM_PEOPLE. */
const sumShown = (people: number) => people === 0 || people >= MINIMUM_PEOPLE;

/**
 * Every measure of a row after disclosure control. A ratio resting on 1–7 people is
 * hidden, as the count itself would be: spend is published in full, so spend ÷ cost per
 * client would give the count back.
 */
export function vfmMeasures(t: VfmTotals): VfmMeasures {
  const shownCount = (n: number) => discloseCount(n).value;
  const withResult = t.resolvedYes + t.resolvedPartly + t.resolvedNo;
  return {
    spendPence: Math.round(t.spendPence),
    clients: shownCount(t.clients),
    casesClosed: shownCount(t.casesClosed),
    costPerClientPence: isSmallCount(t.clients) ? null : costPer(t.spendPence, t.clients),
    costPerCasePence: isSmallCount(t.casesClosed) ? null : costPer(t.spendPence, t.casesClosed),
    recurringGainPerPound: sumShown(t.clientsWithGains) ? perPound(t.gainsRecurringPence, t.spendPence) : null,
    oneOffGainPerPound: sumShown(t.clientsWithGains) ? perPound(t.gainsOneOffPence, t.spendPence) : null,
    debtWrittenOffPerPound: sumShown(t.clientsWithDebtOutcome) ? perPound(t.debtWrittenOffPence, t.spendPence) : null,
    debtManagedPerPound: sumShown(t.clientsWithDebtOutcome) ? perPound(t.debtManagedPence, t.spendPence) : null,
    resolved: discloseProportion({ numerator: t.resolvedYes + t.resolvedPartly, denominator: withResult }),
    wellbeing: discloseMean({ n: t.wellbeingN, mean: t.wellbeingMeanChange, sd: t.wellbeingSdChange }),
    wellbeingMeaningful: discloseProportion({ numerator: t.wellbeingMeaningful, denominator: t.wellbeingN }),
    housingOutcomes: shownCount(t.housingOutcomes),
    dampMouldRepaired: discloseProportion({ numerator: t.dampMouldRepaired, denominator: t.dampMould }),
  };
}

/**
 * A funder's share of several services' totals: each service's additive counts and sums
 * times the funder's share of that service's spend in the period. The wellbeing mean is
 * not apportioned (a share of a person has no score), so it is left out.
 */
export function apportionTotals(parts: readonly { totals: VfmTotals; share: number }[]): VfmTotals {
  const out: VfmTotals = { ...EMPTY_TOTALS };
  const keys = (Object.keys(EMPTY_TOTALS) as (keyof VfmTotals)[]).filter((k) => !k.startsWith("wellbeing"));
  for (const { totals, share } of parts) for (const k of keys) (out[k] as number) += (totals[k] as number) * share;
  return out;
}

export const EMPTY_TOTALS: VfmTotals = {
  spendPence: 0,
  referrals: 0,
  clients: 0,
  casesClosed: 0,
  clientsWithGains: 0,
  gainsRecurringPence: 0,
  gainsOneOffPence: 0,
  clientsWithDebtOutcome: 0,
  debtWrittenOffPence: 0,
  debtManagedPence: 0,
  housingOutcomes: 0,
  dampMould: 0,
  dampMouldRepaired: 0,
  resolvedYes: 0,
  resolvedPartly: 0,
  resolvedNo: 0,
  wellbeingN: 0,
  wellbeingMeanChange: null,
  wellbeingSdChange: null,
  wellbeingMeaningful: 0,
};
