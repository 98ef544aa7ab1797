import { describe, expect, it } from "vitest";
import { orderSections, SECTION_KINDS, SECTIONS, validateSectionOptions } from "./sections";

describe("section options", () => {
  it.each([
    ["population with one indicator", "population", { indicators: ["qof-dep"] }, true],
    ["population with no indicators", "population", { indicators: [] }, false],
    ["population with 13 indicators", "population", { indicators: Array.from({ length: 13 }, (_, i) => `i${i}`) }, false],
    ["population with an indicator twice", "population", { indicators: ["a", "a"] }, false],
    ["population with an odd comparator", "population", { indicators: ["a"], comparator: "region" }, false],
    ["population with an id that is not an id", "population", { indicators: ["a b<script>"] }, false],
    ["HJP provision for every year", "hjp-provision", {}, true],
    ["HJP provision for a financial year", "hjp-provision", { year: "2025-26" }, true],
    ["HJP provision for a calendar year", "hjp-provision", { year: "2025" }, false],
    ["funding for a financial year", "funding-outcomes", { year: "2024-25" }, true],
    ["demand with a saved scenario's number", "demand", { scenario: "12" }, true],
    ["demand with a scenario name instead of its number", "demand", { scenario: "central" }, false],
    ["agreements with no options", "agreements", {}, true],
  ] as const)("accepts or refuses %s", (_name, kind, options, ok) => {
    expect(validateSectionOptions(kind, options).ok).toBe(ok);
  });

  it("fills the defaults an author did not choose", () => {
    const result = validateSectionOptions("population", { indicators: ["a"] });
    expect(result).toEqual({ ok: true, options: { indicators: ["a"], period: "", comparator: "parent", inequality: "" } });
  });

  it("names the option each problem is about", () => {
    const result = validateSectionOptions("population", { indicators: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ kind: "population", path: "indicators", message: "Choose at least one indicator" }]);
  });

  it("puts sections in the registry's order, each once", () => {
    const s = (kind: (typeof SECTION_KINDS)[number], narrative = "") => ({ kind, options: {}, narrative });
    expect(orderSections([s("funding-outcomes"), s("population", "first"), s("population", "again"), s("hjp-provision")]).map((x) => [x.kind, x.narrative])).toEqual([
      ["population", "first"],
      ["hjp-provision", ""],
      ["funding-outcomes", ""],
    ]);
  });

  it("has every section's data installed, the demand model and the agreements register included", () => {
    expect(SECTION_KINDS.filter((k) => !SECTIONS[k].installed)).toEqual([]);
  });

  it("takes the default parameters or a saved scenario's number as the demand section's scenario", () => {
    expect(validateSectionOptions("demand", {})).toEqual({ ok: true, options: { scenario: "" } });
    expect(validateSectionOptions("demand", { scenario: "12" })).toEqual({ ok: true, options: { scenario: "12" } });
  });
});
