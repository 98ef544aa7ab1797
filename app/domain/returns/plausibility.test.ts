import { expect, test } from "vitest";
import { EMPTY_AGGREGATES, type ReturnAggregates } from "./measures";
import { median, plausibilityFlags } from "./plausibility";

const r = (o: Partial<ReturnAggregates>): ReturnAggregates => ({ ...EMPTY_AGGREGATES, ...o });
const advised = (...ns: number[]) => ns.map((n) => r({ clientsAdvised: n }));

test.each([
  [[], null],
  [[3], 3],
  [[5, 1, 3], 3],
  [[4, 1, 3, 2], 2.5],
])("the median of %j is %s", (values, m) => {
  expect(median(values)).toBe(m);
});

test.each([
  { name: "a usual quarter raises nothing", current: r({ clientsAdvised: 50 }), history: advised(40, 55, 60), peers: [], flags: [] },
  {
    name: "more than twice the service's highest quarter",
    current: r({ clientsAdvised: 130 }),
    history: advised(40, 55, 60),
    peers: [],
    flags: ["outside-history: Clients advised (130) is more than 2 times the highest of the service's 3 earlier periods (60)."],
  },
  {
    name: "under half its lowest quarter",
    current: r({ clientsAdvised: 10 }),
    history: advised(40, 55, 60),
    peers: [],
    flags: ["outside-history: Clients advised (10) is less than 1/2 of the lowest of the service's 3 earlier periods (40)."],
  },
  { name: "too little history to judge", current: r({ clientsAdvised: 500 }), history: advised(40, 55), peers: [], flags: [] },
  {
    name: "far above its peers' median",
    current: r({ clientsAdvised: 400 }),
    history: [],
    peers: advised(100, 120, 90, 300),
    flags: ["outside-peers: Clients advised (400) is more than 3 times the median of 4 other services for the same period (110)."],
  },
  {
    name: "gains per client above the ceiling",
    current: r({ clientsAdvised: 10, clientsWithGains: 2, gainsRecurringPence: 4_000_000, gainsOneOffPence: 1_000_000 }),
    history: [],
    peers: [],
    flags: ["gains-per-client: Financial gains average £25,000 per client with gains (£50,000 for 2 clients), above the ceiling of £20,000."],
  },
  {
    name: "referrals but nobody advised",
    current: r({ clientsAdvised: 0, referralsBySource: { gp: 4, self: 2 } }),
    history: [],
    peers: [],
    flags: ["referrals-without-attendances: 6 referrals are reported but no client was advised."],
  },
  {
    name: "parts bigger than the whole",
    current: r({ clientsAdvised: 5, referralsBySource: { gp: 4 }, clientsWithGains: 6, housingOutcomes: { rehoused: 3 }, problemMix: { debt: 4 } }),
    history: [],
    peers: [],
    flags: [
      "totals-do-not-add-up: Clients with financial gains (6) are more than the clients advised (5).",
      "totals-do-not-add-up: Clients advised (5) are more than the referrals (4).",
      "totals-do-not-add-up: The problem mix adds up to 4, fewer than the 5 clients advised (each client has at least one problem).",
    ],
  },
])("$name", ({ current, history, peers, flags }) => {
  expect(plausibilityFlags({ current, history, peers }).map((f) => `${f.code}: ${f.message}`)).toEqual(flags);
});

test("the gains ceiling is configurable", () => {
  const current = r({ clientsAdvised: 1, clientsWithGains: 1, gainsOneOffPence: 600_000 });
  expect(plausibilityFlags({ current })).toEqual([]);
  expect(plausibilityFlags({ current, config: { gainsPerClientCeilingPence: 500_000, historyFactor: 2, peerFactor: 3, minComparators: 3 } }).map((f) => f.code)).toEqual(["gains-per-client"]);
});
