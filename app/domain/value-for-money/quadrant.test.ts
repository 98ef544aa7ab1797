import { describe, expect, it } from "vitest";
import { perThousand, placeInQuadrants } from "./quadrant";

describe("placeInQuadrants", () => {
  const crossing = { spend: 100, outcome: 50 };
  it.each([
    { spend: 150, outcome: 80, quadrant: "high-spend-high-outcome" },
    { spend: 60, outcome: 80, quadrant: "low-spend-high-outcome" },
    { spend: 150, outcome: 20, quadrant: "high-spend-low-outcome" },
    { spend: 60, outcome: 20, quadrant: "low-spend-low-outcome" },
    // On the line counts as at or above the average.
    { spend: 100, outcome: 50, quadrant: "high-spend-high-outcome" },
  ])("spend $spend and outcome $outcome against the averages 100 and 50 is $quadrant", ({ spend, outcome, quadrant }) => {
    expect(placeInQuadrants([{ key: "a", label: "A", spend, outcome }], crossing).points[0].quadrant).toBe(quadrant);
  });

  it("lists areas without spend or with a hidden outcome apart, with the reason", () => {
    const { points, excluded } = placeInQuadrants(
      [
        { key: "a", label: "A", spend: null, outcome: 10 },
        { key: "b", label: "B", spend: 10, outcome: null },
      ],
      crossing,
    );
    expect(points).toEqual([]);
    expect(excluded.map((e) => e.reason)).toEqual(["no spend per 1,000 adults", "outcome not shown (small numbers) or not known"]);
  });
});

describe("perThousand", () => {
  it.each([
    { amount: 5_000_000, population: 250_000, expected: 20_000 },
    { amount: 12, population: 0, expected: null },
    { amount: 12, population: null, expected: null },
  ])("$amount over $population people is $expected per 1,000", ({ amount, population, expected }) => {
    expect(perThousand(amount, population)).toBe(expected);
  });
});
