import { describe, expect, test } from "vitest";
import { quarterOf } from "../synthetic/dates";
import { elapsedShare, expandTargets, formatTargetOverrides, parseTargetOverrides, type Rag, ragStatus, termQuarters, usualTarget } from "./kpis";

test.each([
  ["2025-04-01", "2026-03-31", ["2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"]],
  ["2025-05-15", "2025-08-01", ["2025-26 Q1", "2025-26 Q2"]],
  ["2026-01-01", "2026-01-01", ["2025-26 Q4"]],
])("a term from %s to %s covers the quarters %j", (start, end, labels) => {
  expect(termQuarters(start, end).map((q) => q.label)).toEqual(labels);
});

describe("parseTargetOverrides", () => {
  test.each([
    ["", []],
    ["2025-26 Q3: 150", [["2025-10-01", 150]]],
    ["2025-26 q4 = 60%\n\n2026-27 Q1: 12.5", [["2026-01-01", 60], ["2026-04-01", 12.5]]],
  ])("reads %j", (text, expected) => {
    const result = parseTargetOverrides(text);
    expect(result.ok && [...result.targets.entries()]).toEqual(expected);
  });

  test.each(["Q3 2025: 150", "2025-27 Q1: 10", "2025-26 Q5: 10", "2025-26 Q1: lots"])("refuses %j with a message naming the line", (text) => {
    const result = parseTargetOverrides(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(text.trim());
  });
});

test("targets cover every quarter, overrides replacing the usual figure, and read back the same", () => {
  const quarters = termQuarters("2025-04-01", "2026-03-31");
  const targets = expandTargets(quarters, 100, new Map([["2025-10-01", 150]]));
  expect(targets).toEqual([
    { period: "2025-04-01", target: 100 },
    { period: "2025-07-01", target: 100 },
    { period: "2025-10-01", target: 150 },
    { period: "2026-01-01", target: 100 },
  ]);
  expect(usualTarget(targets)).toBe(100);
  expect(formatTargetOverrides(targets, 100)).toBe("2025-26 Q3: 150");
});

test.each<[string, number, number | null, number, Rag]>([
  ["count", 100, 100, 1, "green"],
  ["count", 100, 95, 1, "amber"],
  ["count", 100, 90, 1, "amber"],
  ["count", 100, 89, 1, "red"],
  ["count", 100, 0, 1, "red"],
  ["count", 100, 50, 0.5, "green"],
  ["count", 100, 46, 0.5, "amber"],
  ["count", 100, 40, 0.5, "red"],
  ["count", 100, 0, 0, "not-due"],
  ["count", 100, null, 1, "no-data"],
  ["pence", 5_000_000, 5_100_000, 1, "green"],
  ["percent", 60, 60, 1, "green"],
  ["percent", 60, 55, 1, "amber"],
  ["percent", 60, 54.9, 1, "red"],
  ["percent", 60, 30, 0.1, "red"],
  ["percent", 60, null, 0.5, "no-data"],
])("a %s KPI with target %d and actual %j (%d of the quarter gone) is %s", (kind, target, actual, elapsed, expected) => {
  expect(ragStatus({ kind: kind as "count", target, actual, elapsed })).toBe(expected);
});

test.each([
  ["2025-03-31", 0],
  ["2025-04-01", 1 / 91],
  ["2025-06-30", 1],
  ["2025-07-01", 1],
])("on %s the share of 2025-26 Q1 gone is %d", (today, share) => {
  expect(elapsedShare(quarterOf("2025-04-01"), today)).toBeCloseTo(share, 6);
});
