import { describe, expect, it } from "vitest";
import { dobsonInterval, directlyStandardisedRate, directlyStandardisedRateDetail } from "./directly-standardised-rate";
import { withEsp2013 } from "./esp2013";

// Spec §3 worked example A (19 bands, ESP2013).
const populationsA = [5200, 5600, 5900, 6100, 6800, 7400, 7700, 7300, 6900, 6600, 6800, 7100, 6700, 5900, 5400, 4300, 3100, 1900, 1100];
const deathsA = [1, 0, 0, 1, 2, 2, 3, 4, 6, 9, 14, 22, 30, 41, 55, 62, 70, 68, 61];
const rowsA = withEsp2013(populationsA.map((n, i) => ({ numerator: deathsA[i], denominator: n })));

// Spec §3 worked example B (custom standard 60,000 / 30,000 / 10,000).
const rowsB = [
  { numerator: 10, denominator: 30000, standardPopulation: 60000 },
  { numerator: 25, denominator: 12000, standardPopulation: 30000 },
  { numerator: 40, denominator: 4000, standardPopulation: 10000 },
];

describe("directlyStandardisedRate", () => {
  it.each([
    { example: "A", rows: rowsA, confidence: 0.95 as const, value: 401.0793, lower: 364.8042, upper: 439.9768 },
    { example: "A", rows: rowsA, confidence: 0.998 as const, value: 401.0793, lower: 345.0674, upper: 463.1307 },
    { example: "B", rows: rowsB, confidence: 0.95 as const, value: 182.5, lower: 143.4475, upper: 228.8811 },
    { example: "B", rows: rowsB, confidence: 0.998 as const, value: 182.5, lower: 124.0466, upper: 257.7082 },
  ])("gives example $example at $confidence as $value ($lower to $upper)", ({ rows, confidence, value, lower, upper }) => {
    const result = directlyStandardisedRate({ rows, confidence });
    expect(result.value).toBeCloseTo(value, 4);
    expect(result.lower).toBeCloseTo(lower, 4);
    expect(result.upper).toBeCloseTo(upper, 4);
  });

  it("returns exactly value, lower and upper", () => {
    expect(Object.keys(directlyStandardisedRate({ rows: rowsB, confidence: 0.95 })).sort()).toEqual(["lower", "upper", "value"]);
  });

  it("reports the spec's intermediate figures for example A", () => {
    const detail = directlyStandardisedRateDetail({ rows: rowsA, confidence: 0.95 });
    expect(detail.observed).toBe(451);
    expect(detail.population).toBe(107_800);
    expect(detail.variance! / 3.58812e-8).toBeCloseTo(1, 5);
    expect(Math.sqrt(detail.variance!) * 1e5).toBeCloseTo(18.9423, 4);
  });

  it("reports the hand-checkable variance 4.4625e-8 for example B", () => {
    // (10·0.6²/30000² + 25·0.3²/12000² + 40·0.1²/4000²) = 4.4625e-8.
    expect(directlyStandardisedRateDetail({ rows: rowsB, confidence: 0.95 }).variance).toBeCloseTo(4.4625e-8, 18);
  });

  // Spec §3 example C and the suppression rule: O < 10 → NA.
  it.each([
    { total: 0, deaths: Array(19).fill(0) },
    { total: 8, deaths: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 1, 1] },
    { total: 9, deaths: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9] },
  ])("suppresses a DSR with $total deaths in total", ({ deaths }) => {
    const rows = withEsp2013(populationsA.map((n, i) => ({ numerator: deaths[i], denominator: n })));
    expect(directlyStandardisedRate({ rows, confidence: 0.95 })).toEqual({ value: null, lower: null, upper: null });
    const detail = directlyStandardisedRateDetail({ rows, confidence: 0.95 });
    expect(detail.suppressed).toBe(true);
    expect(detail.suppressionReason).toBe("dsr NA for total count < 10");
  });

  it("calculates a DSR with exactly 10 deaths", () => {
    const deaths = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10];
    const rows = withEsp2013(populationsA.map((n, i) => ({ numerator: deaths[i], denominator: n })));
    // Only the 90+ band: DSR = 10/1100 × 1000/100000 × 100000.
    expect(directlyStandardisedRate({ rows, confidence: 0.95 }).value).toBeCloseTo((10 / 1100) * 1000, 10);
  });

  it("treats a missing band count as zero", () => {
    const withNull = rowsB.map((row, i) => (i === 0 ? { ...row, numerator: null } : row));
    const withZero = rowsB.map((row, i) => (i === 0 ? { ...row, numerator: 0 } : row));
    expect(directlyStandardisedRate({ rows: withNull, confidence: 0.95 })).toEqual(
      directlyStandardisedRate({ rows: withZero, confidence: 0.95 }),
    );
  });

  it("equals the crude rate when the area has the standard's age structure", () => {
    const rows = [
      { numerator: 12, denominator: 2000, standardPopulation: 20 },
      { numerator: 30, denominator: 3000, standardPopulation: 30 },
      { numerator: 100, denominator: 5000, standardPopulation: 50 },
    ];
    expect(directlyStandardisedRate({ rows, confidence: 0.95 }).value).toBeCloseTo((142 / 10000) * 100000, 10);
  });

  it("doubles the variance when every person has two events (non-independent events)", () => {
    // Persons with f events contribute f²·var_f; 20 people with 2 events each = 40 events.
    const independent = directlyStandardisedRateDetail({
      rows: [{ numerator: 40, denominator: 4000, standardPopulation: 1 }],
      confidence: 0.95,
    });
    const paired = directlyStandardisedRateDetail({
      rows: [{ denominator: 4000, standardPopulation: 1, eventFrequencies: [{ frequency: 2, persons: 20 }] }],
      confidence: 0.95,
    });
    expect(paired.value).toBeCloseTo(independent.value!, 10);
    expect(paired.observed).toBe(40);
    expect(paired.variance! / independent.variance!).toBeCloseTo(2, 12);
  });

  it.each([
    { rows: [], message: "directlyStandardisedRate: rows must be a non-empty array of age bands" },
    { rows: [{ numerator: 1, denominator: 0, standardPopulation: 1 }], message: "directlyStandardisedRate: rows[0].denominator (0) must be greater than 0" },
    { rows: [{ numerator: -1, denominator: 10, standardPopulation: 1 }], message: "directlyStandardisedRate: rows[0].numerator (-1) must not be negative" },
    { rows: [{ numerator: 1, denominator: 10, standardPopulation: -5 }], message: "directlyStandardisedRate: rows[0].standardPopulation (-5) must not be negative" },
    { rows: [{ numerator: 1, denominator: null, standardPopulation: 5 }], message: "directlyStandardisedRate: rows[0].denominator is missing" },
    { rows: [{ numerator: 1, denominator: 10, standardPopulation: undefined }], message: "directlyStandardisedRate: rows[0].standardPopulation is missing" },
    { rows: [{ numerator: 1, denominator: 10, standardPopulation: 0 }], message: "directlyStandardisedRate: the standard populations sum to 0" },
  ])("throws '$message'", ({ rows, message }) => {
    expect(() => directlyStandardisedRate({ rows: rows as never, confidence: 0.95 })).toThrow(message);
  });

  it("throws for an unsupported confidence level", () => {
    expect(() => directlyStandardisedRate({ rows: rowsB, confidence: 0.99 as 0.95 })).toThrow(
      "directlyStandardisedRate: confidence (0.99) must be 0.95 or 0.998",
    );
  });
});

describe("dobsonInterval", () => {
  it("reproduces example B from its summary figures and the spec's Byar's count limits", () => {
    // Spec: Byar's 95% for O = 75 is (58.9900, 94.0144); CI = DSR + sqrt(var/O)(O_L − O).
    const factor = Math.sqrt(4.4625e-8 / 75);
    const limits = dobsonInterval({ observed: 75, rate: 182.5e-5, variance: 4.4625e-8, confidence: 0.95 });
    // The printed count limits are rounded to 4 dp, so the rebuilt limits agree to ~1e-4.
    expect(limits.lower! * 1e5).toBeCloseTo((182.5e-5 + factor * (58.99 - 75)) * 1e5, 3);
    expect(limits.upper! * 1e5).toBeCloseTo((182.5e-5 + factor * (94.0144 - 75)) * 1e5, 3);
    expect(limits.lower! * 1e5).toBeCloseTo(143.4475, 4);
    expect(limits.upper! * 1e5).toBeCloseTo(228.8811, 4);
  });
});
