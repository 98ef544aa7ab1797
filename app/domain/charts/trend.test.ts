import { describe, expect, it } from "vitest";
import { brokenPath, trendLayout } from "./trend";

describe("broken paths", () => {
  it.each([
    [[{ x: 0, y: 1 }, { x: 10, y: 2 }], "M0.0,1.0L10.0,2.0"],
    [[{ x: 0, y: 1 }, { x: 10, y: null }, { x: 20, y: 3 }, { x: 30, y: 4 }], "M0.0,1.0M20.0,3.0L30.0,4.0"],
    [[{ x: 0, y: null }], ""],
  ])("draws %j as %j", (points, path) => {
    expect(brokenPath(points)).toBe(path);
  });
});

describe("trend layout", () => {
  const layout = trendLayout({
    periods: ["2015 - 17", "2016 - 18", "2017 - 19"],
    points: [
      { period: "2015 - 17", value: 78, lower: 77.5, upper: 78.5, outcome: "worse" },
      { period: "2017 - 19", value: 79, lower: null, upper: null, outcome: "similar" },
    ],
    benchmarks: [{ key: "england", label: "England", values: [{ period: "2015 - 17", value: 79.5 }, { period: "2016 - 18", value: 79.6 }, { period: "2017 - 19", value: 79.8 }] }],
    width: 600,
    height: 300,
  });

  it("spaces the periods evenly in date order", () => {
    expect(layout.periods.map((p) => p.x)).toEqual([64, 272, 480]);
  });

  it("marks only the periods the area has, and breaks its line at the gap", () => {
    expect(layout.points.map((p) => p.period)).toEqual(["2015 - 17", "2017 - 19"]);
    expect(layout.line.match(/M/g)).toHaveLength(2);
    expect(layout.points[0].whisker).not.toBeNull();
    expect(layout.points[1].whisker).toBeNull();
  });

  it("draws each benchmark as a line ending at its last value", () => {
    expect(layout.benchmarks[0].path.match(/L/g)).toHaveLength(2);
    expect(layout.benchmarks[0].last!.x).toBe(480);
  });

  it("covers every value and interval on the y axis", () => {
    const ticks = layout.yTicks.map((t) => t.value);
    expect(Math.min(...ticks)).toBeLessThanOrEqual(77.5);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(79.8);
  });

  it("centres a single period", () => {
    const one = trendLayout({ periods: ["2021"], points: [{ period: "2021", value: 3, lower: 2, upper: 4, outcome: "similar" }], benchmarks: [], width: 600 });
    expect(one.periods[0].x).toBe((64 + 480) / 2);
  });
});
