import { describe, expect, it } from "vitest";
import type { DisclosedTable } from "~/domain/disclosure/table";
import { barsFromTable, formatCell, formatTick, hiddenCount, noChartText, quarterTick, seriesFromTable, wrapLabel } from "./chart-data";

const table: DisclosedTable = {
  id: "sources",
  title: "Referrals by source",
  description: "",
  rowHeader: "Referred by",
  columns: [
    { key: "referrals", label: "Referrals", format: "count" },
    { key: "share", label: "%", format: "percent" },
  ],
  rows: [
    { key: "gp", label: "GP", cells: { referrals: 1235, share: 61.23 } },
    { key: "midwife", label: "Midwife", cells: { referrals: "*", share: "*" } },
  ],
  total: { key: "total", label: "Total", cells: { referrals: 2015, share: 100 } },
};

describe("formatCell", () => {
  it.each([
    { value: 1235, format: "count" as const, text: "1,235" },
    { value: 123456, format: "pence" as const, text: "£1,235" },
    { value: 61.25, format: "percent" as const, text: "61.3%" },
    { value: 4.56, format: "per-thousand" as const, text: "4.6" },
    { value: 1.129, format: "decimal" as const, text: "1.13" },
    { value: "2026-03-31", format: "date" as const, text: "31 Mar 2026" },
    { value: "*", format: "count" as const, text: "*" },
    { value: null, format: "count" as const, text: "–" },
  ])("shows $value as $text ($format)", ({ value, format, text }) => {
    expect(formatCell(value, format)).toBe(text);
  });
});

describe("formatTick", () => {
  it.each([
    { value: 20_000_000, format: "pence" as const, text: "£200k" },
    { value: 150_000_000, format: "pence" as const, text: "£1.5m" },
    { value: 50_000, format: "pence" as const, text: "£500" },
    { value: 2500, format: "count" as const, text: "2,500" },
  ])("labels an axis at $value ($format) as $text", ({ value, format, text }) => {
    expect(formatTick(value, format)).toBe(text);
  });
});

describe("barsFromTable", () => {
  it("makes one bar per row, none for the total, and leaves a hidden figure without a value", () => {
    expect(barsFromTable(table, "referrals")).toEqual([
      { key: "gp", label: "GP", value: 1235, text: "1,235", format: "count" },
      { key: "midwife", label: "Midwife", value: null, text: "*", format: "count" },
    ]);
  });

  it("skips the rows asked", () => {
    expect(barsFromTable(table, "referrals", { skip: (k) => k === "gp" }).map((b) => b.key)).toEqual(["midwife"]);
  });
});

describe("seriesFromTable", () => {
  it("gives the rows as categories and a gap where a figure is hidden", () => {
    const { categories, series } = seriesFromTable(table, [{ key: "referrals", name: "Referrals" }]);
    expect(categories).toEqual(["GP", "Midwife"]);
    expect(series).toEqual([{ name: "Referrals", values: [1235, null] }]);
    expect(hiddenCount(series)).toBe(1);
  });
});

describe("wrapLabel", () => {
  it.each([
    { text: "GP", max: 10, lines: ["GP"] },
    { text: "Hospital ward or discharge team", max: 16, lines: ["Hospital ward or", "discharge team"] },
    { text: "Supercalifragilistic word", max: 5, lines: ["Supercalifragilistic", "word"] },
  ])("wraps '$text' at $max characters", ({ text, max, lines }) => {
    expect(wrapLabel(text, max)).toEqual(lines);
  });
});

describe("quarterTick", () => {
  it.each([
    { label: "2025-26 Q1", index: 3, tick: ["Q1", "2025-26"] },
    { label: "2025-26 Q2", index: 4, tick: ["Q2", ""] },
    { label: "2025-26 Q3", index: 0, tick: ["Q3", "2025-26"] },
    { label: "2026-27 Q3 (so far)", index: 9, tick: ["Q3", ""] },
    { label: "All years", index: 1, tick: ["All years", ""] },
  ])("labels $label at point $index", ({ label, index, tick }) => {
    expect(quarterTick(label, index)).toEqual(tick);
  });
});

describe("noChartText", () => {
  it("says every figure is hidden when none is shown", () => {
    expect(noChartText([null, null])).toMatch(/hidden to protect privacy/);
  });

  it("says there is nothing above zero when shown figures are all zero", () => {
    expect(noChartText([0, null])).toMatch(/nothing above zero/);
  });
});
