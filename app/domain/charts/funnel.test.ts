import { describe, expect, it } from "vitest";
import { type FunnelArea, funnelData, funnelLayout, funnelSignificanceText } from "./funnel";

const area = (code: string, count: number | null, denominator: number | null, value: number | null = count !== null && denominator ? (count / denominator) * 100 : null): FunnelArea => ({
  code,
  label: `Area ${code}`,
  count,
  denominator,
  value,
});

describe("proportion funnels (STATISTICS.md §10.1 worked example, p0 = 25%)", () => {
  const data = funnelData({
    valueType: "proportion",
    multiplier: 100,
    baseline: { label: "England", value: 25 },
    areas: [area("A", 150, 500), area("B", 500, 2000), area("C", 100, 2000), area("D", null, 900)],
  });

  it("labels each area by where it falls against the limits at its own size", () => {
    if (!data.available) throw new Error(data.reason);
    expect(data.points.map((p) => [p.code, p.significance, p.side])).toEqual([
      ["A", "High (0.025)", "high"],
      ["B", "Not significant", "within"],
      ["C", "Low (0.001)", "low"],
    ]);
    expect(data.excluded).toEqual([{ code: "D", label: "Area D", reason: "no count and denominator" }]);
  });

  it("draws limits that narrow as areas grow, around the benchmark", () => {
    if (!data.available) throw new Error(data.reason);
    const { lower95, upper95, lower998 } = data.lines;
    expect(lower95).toHaveLength(100);
    for (let i = 1; i < lower95.length; i++) {
      expect(lower95[i].x).toBeGreaterThan(lower95[i - 1].x);
      expect(lower95[i].y).toBeGreaterThanOrEqual(lower95[i - 1].y);
      expect(upper95[i].y).toBeLessThanOrEqual(upper95[i - 1].y);
      expect(lower998[i].y).toBeLessThanOrEqual(lower95[i].y);
    }
    const last = lower95.at(-1)!;
    expect(last.y).toBeLessThan(25);
    expect(upper95.at(-1)!.y - 25).toBeCloseTo(25 - last.y, 10);
  });

  it("keeps a register larger than its list on the plot but does not test it", () => {
    const over = funnelData({ valueType: "proportion", multiplier: 100, baseline: { label: "England", value: 25 }, areas: [area("X", 120, 100)] });
    expect(over.available && over.points[0].significance).toBe("Not applicable");
  });
});

describe("rate funnels (STATISTICS.md §10.4 worked example, 420 per 100,000)", () => {
  const data = funnelData({
    valueType: "directly-standardised-rate",
    multiplier: 100_000,
    baseline: { label: "England", value: 420 },
    areas: [
      { code: "A", label: "A", count: 60, denominator: null, value: (60 / 11_000) * 100_000 },
      { code: "B", label: "B", count: 12, denominator: null, value: 240 },
      { code: "C", label: "C", count: 0, denominator: null, value: 0 },
      { code: "D", label: "D", count: null, denominator: null, value: 500 },
    ],
  });

  it("derives each area's population from its events and rate and tests it with exact limits", () => {
    if (!data.available) throw new Error(data.reason);
    expect(data.points.map((p) => [p.code, Math.round(p.x), p.significance])).toEqual([
      ["A", 11_000, "Not significant"],
      ["B", 5_000, "Low (0.025)"],
    ]);
    expect(data.excluded.map((e) => e.code)).toEqual(["C", "D"]);
  });

  it("draws limit lines as rates against population", () => {
    if (!data.available) throw new Error(data.reason);
    for (const line of Object.values(data.lines)) expect(line.length).toBeGreaterThan(10);
    const lower = data.lines.lower95;
    expect(lower.every((p) => p.y < 420)).toBe(true);
    expect(data.lines.upper95.every((p) => p.y > 420)).toBe(true);
  });
});

describe("when there is no funnel", () => {
  it.each([
    ["score", [area("A", 1, 10)], 5, /neither/],
    ["life-expectancy", [area("A", 1, 10)], 80, /neither/],
    ["proportion", [area("A", null, null, 12)], 10, /no counts and denominators/],
    ["directly-standardised-rate", [{ code: "A", label: "A", count: null, denominator: null, value: 300 }], 400, /no counts of events/],
    ["proportion", [area("A", 10, 100)], null, /no value/],
  ] as const)("explains why a %s indicator has none (%#)", (valueType, areas, baseline, reason) => {
    const data = funnelData({ valueType, multiplier: 100, baseline: { label: "England", value: baseline }, areas });
    expect(data.available).toBe(false);
    if (!data.available) expect(data.reason).toMatch(reason);
  });
});

describe("funnel layout", () => {
  it("places points and the centre line inside the plot", () => {
    const data = funnelData({ valueType: "proportion", multiplier: 100, baseline: { label: "England", value: 25 }, areas: [area("A", 150, 500), area("B", 520, 2000)] });
    if (!data.available) throw new Error(data.reason);
    const layout = funnelLayout(data, { width: 600, height: 400 });
    for (const p of layout.points) {
      expect(p.px).toBeGreaterThanOrEqual(layout.plot.left);
      expect(p.px).toBeLessThanOrEqual(layout.plot.right);
      expect(p.py).toBeGreaterThanOrEqual(layout.plot.top);
      expect(p.py).toBeLessThanOrEqual(layout.plot.bottom);
    }
    expect(layout.baselineY).toBeGreaterThan(layout.plot.top);
    expect(layout.baselineY).toBeLessThan(layout.plot.bottom);
    expect(layout.xTicks[0].value).toBe(0);
    expect(layout.paths.upper95.startsWith("M")).toBe(true);
  });
});

describe("significance in words", () => {
  it.each([
    ["High (0.001)", "Above 99.8% limit"],
    ["Low (0.025)", "Below 95% limit"],
    ["Not significant", "Within limits"],
    ["Not applicable", "Not applicable"],
  ] as const)("says %s as %j", (label, text) => {
    expect(funnelSignificanceText(label)).toBe(text);
  });
});
