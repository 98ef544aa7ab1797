import { describe, expect, it } from "vitest";
import { CalibrationInputError, calibrateAgainstObserved, funnelLimits } from "./calibration";
import { byarRatioInterval, poissonCdf, poissonControlLimit } from "./funnel-statistics";
import { type NeighbourhoodInput, runDemandModel, type ServiceInput } from "./model";
import { resolveParameters } from "./parameters";

describe("distribution helpers", () => {
  it.each([
    [15, 10, 0.9512596],
    [5, 10, 0.067086],
    [0, 2, Math.exp(-2)],
    [100, 100, 0.5265622],
    [3, 0.5, 0.9982484],
  ])("P(X ≤ %d) for Poisson mean %d is %d", (k, mean, p) => {
    expect(poissonCdf(k, mean)).toBeCloseTo(p, 7);
  });

  it.each([
    // [mean, p, normal approximation mean + z √mean]: exact limits sit close for large means.
    [100, 0.975, 119.6],
    [100, 0.025, 80.4],
    [1000, 0.999, 1097.7],
    [1000, 0.001, 902.3],
  ])("the Poisson control limit for mean %d at %d is near the normal approximation", (mean, p, approx) => {
    expect(Math.abs(poissonControlLimit(p, mean) - approx)).toBeLessThan(1.5);
  });

  it("the control limit is a smooth, increasing curve in the expected count", () => {
    const limits = [10, 10.5, 11, 11.5, 12].map((mean) => poissonControlLimit(0.975, mean));
    for (let i = 1; i < limits.length; i++) expect(limits[i]).toBeGreaterThan(limits[i - 1]);
  });

  it.each([
    // Exact Poisson 95% limits for 10 observed are 4.795 and 18.390; Byar is within 0.2%.
    [10, 10, 0.4795, 1.839],
    [0, 5, 0, 0.7378],
    [100, 100, 0.8136, 1.2163],
  ])("Byar's interval for %d observed against %d expected is about %d–%d", (o, e, lower, upper) => {
    const ci = byarRatioInterval(o, e);
    expect(ci.lower).toBeCloseTo(lower, 2);
    expect(ci.upper).toBeCloseTo(upper, 2);
  });
});

describe("funnel limits", () => {
  it("are wider at 99.8% than at 95% and bracket the centre", () => {
    const limits = funnelLimits(100, 1)!;
    expect(limits.lower998).toBeLessThan(limits.lower95);
    expect(limits.lower95).toBeLessThan(1);
    expect(limits.upper95).toBeGreaterThan(1);
    expect(limits.upper998).toBeGreaterThan(limits.upper95);
  });

  it("narrow as the expected count grows", () => {
    const small = funnelLimits(20, 1)!;
    const large = funnelLimits(2000, 1)!;
    expect(large.upper95 - large.lower95).toBeLessThan(small.upper95 - small.lower95);
  });

  it("do not exist for an expected count of zero", () => {
    expect(funnelLimits(0, 1)).toBeNull();
  });
});

