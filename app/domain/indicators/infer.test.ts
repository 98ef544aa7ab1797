import { describe, expect, it } from "vitest";
import type { Figure } from "./figures";
import { COMPARED_TO_ENGLAND, inferMetadata, inferPolarity } from "./infer";

const f = (areaCode: string, value: number | null, said?: string, extra: Partial<Figure> = {}): Figure => ({
  indicatorId: "1",
  indicatorName: "x",
  areaCode,
  areaName: areaCode,
  areaType: "ua",
  areaTypeLabel: "UA",
  parentCode: null,
  parentName: null,
  period: "2020",
  periodStart: "2020-01-01",
  periodEnd: "2020-12-31",
  sex: "Persons",
  age: "All ages",
  categoryType: "",
  category: "",
  count: null,
  denominator: null,
  value,
  lower95: null,
  upper95: null,
  lower998: null,
  upper998: null,
  valueNote: null,
  flags: [],
  published: said ? { [COMPARED_TO_ENGLAND]: said } : {},
  line: 2,
  ...extra,
});

describe("metadata inferred from an export", () => {
  it("reads low is good from areas above England marked worse", () => {
    expect(inferPolarity([f("E92000001", 20), f("A", 25, "Worse"), f("B", 15, "Better"), f("C", 21, "Similar")])).toBe("low-is-good");
  });

  it("reads high is good from areas above England marked better", () => {
    expect(inferPolarity([f("E92000001", 20), f("A", 25, "Better")])).toBe("high-is-good");
  });

  it("reads no judgement from higher and lower, and nothing from no comparison", () => {
    expect(inferPolarity([f("E92000001", 20), f("A", 25, "Higher")])).toBe("no-judgement");
    expect(inferPolarity([f("E92000001", 20), f("A", 25, "Not compared")])).toBeNull();
  });

  it("says what it inferred and what the export cannot say", () => {
    const meta = inferMetadata("99", "Some indicator", [f("E92000001", 20), f("A", 25, "Worse", { lower95: 24, upper95: 26 })]);
    expect(meta).toMatchObject({ polarity: "low-is-good", comparisonMethod: "ci-95", valueType: "unknown", aggregation: "none" });
    expect(meta.caveats[0]).toMatch(/inferred/);
  });
});
