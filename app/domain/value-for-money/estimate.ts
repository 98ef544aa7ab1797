/**
 * The fiscal and economic value estimate: outcomes counted for clients, each valued at a
 * unit value from the library brought to one price year. It is an estimate, and says
 * so: every line names the unit value, its source, price year and licence, and any
 * assumption behind it. Health-service savings are not counted unless a user adds a
 * unit value for them (Woodhead 2017 found no change in GP consultations; domain.md §2.3).
 */
import { complementarySuppression, isSmallCount } from "../disclosure/index";
import { financialYearLabel, type PriceIndex, rebasePence } from "./rebase";

/** The outcomes a unit value can be counted against, and what one of them is. */
export const ESTIMATE_OUTCOMES = [
  { code: "possession-prevented", label: "Possession or eviction prevented", counts: "clients whose housing outcome was possession or eviction prevented" },
  { code: "homelessness-prevented", label: "Homelessness prevented", counts: "clients whose housing outcome was homelessness prevented" },
  { code: "homelessness-relieved", label: "Homelessness relieved", counts: "clients whose housing outcome was homelessness relieved" },
  { code: "rehoused", label: "Rehoused", counts: "clients rehoused" },
  { code: "repairs-secured", label: "Repairs secured", counts: "clients whose advice secured repairs (including damp and mould)" },
  { code: "temporary-accommodation-avoided", label: "Temporary accommodation avoided", counts: "clients for whom temporary accommodation was avoided" },
  { code: "debt-outcome", label: "Debt written off or managed", counts: "clients with debt written off or managed" },
  { code: "problem-resolved", label: "Problem resolved", counts: "clients whose problems were resolved or partly resolved" },
  { code: "wellbeing-meaningful", label: "Meaningful wellbeing gain", counts: "clients whose SWEMWBS score rose by 3 points or more" },
] as const;

export type EstimateOutcome = (typeof ESTIMATE_OUTCOMES)[number]["code"];

export const ESTIMATE_OUTCOME_CODES = ESTIMATE_OUTCOMES.map((o) => o.code) as unknown as readonly [EstimateOutcome, ...EstimateOutcome[]];

export type UnitValue = {
  code: string;
  item: string;
  valuePence: number;
  unit: string;
  source: string;
  sourceUrl: string | null;
  priceYear: number;
  licence: string;
  outcome: string | null;
};

export type EstimateLine = {
  unitValue: UnitValue;
  outcomeLabel: string;
  /** The outcomes counted, or null when hidden (1–7 people, or to protect one that is). */
  count: number | null;
  /** The unit value in the estimate's price year (or its own, when it could not be brought to it). */
  unitValuePence: number;
  priceYear: number;
  /** count × unit value, or null when the count is hidden. */
  valuePence: number | null;
  note: string | null;
};

export type Estimate = {
  priceYear: number;
  lines: EstimateLine[];
  /** Σ of the lines, or null when it would reveal a hidden count. */
  totalPence: number | null;
  /** True when every line is in the estimate's price year. */
  allRebased: boolean;
  assumptions: string[];
};

/**
 * The estimate for the outcome counts given (unrounded), from every unit value that is
 * counted against an outcome. Disclosure: a line resting on 1–7 outcomes is hidden (its
 * value ÷ the unit value would give the count back), and the total with a single hidden
 * line hides the next smallest line too, as for any line of counts.
 */
export function valueEstimate({
  counts,
  unitValues,
  priceYear,
  index,
}: {
  counts: Partial<Record<EstimateOutcome, number>>;
  unitValues: readonly UnitValue[];
  priceYear: number;
  index: PriceIndex;
}): Estimate {
  const used = unitValues.filter((u) => u.outcome && ESTIMATE_OUTCOMES.some((o) => o.code === u.outcome));
  const raw = used.map((u) => {
    const count = counts[u.outcome as EstimateOutcome] ?? 0;
    const rebased = rebasePence({ valuePence: u.valuePence, fromYear: u.priceYear, toYear: priceYear, index });
    return { u, count, rebased };
  });
  const { hidden, total } = complementarySuppression({ primary: raw.map((r) => isSmallCount(r.count)), sizes: raw.map((r) => r.count), totalShown: true });
  const lines: EstimateLine[] = raw.map((r, i) => ({
    unitValue: r.u,
    outcomeLabel: ESTIMATE_OUTCOMES.find((o) => o.code === r.u.outcome)!.label,
    count: hidden[i] ? null : r.count,
    unitValuePence: r.rebased.valuePence,
    priceYear: r.rebased.priceYear,
    valuePence: hidden[i] ? null : r.count * r.rebased.valuePence,
    note: r.rebased.note,
  }));
  const allRebased = lines.every((l) => l.priceYear === priceYear);
  return {
    priceYear,
    lines,
    // The total includes hidden lines: two or more hidden lines protect each other.
    totalPence: total ? null : raw.reduce((s, r) => s + r.count * r.rebased.valuePence, 0),
    allRebased,
    assumptions: [
      "This is an estimate of public value, not money saved: it counts each outcome once at the unit value shown, as if the outcome would not have happened without advice (no deadweight or attribution is taken off).",
      `Values are in ${financialYearLabel(priceYear)} prices${allRebased ? "" : ", except lines marked as left in their own price year because the inflation index has no value for that year"}.`,
      "Health-service savings (GP consultations, prescriptions) are not counted unless a unit value is added for them: the controlled study of co-located advice found no change in GP consultations at 3 months.",
      "Social (wellbeing) values such as HACT's are licensed: they are counted only when a licensed user enters them.",
    ],
  };
}
