/**
 * Case-level episodes (an uploaded hjp-activity file, or rows already stored) summed
 * into a return's aggregates, so an upload is previewed, checked and counted in the
 * same terms as a form return.
 */
import type { ReturnAggregates } from "./measures";

export type EpisodeForTotals = {
  referralSource: string;
  attended: boolean;
  problemAreas: readonly string[];
  gainsRecurringPence: number | null;
  gainsOneOffPence: number | null;
  debtManagedPence: number | null;
  debtWrittenOffPence: number | null;
  housingOutcome: string | null;
  swemwbsBaseline: number | null;
  swemwbsFollowup: number | null;
};

const bump = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);

export function aggregateEpisodes(episodes: readonly EpisodeForTotals[]): ReturnAggregates {
  const referralsBySource: Record<string, number> = {};
  const problemMix: Record<string, number> = {};
  const housingOutcomes: Record<string, number> = {};
  let advised = 0;
  let withGains = 0;
  let recurring = 0;
  let oneOff = 0;
  let withDebt = 0;
  let managed = 0;
  let writtenOff = 0;
  let wellbeingN = 0;
  let wellbeingSum = 0;
  for (const e of episodes) {
    bump(referralsBySource, e.referralSource);
    for (const area of new Set(e.problemAreas)) bump(problemMix, area);
    if (e.attended) advised++;
    const gains = (e.gainsRecurringPence ?? 0) + (e.gainsOneOffPence ?? 0);
    if (gains > 0) withGains++;
    recurring += e.gainsRecurringPence ?? 0;
    oneOff += e.gainsOneOffPence ?? 0;
    if ((e.debtManagedPence ?? 0) + (e.debtWrittenOffPence ?? 0) > 0) withDebt++;
    managed += e.debtManagedPence ?? 0;
    writtenOff += e.debtWrittenOffPence ?? 0;
    if (e.housingOutcome && e.housingOutcome !== "none") bump(housingOutcomes, e.housingOutcome);
    if (e.swemwbsBaseline !== null && e.swemwbsFollowup !== null) {
      wellbeingN++;
      wellbeingSum += e.swemwbsFollowup - e.swemwbsBaseline;
    }
  }
  return {
    clientsAdvised: advised,
    referralsBySource,
    problemMix,
    clientsWithGains: withGains,
    gainsRecurringPence: recurring,
    gainsOneOffPence: oneOff,
    clientsWithDebtOutcome: withDebt,
    debtManagedPence: managed,
    debtWrittenOffPence: writtenOff,
    housingOutcomes,
    wellbeingN,
    // Rounded to 2 places: the form takes the same precision, so upload and form returns compare alike.
    wellbeingMeanChange: wellbeingN ? Math.round((wellbeingSum / wellbeingN) * 100) / 100 : null,
    caseStudies: null,
  };
}

/** Several periods' aggregates as one (a year of quarterly form returns). Wellbeing is the n-weighted mean. */
export function sumAggregates(list: ReturnAggregates[]): ReturnAggregates {
  if (!list.length) throw new Error("sumAggregates needs at least one return");
  const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  const addRecord = (a: Record<string, number> | null, b: Record<string, number> | null) => {
    if (!a) return b;
    if (!b) return a;
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return list.reduce((acc, x) => {
    const n = (acc.wellbeingN ?? 0) + (x.wellbeingN ?? 0);
    const weighted = (acc.wellbeingMeanChange ?? 0) * (acc.wellbeingN ?? 0) + (x.wellbeingMeanChange ?? 0) * (x.wellbeingN ?? 0);
    return {
      clientsAdvised: add(acc.clientsAdvised, x.clientsAdvised),
      referralsBySource: addRecord(acc.referralsBySource, x.referralsBySource),
      problemMix: addRecord(acc.problemMix, x.problemMix),
      clientsWithGains: add(acc.clientsWithGains, x.clientsWithGains),
      gainsRecurringPence: add(acc.gainsRecurringPence, x.gainsRecurringPence),
      gainsOneOffPence: add(acc.gainsOneOffPence, x.gainsOneOffPence),
      clientsWithDebtOutcome: add(acc.clientsWithDebtOutcome, x.clientsWithDebtOutcome),
      debtManagedPence: add(acc.debtManagedPence, x.debtManagedPence),
      debtWrittenOffPence: add(acc.debtWrittenOffPence, x.debtWrittenOffPence),
      housingOutcomes: addRecord(acc.housingOutcomes, x.housingOutcomes),
      wellbeingN: add(acc.wellbeingN, x.wellbeingN),
      wellbeingMeanChange: n ? Math.round((weighted / n) * 100) / 100 : null,
      caseStudies: [acc.caseStudies, x.caseStudies].filter(Boolean).join("\n\n") || null,
    };
  });
}
