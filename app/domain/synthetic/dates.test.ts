import { describe, expect, it } from "vitest";
import { addDays, addMonths, monthsBetween, quarterFrom, quarterOf, quartersBetween } from "./dates";

describe("quarterOf", () => {
  it.each([
    { date: "2025-04-01", label: "2025-26 Q1", start: "2025-04-01", end: "2025-06-30" },
    { date: "2025-09-30", label: "2025-26 Q2", start: "2025-07-01", end: "2025-09-30" },
    { date: "2025-12-31", label: "2025-26 Q3", start: "2025-10-01", end: "2025-12-31" },
    { date: "2026-02-28", label: "2025-26 Q4", start: "2026-01-01", end: "2026-03-31" },
    { date: "2099-05-05", label: "2099-00 Q1", start: "2099-04-01", end: "2099-06-30" },
  ])("puts $date in $label", ({ date, label, start, end }) => {
    expect(quarterOf(date)).toMatchObject({ label, start, end });
  });
});

describe("date arithmetic", () => {
  it.each([
    { from: "2024-02-28", days: 1, to: "2024-02-29" },
    { from: "2025-12-31", days: 1, to: "2026-01-01" },
    { from: "2025-03-01", days: -1, to: "2025-02-28" },
  ])("adds $days day(s) to $from", ({ from, days, to }) => {
    expect(addDays(from, days)).toBe(to);
  });

  it.each([
    { from: "2025-01-31", months: 1, to: "2025-02-28" },
    { from: "2025-11-15", months: 3, to: "2026-02-15" },
    { from: "2025-04-01", months: -12, to: "2024-04-01" },
  ])("adds $months month(s) to $from, keeping to the month's last day", ({ from, months, to }) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it("counts whole months between dates", () => {
    expect(monthsBetween("2025-04-01", "2026-03-01")).toBe(11);
  });

  it("lists the quarters up to the one containing the last day", () => {
    expect(quartersBetween(quarterFrom(2025, 3), "2026-04-02").map((q) => q.label)).toEqual(["2025-26 Q3", "2025-26 Q4", "2026-27 Q1"]);
  });
});
