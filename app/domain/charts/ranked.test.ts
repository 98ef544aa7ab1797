import { describe, expect, it } from "vitest";
import { rankAreas, type RankedDatum, rankedLayout } from "./ranked";

const datum = (label: string, value: number | null, lower: number | null = null, upper: number | null = null): RankedDatum => ({
  code: label,
  label,
  value,
  lower,
  upper,
  outcome: "similar",
});

describe("ranking areas", () => {
  it.each([
    [[datum("B", 2), datum("A", 5), datum("C", null), datum("D", 2)], ["A", "B", "D", "C"]],
    [[datum("Z", null), datum("Y", null)], ["Y", "Z"]],
    [[], []],
  ])("puts the highest value first and areas with no value last (%#)", (data, order) => {
    expect(rankAreas(data).map((d) => d.label)).toEqual(order);
  });

  it("ranks lowest first when asked", () => {
    expect(rankAreas([datum("A", 5), datum("B", 1)], "ascending").map((d) => d.label)).toEqual(["B", "A"]);
  });
});

describe("the ranked chart layout", () => {
  const layout = rankedLayout({
    data: [datum("Low", 10, 8, 12), datum("High", 20, 18, 22), datum("None", null)],
    benchmarks: [
      { key: "england", label: "England", value: 15 },
      { key: "icb", label: "ICB", value: null },
    ],
    width: 500,
    labelWidth: 100,
    rowHeight: 20,
    top: 30,
    bottom: 40,
  });

  it("stacks one row per area, highest first, with ranks for areas that have a value", () => {
    expect(layout.rows.map((r) => [r.label, r.rank, r.y])).toEqual([
      ["High", 1, 30],
      ["Low", 2, 50],
      ["None", null, 70],
    ]);
    expect(layout.height).toBe(30 + 3 * 20 + 40);
  });

  it("draws bars from zero on a nice axis that holds every interval and benchmark", () => {
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(layout.ticks[0].x).toBe(100);
    expect(layout.ticks.at(-1)!.x).toBe(484);
    const high = layout.rows[0];
    expect(high.bar!.x).toBe(100);
    expect(high.bar!.width).toBeCloseTo((20 / 25) * 384, 10);
    expect(high.whisker!.x1).toBeCloseTo(100 + (18 / 25) * 384, 10);
    expect(layout.rows[2].bar).toBeNull();
    expect(layout.rows[2].whisker).toBeNull();
  });

  it("keeps only the benchmarks that have a value", () => {
    expect(layout.benchmarks.map((b) => [b.label, b.x])).toEqual([["England", 100 + (15 / 25) * 384]]);
  });

  it("zooms in on the values when the chart is of dots", () => {
    const dots = rankedLayout({ data: [datum("A", 72.1, 71, 73), datum("B", 80.4, 79, 81.5)], benchmarks: [], fromZero: false });
    expect(dots.ticks[0].value).toBe(70);
    expect(dots.ticks.at(-1)!.value).toBe(82);
  });
});
