import { describe, expect, it } from "vitest";
import { scenarioFromForm, ScenarioFormSchema } from "./scenario-form";
import { buildDemandView, DEFAULT_SCENARIO, type DemandInputs, demandViewFor, effectiveOverrides, MAP_BANDS } from "./view";

const inputs: DemandInputs = {
  base: {
    neighbourhoods: [
      { code: "N1", name: "North", registeredAdults: 20_000, imdDecile: 1, ltcPrevalence: 0.2, placeShares: [{ placeCode: "P1", share: 1 }] },
      { code: "N2", name: "South", registeredAdults: 10_000, imdDecile: 10, ltcPrevalence: 0.1, placeShares: [{ placeCode: "P2", share: 1 }] },
    ],
    services: [{ id: "S", fundedFte: 2, neighbourhoods: [{ code: "N2" }] }],
    places: [
      { code: "P1", name: "Place one" },
      { code: "P2", name: "Place two" },
    ],
  },
  observed: [
    { code: "N1", observed: 5 },
    { code: "N2", observed: 42 },
  ],
  observedPeriodYears: 1,
  ltcReferencePrevalence: 0.14,
  startYear: 2026,
};

describe("the demand view", () => {
  const view = buildDemandView(inputs, DEFAULT_SCENARIO, { draws: 100 });

  it("ranks neighbourhoods from the most unmet need to the most surplus", () => {
    expect(view.ranked.map((n) => n.code)).toEqual(["N1", "N2"]);
    expect(view.ranked[1].status).toBe("surplus");
  });

  it("centres the long-term-condition multiplier on England unless the scenario sets it", () => {
    expect(view.result.parameters.ltcReferencePrevalence.value).toBe(0.14);
    expect(effectiveOverrides(inputs, { ltcReferencePrevalence: { value: 0.2, low: 0.2, high: 0.2 } }).ltcReferencePrevalence!.value).toBe(0.2);
    expect(effectiveOverrides({ ltcReferencePrevalence: null }, {})).toEqual({});
  });

  it.each([
    [0, 2026, 1],
    [5, 2031, 1.005 ** 5],
  ])("projects year %d as %d with adults grown by the assumption", (offset, year, factor) => {
    expect(view.projection[offset].year).toBe(year);
    expect(view.projection[offset].registeredAdults).toBeCloseTo(30_000 * factor, 6);
    expect(view.projection[offset].capacityClients).toBeCloseTo(view.projection[0].capacityClients, 9);
  });

  it("hides observed counts of 1 to 7 and rounds the rest to 5", () => {
    expect(view.observedShown).toEqual({ N1: null, N2: 40 });
  });

  it.each([
    ["P1", "unmet need", (k: string) => k !== "none"],
    ["P2", "only surplus", (k: string) => k === "none"],
  ])("shades place %s (%s) by unmet need per 1,000 adults", (code, _what, test) => {
    const shade = view.mapShades.find((s) => s.code === code)!;
    expect(test(shade.category)).toBe(true);
    expect(MAP_BANDS.some((b) => b.key === shade.category)).toBe(true);
  });
});

describe("the save-a-scenario form", () => {
  const base = { name: "Plan", annualGrowthPercent: "1", projectionYears: "10" };

  it("turns half-day sessions in chosen neighbourhoods into a co-located adviser in each", () => {
    const fields = scenarioFromForm(ScenarioFormSchema.parse({ ...base, addSessionsPerWeek: "1", addNeighbourhoods: ["N1", "N2"], sharedWithVcse: "on" }));
    expect(fields.sharedWithVcse).toBe(true);
    expect(fields.spec.annualGrowthRate).toBeCloseTo(0.01, 12);
    expect(fields.spec.capacityChanges).toEqual([
      expect.objectContaining({ kind: "add", addFte: 0.1, fteBasis: "each", neighbourhoods: [{ code: "N1" }, { code: "N2" }] }),
    ]);
  });

  it.each([
    ["no name", { name: " " }, "name", "Enter a name for the scenario"],
    ["sessions without neighbourhoods", { addSessionsPerWeek: "1" }, "addNeighbourhoods", "Choose the neighbourhoods where the new adviser works"],
    ["growth beyond 5% a year", { annualGrowthPercent: "9" }, "annualGrowthPercent", "Population growth must be a number from -5 to 5 (% a year)"],
  ])("reports %s against its field", (_case, changes, field, message) => {
    const result = ScenarioFormSchema.safeParse({ ...base, ...changes });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
});

describe("the remembered demand view", () => {
  const copy = <T,>(x: T): T => structuredClone(x);

  it("is the same view for equal inputs and scenario, even as new objects, and equal to building it afresh", () => {
    const first = demandViewFor(copy(inputs), copy(DEFAULT_SCENARIO));
    expect(demandViewFor(copy(inputs), copy(DEFAULT_SCENARIO))).toBe(first);
    expect(first).toEqual(buildDemandView(inputs, DEFAULT_SCENARIO));
  });

  it.each([
    ["a neighbourhood's adults", { ...inputs, base: { ...inputs.base, neighbourhoods: [{ ...inputs.base.neighbourhoods[0], registeredAdults: 20_001 }, inputs.base.neighbourhoods[1]] } }, DEFAULT_SCENARIO],
    ["an observed count", { ...inputs, observed: [{ code: "N1", observed: 6 }, inputs.observed[1]] }, DEFAULT_SCENARIO],
    ["the scenario's growth", inputs, { ...DEFAULT_SCENARIO, annualGrowthRate: DEFAULT_SCENARIO.annualGrowthRate + 0.01 }],
  ])("is built again when %s changes", (_what, changedInputs, spec) => {
    const before = demandViewFor(inputs, DEFAULT_SCENARIO);
    const after = demandViewFor(changedInputs as DemandInputs, spec);
    expect(after).not.toBe(before);
    expect(after).toEqual(buildDemandView(changedInputs as DemandInputs, spec));
  });

  it("forgets the least recently used view after eight others", () => {
    const first = demandViewFor(inputs, DEFAULT_SCENARIO);
    for (let i = 1; i <= 8; i++) demandViewFor(inputs, { ...DEFAULT_SCENARIO, name: `Scenario ${i}` });
    expect(demandViewFor(inputs, DEFAULT_SCENARIO)).not.toBe(first);
  });
});
