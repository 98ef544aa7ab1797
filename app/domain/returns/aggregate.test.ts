import { expect, test } from "vitest";
import { aggregateEpisodes, type EpisodeForTotals, sumAggregates } from "./aggregate";

const episode = (o: Partial<EpisodeForTotals>): EpisodeForTotals => ({
  referralSource: "gp",
  attended: true,
  problemAreas: ["debt"],
  gainsRecurringPence: null,
  gainsOneOffPence: null,
  debtManagedPence: null,
  debtWrittenOffPence: null,
  housingOutcome: null,
  swemwbsBaseline: null,
  swemwbsFollowup: null,
  ...o,
});

test.each([
  { name: "no episodes give zeros", episodes: [], expected: { clientsAdvised: 0, referralsBySource: {}, clientsWithGains: 0, wellbeingMeanChange: null } },
  {
    name: "referrals count every episode, clients advised only those who attended",
    episodes: [episode({}), episode({ attended: false, referralSource: "self" }), episode({ referralSource: "self" })],
    expected: { clientsAdvised: 2, referralsBySource: { gp: 1, self: 2 } },
  },
  {
    name: "a client with two problems counts once in each",
    episodes: [episode({ problemAreas: ["debt", "housing", "debt"] }), episode({ problemAreas: ["housing"] })],
    expected: { problemMix: { debt: 1, housing: 2 } },
  },
  {
    name: "gains and debt sum in pence with the clients who had them",
    episodes: [episode({ gainsRecurringPence: 100000, gainsOneOffPence: 5000 }), episode({ gainsOneOffPence: 0, debtWrittenOffPence: 30000 }), episode({ debtManagedPence: 1000 })],
    expected: { clientsWithGains: 1, gainsRecurringPence: 100000, gainsOneOffPence: 5000, clientsWithDebtOutcome: 2, debtManagedPence: 1000, debtWrittenOffPence: 30000 },
  },
  {
    name: "housing outcomes leave out none",
    episodes: [episode({ housingOutcome: "rehoused" }), episode({ housingOutcome: "none" }), episode({ housingOutcome: "rehoused" })],
    expected: { housingOutcomes: { rehoused: 2 } },
  },
  {
    name: "wellbeing averages the change for clients with both scores",
    episodes: [episode({ swemwbsBaseline: 20, swemwbsFollowup: 23 }), episode({ swemwbsBaseline: 18, swemwbsFollowup: 18.5 }), episode({ swemwbsBaseline: 20 })],
    expected: { wellbeingN: 2, wellbeingMeanChange: 1.75 },
  },
])("$name", ({ episodes, expected }) => {
  expect(aggregateEpisodes(episodes)).toMatchObject(expected);
});

test("periods add up, with wellbeing weighted by its clients and blanks left blank", () => {
  const a = aggregateEpisodes([episode({ swemwbsBaseline: 20, swemwbsFollowup: 24, gainsOneOffPence: 1000 })]);
  const b = { ...aggregateEpisodes([episode({ referralSource: "self", swemwbsBaseline: 20, swemwbsFollowup: 21 }), episode({ swemwbsBaseline: 20, swemwbsFollowup: 21 })]), debtManagedPence: null };
  expect(sumAggregates([a, b])).toMatchObject({ clientsAdvised: 3, referralsBySource: { gp: 2, self: 1 }, gainsOneOffPence: 1000, wellbeingN: 3, wellbeingMeanChange: 2, debtManagedPence: 0 });
  expect(sumAggregates([{ ...a, debtManagedPence: null }, b]).debtManagedPence).toBeNull();
});
