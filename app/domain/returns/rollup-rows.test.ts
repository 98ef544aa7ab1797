import { expect, test } from "vitest";
import { EMPTY_AGGREGATES } from "./measures";
import { addRows, formContributions, type FormPeriod, ZERO } from "./rollup-rows";

const period = (serviceId: number, periodStart: string, periodEnd: string, a: Partial<typeof EMPTY_AGGREGATES>): FormPeriod => ({ serviceId, periodStart, periodEnd, deliveryModel: "co-located", aggregates: { ...EMPTY_AGGREGATES, ...a } });

const periods = [
  period(1, "2025-04-01", "2025-06-30", { clientsAdvised: 10, referralsBySource: { gp: 8, self: 4 }, problemMix: { debt: 6 }, gainsOneOffPence: 5000, clientsWithGains: 2, wellbeingN: 4, wellbeingMeanChange: 2 }),
  period(1, "2025-07-01", "2025-09-30", { clientsAdvised: 5, referralsBySource: { gp: 6 }, housingOutcomes: { rehoused: 1 }, wellbeingN: 1, wellbeingMeanChange: 7 }),
  period(2, "2026-01-01", "2026-03-31", { clientsAdvised: 3 }),
];
const dims = ["system", "quarter", "financial-year", "service", "place", "referral-source", "problem-area", "housing-outcome", "setting"];
const result = formContributions(periods, dims, { notKnown: "not-known", recent: { from: "2025-07-01", to: "2026-06-30" } });
const row = (d: string, k: string) => result.get(d)!.find((r) => r.key === k);

test.each([
  { dimension: "system", key: "system", expected: { referrals: 21, attended: 18, attendedRecent: 8, clientsWithGains: 2, gainsOneOffPence: 5000, housingOutcomes: 1, wellbeingN: 5, wellbeingMeanChange: 3, wellbeingSdChange: null } },
  { dimension: "quarter", key: "2025-26 Q2", expected: { referrals: 6, attended: 5 } },
  { dimension: "financial-year", key: "2025-26", expected: { attended: 18 } },
  { dimension: "service", key: "2", expected: { referrals: 3, attended: 3 } },
  { dimension: "place", key: "not-known", expected: { attended: 18 } },
  { dimension: "setting", key: "not-known", expected: { attended: 18 } },
  { dimension: "referral-source", key: "gp", expected: { referrals: 14, attended: 0 } },
  { dimension: "problem-area", key: "debt", expected: { referrals: 6 } },
  { dimension: "housing-outcome", key: "rehoused", expected: { referrals: 1 } },
])("form returns add to $dimension $key", ({ dimension, key, expected }) => {
  expect(row(dimension, key)).toMatchObject(expected);
});

test("a return with no referrals by source counts its clients advised as referred", () => {
  expect(row("quarter", "2025-26 Q4")).toMatchObject({ referrals: 3, attended: 3, attendedRecent: 3 });
});

test("adding a form's wellbeing to episodes' keeps the weighted mean and drops the unknown spread", () => {
  const episodes = { ...ZERO, key: "system", wellbeingN: 3, wellbeingMeanChange: 1, wellbeingSdChange: 2 };
  expect(addRows(episodes, { ...ZERO, key: "system", wellbeingN: 1, wellbeingMeanChange: 5 })).toMatchObject({ wellbeingN: 4, wellbeingMeanChange: 2, wellbeingSdChange: null });
  expect(addRows(episodes, { ...ZERO, key: "system", referrals: 2 })).toMatchObject({ wellbeingN: 3, wellbeingMeanChange: 1, wellbeingSdChange: 2, referrals: 2 });
});
