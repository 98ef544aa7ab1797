import { describe, expect, it } from "vitest";
import { breakdownKey, type ComparableFigure, compareFigure, publishedOutcome } from "./compare";
import { proportionFigure } from "./aggregate";

const figure = (areaCode: string, count: number, denominator: number, extra: Partial<ComparableFigure> = {}): ComparableFigure => {
  const n = proportionFigure(count, denominator);
  return { areaCode, period: "2022/23", sex: "Persons", age: "18+ yrs", categoryType: "", category: "", value: n.value, lower95: n.lower95, upper95: n.upper95, lower998: n.lower998, upper998: n.upper998, ...extra };
};
const benchmarks = (...figures: ComparableFigure[]) => new Map(figures.map((f) => [breakdownKey(f), f]));

describe("comparing a figure with a benchmark", () => {
  const england = figure("E92000001", 14_000, 100_000);

  it("says higher, similar or lower, never better or worse, for recorded prevalence (no judgement)", () => {
    const args = { benchmarkCode: "E92000001", benchmarkFigures: benchmarks(england), polarity: "no-judgement" as const, method: "ci-95" as const };
    expect(compareFigure({ ...args, figure: figure("U1", 900, 5000) }).outcome).toBe("higher");
    expect(compareFigure({ ...args, figure: figure("U2", 700, 5000) }).outcome).toBe("similar");
    expect(compareFigure({ ...args, figure: figure("U3", 500, 5000) }).outcome).toBe("lower");
  });

  it("maps the direction by polarity where the source judges", () => {
    const args = { benchmarkCode: "E92000001", benchmarkFigures: benchmarks(england), method: "ci-95" as const };
    expect(compareFigure({ ...args, polarity: "low-is-good", figure: figure("U1", 900, 5000) }).outcome).toBe("worse");
    expect(compareFigure({ ...args, polarity: "high-is-good", figure: figure("U1", 900, 5000) }).outcome).toBe("better");
  });

  it("never compares England's overall figure with itself, but compares its categories with it", () => {
    const args = { benchmarkCode: "E92000001", benchmarkFigures: benchmarks(england), polarity: "no-judgement" as const, method: "ci-95" as const };
    expect(compareFigure({ ...args, figure: england }).outcome).toBe("not-compared");
    const category = figure("E92000001", 2000, 10_000, { categoryType: "Ethnic groups", category: "White" });
    expect(compareFigure({ ...args, figure: category }).outcome).toBe("higher");
  });

  it("compares another area's category with the same category of the benchmark", () => {
    const englandWhite = figure("E92000001", 2000, 10_000, { categoryType: "Ethnic groups", category: "White" });
    const args = { benchmarkCode: "E92000001", benchmarkFigures: benchmarks(england, englandWhite), polarity: "no-judgement" as const, method: "ci-95" as const };
    expect(compareFigure({ ...args, figure: figure("E08000003", 200, 1000, { categoryType: "Ethnic groups", category: "White" }) }).outcome).toBe("similar");
  });

  it("keeps the source's own comparison for a figure published without an interval", () => {
    const bare: ComparableFigure = { ...figure("E08000003", 1, 10), lower95: null, upper95: null, lower998: null, upper998: null };
    const result = compareFigure({ figure: bare, benchmarkCode: "E92000001", benchmarkFigures: benchmarks(england), polarity: "high-is-good", method: "ci-95", published: "Worse" });
    expect(result).toEqual({ outcome: "worse", basis: "published" });
    expect(compareFigure({ figure: bare, benchmarkCode: "E92000001", benchmarkFigures: benchmarks(england), polarity: "high-is-good", method: "ci-95" }).outcome).toBe("not-compared");
  });

  it("does not compare without a benchmark figure, a parent, or with a malformed interval", () => {
    const base = { polarity: "no-judgement" as const, method: "ci-95" as const };
    expect(compareFigure({ ...base, figure: figure("U1", 900, 5000), benchmarkCode: "E54000057", benchmarkFigures: new Map() }).outcome).toBe("not-compared");
    expect(compareFigure({ ...base, figure: figure("U1", 900, 5000), benchmarkCode: null, benchmarkFigures: new Map() }).outcome).toBe("not-compared");
    const inverted = { ...figure("U1", 900, 5000), lower95: 30, upper95: 10 };
    expect(compareFigure({ ...base, figure: inverted, benchmarkCode: "E92000001", benchmarkFigures: benchmarks(england) }).outcome).toBe("not-compared");
  });

  it("reads published comparisons in the product's words", () => {
    expect(publishedOutcome("Better")).toBe("better");
    expect(publishedOutcome("Not compared")).toBe("not-compared");
    expect(publishedOutcome("Highest quintile")).toBeNull();
    expect(publishedOutcome("")).toBeNull();
  });
});
