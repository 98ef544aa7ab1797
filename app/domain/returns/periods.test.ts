import { describe, expect, test } from "vitest";
import { nextState, periodStarting, periodsDue, quarterBefore, trackerStatus } from "./periods";

describe("periodsDue", () => {
  test.each([
    { first: "2025-04-01", today: "2025-10-15", frequency: "quarterly" as const, labels: ["2025-26 Q1", "2025-26 Q2"], due: "2025-10-30" },
    { first: "2025-04-01", today: "2025-09-30", frequency: "quarterly" as const, labels: ["2025-26 Q1"], due: "2025-07-30" },
    { first: "2025-05-10", today: "2026-01-01", frequency: "quarterly" as const, labels: ["2025-26 Q1", "2025-26 Q2", "2025-26 Q3"], due: "2026-01-30" },
    { first: "2024-04-01", today: "2026-04-01", frequency: "annual" as const, labels: ["2024-25", "2025-26"], due: "2026-04-30" },
    { first: "2026-01-01", today: "2026-02-01", frequency: "quarterly" as const, labels: [], due: null },
  ])("from $first to $today ($frequency) asks for $labels", ({ first, today, frequency, labels, due }) => {
    const periods = periodsDue({ firstPeriodStart: first, frequency, dueDays: 30, today });
    expect(periods.map((p) => p.label)).toEqual(labels);
    expect(periods.at(-1)?.dueDate ?? null).toBe(due);
  });
});

describe("periodStarting", () => {
  test.each([
    ["2025-07-01", "quarterly", "2025-26 Q2"],
    ["2025-07-02", "quarterly", null],
    ["2025-04-01", "annual", "2025-26"],
    ["2025-07-01", "annual", null],
    ["not-a-date", "quarterly", null],
  ] as const)("%s (%s) is %s", (start, frequency, label) => {
    expect(periodStarting(start, frequency, 30)?.label ?? null).toBe(label);
  });
});

test.each([
  ["2026-11-28", 1, "2026-27 Q2"],
  ["2026-11-28", 3, "2025-26 Q4"],
  ["2026-02-01", 1, "2025-26 Q3"],
  ["2026-04-01", 4, "2025-26 Q1"],
] as const)("the quarter %i before %s is %s", (today, n, label) => {
  expect(quarterBefore(today, n).label).toBe(label);
});

describe("trackerStatus", () => {
  test.each([
    { state: null, today: "2025-10-30", status: "not-started", days: null },
    { state: null, today: "2025-11-04", status: "overdue", days: 5 },
    { state: "draft", today: "2025-10-01", status: "draft", days: null },
    { state: "draft", today: "2025-11-01", status: "overdue", days: 2 },
    { state: "submitted", today: "2025-12-01", status: "submitted", days: null },
    { state: "resubmitted", today: "2025-12-01", status: "submitted", days: null },
    { state: "queried", today: "2025-10-01", status: "queried", days: null },
    { state: "queried", today: "2025-11-09", status: "queried", days: 10 },
    { state: "accepted", today: "2026-01-01", status: "accepted", days: null },
  ] as const)("a $state return on $today (due 30 October) is $status", ({ state, today, status, days }) => {
    expect(trackerStatus({ state, dueDate: "2025-10-30", today })).toEqual({ status, daysOverdue: days });
  });
});

describe("nextState", () => {
  test.each([
    [null, "submit", false, "submitted"],
    ["draft", "submit", false, "submitted"],
    ["queried", "submit", true, "resubmitted"],
    ["submitted", "submit", true, null],
    ["accepted", "submit", true, null],
    ["submitted", "accept", true, "accepted"],
    ["resubmitted", "query", true, "queried"],
    ["draft", "accept", false, null],
    ["queried", "query", true, null],
  ] as const)("from %s, %s (submitted before: %s) gives %s", (state, action, ever, next) => {
    expect(nextState(state, action, ever)).toBe(next);
  });
});
