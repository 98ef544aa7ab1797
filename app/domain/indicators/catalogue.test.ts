import { describe, expect, it } from "vitest";
import { CATALOGUE, QOF_REGISTERS, qofAgeLabel, qofIndicator } from "./catalogue";

describe("the indicator catalogue", () => {
  it("marks recorded prevalence with no judgement, compared at 95%", () => {
    for (const code of Object.keys(QOF_REGISTERS)) {
      expect(CATALOGUE.get(`qof-${code.toLowerCase()}`)).toMatchObject({ polarity: "no-judgement", comparisonMethod: "ci-95", aggregation: "proportion" });
    }
  });

  it("names a register's list in Fingertips' words", () => {
    expect(qofAgeLabel("18OV")).toBe("18+ yrs");
    expect(qofAgeLabel("06OV")).toBe("6+ yrs");
    expect(qofAgeLabel("TOTAL")).toBe("All ages");
    expect(qofIndicator("DEP", "18OV").name).toBe("Depression: QOF prevalence (18+)");
  });

  it("gives every indicator a source, a licence and a unit, and a multiplier that fits its unit", () => {
    for (const meta of CATALOGUE.values()) {
      expect(meta.source.length, meta.id).toBeGreaterThan(10);
      expect(meta.licence).toMatch(/Open Government Licence/);
      if (meta.unit === "%") expect(meta.multiplier, meta.id).toBe(100);
      if (meta.unit === "per 100,000") expect(meta.multiplier, meta.id).toBe(100_000);
    }
  });

  it("holds the founding case's indicators", () => {
    for (const id of ["90362", "90366", "93721", "ons-covid19-asmr", "census-ethnicity", "93881", "93553", "imd2025-score", "census-age-65-plus", "census-age-20-64"]) {
      expect(CATALOGUE.has(id), id).toBe(true);
    }
    expect(CATALOGUE.get("90366")!.polarity).toBe("high-is-good");
    expect(CATALOGUE.get("93721")!.polarity).toBe("low-is-good");
  });
});
