import { describe, expect, it } from "vitest";
import { formFromSections, PackEditSchema, sectionsFromForm } from "./packs";

describe("the pack edit form", () => {
  it.each([
    ["no section chosen", { title: "A pack" }, ["populationInclude"]],
    ["population without indicators", { title: "A pack", populationInclude: "on" }, ["populationIndicators"]],
    ["a short title", { title: "A", hjpInclude: "on" }, ["title"]],
    ["a calendar year", { title: "A pack", hjpInclude: "on", hjpYear: "2025" }, ["hjpYear"]],
    ["a valid form", { title: "A pack", hjpInclude: "on", populationInclude: "on", populationIndicators: ["qof-dep"] }, []],
  ] as const)("reports the problems of %s", (_name, form, paths) => {
    const parsed = PackEditSchema.safeParse(form);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toEqual(paths);
  });

  it("round-trips sections through the form", () => {
    const sections = [
      { kind: "population" as const, options: { indicators: ["qof-dep"], period: "", comparator: "england", inequality: "qof-dep" }, narrative: "Why" },
      { kind: "funding-outcomes" as const, options: { year: "2025-26" }, narrative: "" },
    ];
    const parsed = PackEditSchema.parse(formFromSections("A pack", sections));
    expect(sectionsFromForm(parsed)).toEqual(sections);
  });
});