describe("calibration against observed activity", () => {
  // Five identical neighbourhoods with no multipliers, each expecting exactly 100
  // clients a year: 100,000 adults × 0.1 incidence × 0.1 seek share × 0.5 capture
  // (= 500 referrals) × 0.2 attendance = 100. D also has a 0.2 FTE service (45 clients).
  const parameters = resolveParameters({
    annualIncidence: { value: 0.1 },
    healthSettingShare: { value: 0.1 },
    referralCapture: { value: 0.5 },
    attendanceRate: { value: 0.2, low: 0.2, high: 0.2 },
  });
  const hood = (code: string): NeighbourhoodInput => ({
    code,
    name: code,
    registeredAdults: 100_000,
    imdDecile: null,
    ltcPrevalence: null,
    placeShares: [{ placeCode: "P", share: 1 }],
  });
  const services: ServiceInput[] = [{ id: "S", fundedFte: 0.2, neighbourhoods: [{ code: "D", share: 1 }] }];
  const result = runDemandModel({
    neighbourhoods: ["A", "B", "C", "D", "E"].map(hood),
    services,
    parameters,
    options: { draws: 0, seed: 1 },
  });

  it("expects 100 clients per neighbourhood in this fixture", () => {
    for (const n of result.neighbourhoods) expect(n.measures.expectedClients.central).toBeCloseTo(100, 9);
  });

  it.each([
    // [code, observed, position against a centre of 1] with limits at E = 100 of
    // 0.70 / 0.80 / 1.20 / 1.32.
    ["A", 100, "within"],
    ["B", 125, "above-95"],
    ["C", 140, "above-99.8"],
    ["D", 75, "below-95"],
    ["E", 60, "below-99.8"],
  ] as const)("places %s with %d observed %s the funnel", (code, observed, position) => {
    const calibration = calibrateAgainstObserved(
      result,
      [
        { code: "A", observed: 100 },
        { code: "B", observed: 125 },
        { code: "C", observed: 140 },
        { code: "D", observed: 75 },
        { code: "E", observed: 60 },
      ],
      { centre: "one" },
    );
    const row = calibration.rows.find((r) => r.code === code)!;
    expect(row.ratio).toBeCloseTo(observed / 100, 12);
    expect(row.position).toBe(position);
  });

  it("centres the funnel on the overall ratio by default and reports it with an interval", () => {
    const calibration = calibrateAgainstObserved(result, [
      { code: "A", observed: 50 },
      { code: "B", observed: 50 },
    ]);
    expect(calibration.centreBasis).toBe("overall");
    expect(calibration.centre).toBeCloseTo(0.5, 12);
    expect(calibration.overall).toMatchObject({ observed: 100, expected: 200, ratio: 0.5 });
    expect(calibration.overall.ratioInterval95!.upper).toBeLessThan(1);
    expect(calibration.rows.every((r) => r.position === "within")).toBe(true);
  });

  it("scales expected counts to the observation period rather than the observed counts", () => {
    const calibration = calibrateAgainstObserved(result, [{ code: "A", observed: 150 }], {
      periodYears: 1.5,
      centre: "one",
    });
    expect(calibration.rows[0].expected).toBeCloseTo(150, 9);
    expect(calibration.rows[0].ratio).toBeCloseTo(1, 12);
  });

  it("compares referrals against expected referrals when asked", () => {
    const calibration = calibrateAgainstObserved(result, [{ code: "A", observed: 500 }], {
      measure: "referrals",
      centre: "one",
    });
    expect(calibration.rows[0].expected).toBeCloseTo(500, 9);
  });

  it("flags capacity-limited neighbourhoods, small counts, and lists unmatched and missing codes", () => {
    const calibration = calibrateAgainstObserved(result, [
      { code: "D", observed: 5 },
      { code: "ZZ", observed: 3 },
    ]);
    const d = calibration.rows.find((r) => r.code === "D")!;
    expect(d.capacityClients).toBeCloseTo(45, 9);
    expect(d.capacityLimited).toBe(true);
    expect(d.smallCount).toBe(true);
    expect(calibration.unmatched).toEqual(["ZZ"]);
    expect(calibration.missing).toEqual(["A", "B", "C", "E"]);
  });

  it("gives a neighbourhood with nothing expected no ratio rather than infinity", () => {
    const empty = runDemandModel({
      neighbourhoods: [{ ...hood("Z"), registeredAdults: 0 }],
      services: [],
      parameters,
      options: { draws: 0, seed: 1 },
    });
    const calibration = calibrateAgainstObserved(empty, [{ code: "Z", observed: 4 }]);
    expect(calibration.rows[0]).toMatchObject({
      ratio: null,
      limits: null,
      position: "no-expected",
      ratioInterval95: null,
    });
    expect(calibration.overall.ratio).toBeNull();
    expect(calibration.funnel).toEqual([]);
  });

  it("draws funnel curves spanning every plotted point", () => {
    const calibration = calibrateAgainstObserved(result, [{ code: "A", observed: 90 }], { funnelPoints: 20 });
    expect(calibration.funnel).toHaveLength(20);
    expect(calibration.funnel[0].expected).toBeLessThan(100);
    expect(calibration.funnel[19].expected).toBeGreaterThan(100);
  });

  it.each([
    ["a fractional count", [{ code: "A", observed: 2.5 }], "observed count must be a whole number"],
    ["a negative count", [{ code: "A", observed: -1 }], "observed count must be a whole number"],
    [
      "a duplicate",
      [
        { code: "A", observed: 1 },
        { code: "A", observed: 2 },
      ],
      "more than one observed figure",
    ],
  ])("rejects %s with a clear message", (_case, observed, message) => {
    expect(() => calibrateAgainstObserved(result, observed)).toThrow(CalibrationInputError);
    expect(() => calibrateAgainstObserved(result, observed)).toThrow(message);
  });
});
