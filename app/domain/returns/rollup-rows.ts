/**
 * Accepted form returns as HJP roll-up rows. A form return holds aggregates, not
 * episodes, so it can only say what it knows: its figures count in full at ICB,
 * service, quarter and year; by referral source, problem area and housing outcome as
 * reported; and under "not known" for the footprints (place, neighbourhood), deprivation
 * and setting it does not record — so every table still adds up to the ICB total.
 * Attendance by referral source and problem resolution are not asked for, so they stay
 * out; the wellbeing spread is unknown, so a mean mixed with a form's has no interval.
 */
import { quarterOf } from "../synthetic/dates";
import { type ReturnAggregates, sumOf, totalReferrals } from "./measures";

/** The shape of rollups.server.ts's RollupRow, restated so that domain code does not import a service. */
export type RollupFigures = {
  key: string;
  referrals: number;
  attended: number;
  attendedRecent: number;
  closedAttended: number;
  clientsWithGains: number;
  gainsRecurringPence: number;
  gainsOneOffPence: number;
  clientsWithDebtOutcome: number;
  debtManagedPence: number;
  debtWrittenOffPence: number;
  housingOutcomes: number;
  dampMould: number;
  dampMouldRepaired: number;
  resolvedYes: number;
  resolvedPartly: number;
  resolvedNo: number;
  wellbeingN: number;
  wellbeingMeanChange: number | null;
  wellbeingSdChange: number | null;
};

export const ZERO: Omit<RollupFigures, "key"> = {
  referrals: 0,
  attended: 0,
  attendedRecent: 0,
  closedAttended: 0,
  clientsWithGains: 0,
  gainsRecurringPence: 0,
  gainsOneOffPence: 0,
  clientsWithDebtOutcome: 0,
  debtManagedPence: 0,
  debtWrittenOffPence: 0,
  housingOutcomes: 0,
  dampMould: 0,
  dampMouldRepaired: 0,
  resolvedYes: 0,
  resolvedPartly: 0,
  resolvedNo: 0,
  wellbeingN: 0,
  wellbeingMeanChange: null,
  wellbeingSdChange: null,
};

export type FormPeriod = { serviceId: number; periodStart: string; periodEnd: string; deliveryModel: string; aggregates: ReturnAggregates };

/** One form return's figures as a whole row. */
export function formRow(p: FormPeriod, key: string, recent?: { from: string; to: string }): RollupFigures {
  const a = p.aggregates;
  const attended = a.clientsAdvised ?? 0;
  return {
    ...ZERO,
    key,
    referrals: totalReferrals(a) ?? attended,
    attended,
    attendedRecent: recent && p.periodStart >= recent.from && p.periodEnd <= recent.to ? attended : 0,
    closedAttended: attended,
    clientsWithGains: a.clientsWithGains ?? 0,
    gainsRecurringPence: a.gainsRecurringPence ?? 0,
    gainsOneOffPence: a.gainsOneOffPence ?? 0,
    clientsWithDebtOutcome: a.clientsWithDebtOutcome ?? 0,
    debtManagedPence: a.debtManagedPence ?? 0,
    debtWrittenOffPence: a.debtWrittenOffPence ?? 0,
    housingOutcomes: sumOf(a.housingOutcomes) ?? 0,
    wellbeingN: a.wellbeingN ?? 0,
    wellbeingMeanChange: a.wellbeingN ? a.wellbeingMeanChange : null,
  };
}

/** Two rows for the same key added together. */
export function addRows(a: RollupFigures, b: RollupFigures): RollupFigures {
  const n = a.wellbeingN + b.wellbeingN;
  const mean = n ? ((a.wellbeingMeanChange ?? 0) * a.wellbeingN + (b.wellbeingMeanChange ?? 0) * b.wellbeingN) / n : null;
  return {
    key: a.key,
    referrals: a.referrals + b.referrals,
    attended: a.attended + b.attended,
    attendedRecent: a.attendedRecent + b.attendedRecent,
    closedAttended: a.closedAttended + b.closedAttended,
    clientsWithGains: a.clientsWithGains + b.clientsWithGains,
    gainsRecurringPence: a.gainsRecurringPence + b.gainsRecurringPence,
    gainsOneOffPence: a.gainsOneOffPence + b.gainsOneOffPence,
    clientsWithDebtOutcome: a.clientsWithDebtOutcome + b.clientsWithDebtOutcome,
    debtManagedPence: a.debtManagedPence + b.debtManagedPence,
    debtWrittenOffPence: a.debtWrittenOffPence + b.debtWrittenOffPence,
    housingOutcomes: a.housingOutcomes + b.housingOutcomes,
    dampMould: a.dampMould + b.dampMould,
    dampMouldRepaired: a.dampMouldRepaired + b.dampMouldRepaired,
    resolvedYes: a.resolvedYes + b.resolvedYes,
    resolvedPartly: a.resolvedPartly + b.resolvedPartly,
    resolvedNo: a.resolvedNo + b.resolvedNo,
    wellbeingN: n,
    wellbeingMeanChange: mean,
    // Without each part's spread the pooled spread is unknown; a mean from one side alone keeps its own.
    wellbeingSdChange: a.wellbeingN && b.wellbeingN ? null : a.wellbeingN ? a.wellbeingSdChange : b.wellbeingSdChange,
  };
}

const fy = (year: number) => `${year}-${String((year + 1) % 100).padStart(2, "0")}`;

/**
 * The rows each dimension gains from the form periods (keys as rollups.server.ts makes
 * them), for an ICB-wide footprint. `notKnown` is the key of footprint rows nobody recorded.
 */
export function formContributions(periods: readonly FormPeriod[], dimensions: readonly string[], { notKnown, recent }: { notKnown: string; recent?: { from: string; to: string } }): Map<string, RollupFigures[]> {
  const out = new Map<string, Map<string, RollupFigures>>(dimensions.map((d) => [d, new Map()]));
  const put = (dimension: string, row: RollupFigures) => {
    const rows = out.get(dimension);
    if (!rows) return;
    const seen = rows.get(row.key);
    rows.set(row.key, seen ? addRows(seen, row) : row);
  };
  const counts = (dimension: string, record: Record<string, number> | null) => {
    for (const [key, n] of Object.entries(record ?? {})) put(dimension, { ...ZERO, key, referrals: n });
  };
  for (const p of periods) {
    const q = quarterOf(p.periodStart);
    const whole = (key: string) => formRow(p, key, recent);
    put("system", whole("system"));
    put("quarter", whole(q.label));
    put("financial-year", whole(fy(q.year)));
    put("service", whole(String(p.serviceId)));
    put("delivery-model", whole(p.deliveryModel));
    for (const d of ["place", "neighbourhood", "deprivation-decile", "setting"]) put(d, whole(notKnown));
    counts("referral-source", p.aggregates.referralsBySource);
    counts("problem-area", p.aggregates.problemMix);
    counts("housing-outcome", p.aggregates.housingOutcomes);
  }
  return new Map([...out].map(([d, rows]) => [d, [...rows.values()]]));
}
