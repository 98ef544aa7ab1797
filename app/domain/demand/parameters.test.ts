import { describe, expect, it } from "vitest";
import {
  annualiseProportion,
  ASSUMPTION_LABEL,
  listParameters,
  overrideErrorMessages,
  PARAMETER_CATALOGUE,
  PARAMETER_IDS,
  type ParameterId,
  resolveParameters,
} from "./parameters";

describe("parameter catalogue", () => {
  it.each(listParameters().map((p) => [p.id, p] as const))(
    "%s carries either a source or the assumption label with a plain-words note",
    (_id, parameter) => {
      if (parameter.assumption) {
        expect(parameter.note.trim().length).toBeGreaterThan(40);
        expect("source" in parameter).toBe(false);
      } else {
        expect(parameter.source).toMatch(/domain\.md §\d/);
      }
      for (const which of ["default", "low", "high"] as const) {
        expect(parameter.valueNotes[which].trim().length).toBeGreaterThan(0);
      }
      expect(parameter.label.length).toBeGreaterThan(0);
      expect(parameter.unit.length).toBeGreaterThan(0);
    },
  );

  it.each(listParameters().map((p) => [p.id, p] as const))(
    "%s has low ≤ default ≤ high, inside its override bounds",
    (_id, p) => {
      expect(p.low).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.high);
      expect(p.low).toBeGreaterThanOrEqual(p.bounds.min);
      expect(p.high).toBeLessThanOrEqual(p.bounds.max);
    },
  );

  it.each<[ParameterId]>([
    ["deprivationGradient"],
    ["ltcRelativeRisk"],
    ["ltcReferencePrevalence"],
    ["referralCapture"],
    ["costPerFte"],
  ])("%s is labelled an assumption because domain.md gives only a direction or nothing", (id) => {
    expect(PARAMETER_CATALOGUE[id].assumption).toBe(true);
  });

  it.each<[ParameterId]>([["annualIncidence"], ["healthSettingShare"], ["attendanceRate"], ["clientsPerFte"]])(
    "%s is sourced from domain.md",
    (id) => {
      expect(PARAMETER_CATALOGUE[id].assumption).toBe(false);
    },
  );

  it("the assumption label says the value is not evidence", () => {
    expect(ASSUMPTION_LABEL).toMatch(/not evidence/);
  });

  it("the survey-period incidence states its annualisation method", () => {
    expect(PARAMETER_CATALOGUE.annualIncidence.annualisation).toMatch(/1 − \(1 − share over the survey period\)/);
  });

  it("the catalogue lists every parameter id exactly once", () => {
    expect(listParameters().map((p) => p.id)).toEqual([...PARAMETER_IDS]);
  });
});

describe("annualiseProportion", () => {
  it.each([
    // [share over period, years, expected annual share, why]
    [0.28, 4, 1 - Math.pow(0.72, 0.25), "LSB 2023 social-welfare issues in 4 years (default)"],
    [0.0864, 3, 1 - Math.pow(0.9136, 1 / 3), "LSB 2015 benefits problems in 3 years (low)"],
    [0.27, 1.5, 1 - Math.pow(0.73, 1 / 1.5), "LPRS civil problems in 18 months (high)"],
    [0.2, 1, 0.2, "a one-year figure is unchanged"],
    [0, 4, 0, "zero stays zero"],
    [1, 4, 1, "everyone stays everyone"],
  ])("annualises %d over %d years to %d (%s)", (share, years, expected) => {
    expect(annualiseProportion(share, years)).toBeCloseTo(expected, 12);
  });

  it("gives the catalogue's defaults to the stated precision", () => {
    expect(PARAMETER_CATALOGUE.annualIncidence.default).toBeCloseTo(0.0788, 4);
    expect(PARAMETER_CATALOGUE.annualIncidence.low).toBeCloseTo(0.0297, 4);
    expect(PARAMETER_CATALOGUE.annualIncidence.high).toBeCloseTo(0.1893, 4);
  });

  it("lies between the survey share ÷ years and the survey share itself", () => {
    expect(annualiseProportion(0.28, 4)).toBeGreaterThan(0.28 / 4);
    expect(annualiseProportion(0.28, 4)).toBeLessThan(0.28);
  });
});

describe("scenario parameter overrides", () => {
  it.each([
    [
      "an unknown parameter",
      { incidence: { value: 0.1 } },
      'Unknown parameter "incidence". Known parameters: annualIncidence',
    ],
    [
      "a proportion above its sane bound",
      { annualIncidence: { value: 0.7 } },
      "Annual incidence of social-welfare legal problems: value must be between 0 and 0.5 (share of adults per year); you entered 0.7.",
    ],
    [
      "a negative cost",
      { costPerFte: { value: -5 } },
      "Cost per adviser FTE per year: value must be between 1000 and 250000",
    ],
    [
      "a low bound above the default value",
      { attendanceRate: { low: 0.75 } },
      "Attendance after referral: low (0.75) must not be above the value (0.7).",
    ],
    [
      "a high bound below the value",
      { clientsPerFte: { value: 250, high: 200 } },
      "Clients per adviser FTE per year: high (200) must not be below the value (250).",
    ],
    ["an empty override", { referralCapture: {} }, "Referral capture: give at least one of value, low or high."],
    ["text instead of a number", { referralCapture: { value: "lots" } }, "Referral capture: value must be a number."],
    ["an unknown field", { referralCapture: { mode: 0.5 } }, "Referral capture: only value, low and high can be set."],
    [
      "a negative deprivation gradient",
      { deprivationGradient: { value: -0.2 } },
      "Deprivation gradient: value must be between 0 and 0.9",
    ],
  ])("rejects %s with a clear message", (_case, overrides, message) => {
    const messages = overrideErrorMessages(overrides);
    expect(messages.join("\n")).toContain(message);
    expect(() => resolveParameters(overrides as never)).toThrow();
  });

  it("accepts valid overrides and marks them as scenario values", () => {
    const set = resolveParameters({ referralCapture: { value: 0.5, low: 0.4, high: 0.6 } });
    expect(set.referralCapture).toEqual({ value: 0.5, low: 0.4, high: 0.6, origin: "scenario", notes: [] });
    expect(set.attendanceRate.origin).toBe("default");
  });

  it("widens the range, and says so, when only a value outside it is given", () => {
    const set = resolveParameters({ costPerFte: { value: 60000 } });
    expect(set.costPerFte).toMatchObject({ value: 60000, low: 27000, high: 60000 });
    expect(set.costPerFte.notes).toEqual(["High widened to the scenario value."]);
  });

  it("returns the catalogue defaults when nothing is overridden", () => {
    const set = resolveParameters();
    for (const id of PARAMETER_IDS) {
      const def = PARAMETER_CATALOGUE[id];
      expect(set[id]).toEqual({ value: def.default, low: def.low, high: def.high, origin: "default", notes: [] });
    }
  });
});
