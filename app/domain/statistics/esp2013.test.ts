import { describe, expect, it } from "vitest";
import { ESP2013, ESP2013_AGE_BANDS, ESP2013_TOTAL, withEsp2013 } from "./esp2013";

describe("ESP2013", () => {
  it("has the 19 bands from 0-4 to 90+ summing to 100,000", () => {
    expect(ESP2013).toHaveLength(19);
    expect(ESP2013.reduce((s, w) => s + w, 0)).toBe(100_000);
    expect(ESP2013_TOTAL).toBe(100_000);
  });

  // Spec §3 table; 0–4 combines ESP2013's <1 (1,000) and 1–4 (4,000).
  it.each([
    { label: "0-4", weight: 5000 },
    { label: "5-9", weight: 5500 },
    { label: "20-24", weight: 6000 },
    { label: "35-39", weight: 7000 },
    { label: "55-59", weight: 6500 },
    { label: "75-79", weight: 4000 },
    { label: "80-84", weight: 2500 },
    { label: "85-89", weight: 1500 },
    { label: "90+", weight: 1000 },
  ])("gives band $label the weight $weight", ({ label, weight }) => {
    expect(ESP2013_AGE_BANDS.find((band) => band.label === label)?.weight).toBe(weight);
  });

  it("is frozen so no caller can alter the standard", () => {
    expect(Object.isFrozen(ESP2013)).toBe(true);
    expect(Object.isFrozen(ESP2013_AGE_BANDS[0])).toBe(true);
  });

  it("attaches the weights in order with withEsp2013", () => {
    const rows = withEsp2013(ESP2013.map((_, i) => ({ numerator: i, denominator: 1000 })));
    expect(rows[0]).toEqual({ numerator: 0, denominator: 1000, standardPopulation: 5000 });
    expect(rows[18].standardPopulation).toBe(1000);
  });

  it("refuses a row count other than 19", () => {
    expect(() => withEsp2013([{ numerator: 1, denominator: 10 }])).toThrow(
      "withEsp2013: rows has 1 age bands but ESP2013 has 19 (0-4 to 90+)",
    );
  });
});
