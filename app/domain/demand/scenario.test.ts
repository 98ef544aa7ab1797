import { describe, expect, it } from "vitest";
import type { NeighbourhoodInput } from "./model";
import {
  applyScenario,
  compareScenarios,
  type DemandBase,
  halfDaySessionsToFte,
  projectScenario,
  runScenario,
  ScenarioError,
} from "./scenario";

const hood = (code: string, registeredAdults: number, placeCode = "P1"): NeighbourhoodInput => ({
  code,
  name: `PCN ${code}`,
  registeredAdults,
  imdDecile: 3,
  ltcPrevalence: 0.14,
  placeShares: [{ placeCode, share: 1 }],
});

const base: DemandBase = {
  neighbourhoods: [
    hood("A", 20_000),
    hood("B", 30_000),
    hood("C", 25_000, "P2"),
    hood("D", 15_000, "P2"),
    hood("E", 40_000, "P2"),
    hood("F", 10_000, "P2"),
  ],
  services: [
    { id: "CAB", fundedFte: 1, neighbourhoods: [{ code: "A" }, { code: "B" }] },
    { id: "LAW", fundedFte: 0.5, neighbourhoods: [{ code: "C" }] },
  ],
  places: [
    { code: "P1", name: "North" },
    { code: "P2", name: "South" },
  ],
};
const options = { draws: 300, seed: 5 };

function fteIn(services: ReturnType<typeof applyScenario>["services"], id: string) {
  return services.find((s) => s.id === id)?.fundedFte;
}

describe("applying a scenario", () => {
  it("turns half a day a week into FTE", () => {
    expect(halfDaySessionsToFte(1)).toBeCloseTo(0.1, 12);
    expect(halfDaySessionsToFte(10)).toBe(1);
  });

  it("adds a co-located adviser half a day a week in five PCNs as 0.1 FTE in each", () => {
    const applied = applyScenario(base, {
      name: "Half-day sessions",
      capacityChanges: [
        {
          kind: "add",
          label: "Co-located adviser",
          addFte: halfDaySessionsToFte(1),
          fteBasis: "each",
          neighbourhoods: ["B", "C", "D", "E", "F"].map((code) => ({ code })),
        },
      ],
    });
    const added = applied.services.find((s) => s.id === "scenario-service-1")!;
    expect(added.fundedFte).toBeCloseTo(0.5, 12);
    const result = runScenario(base, applied.scenario, options).result;
    for (const code of ["D", "E", "F"]) {
      expect(result.neighbourhoods.find((n) => n.code === code)!.measures.fundedFte).toBeCloseTo(0.1, 12);
    }
    expect(applied.changeLog[0]).toMatch(/0.1 FTE in each of 5 neighbourhoods/);
  });

  it.each([
    ["grows an existing service", { kind: "add" as const, serviceId: "CAB", addFte: 0.5 }, "CAB", 1.5],
    ["shrinks an existing service", { kind: "add" as const, serviceId: "CAB", addFte: -0.25 }, "CAB", 0.75],
    ["removes a service", { kind: "remove" as const, serviceId: "LAW" }, "LAW", undefined],
  ])("%s", (_case, change, id, fte) => {
    const applied = applyScenario(base, { name: "Change", capacityChanges: [change] });
    expect(fteIn(applied.services, id)).toBe(fte);
  });

  it("leaves the base untouched", () => {
    applyScenario(base, { name: "Grow", capacityChanges: [{ kind: "add", serviceId: "CAB", addFte: 2 }] });
    expect(base.services[0].fundedFte).toBe(1);
  });

  it("applies parameter overrides to the run", () => {
    const run = runScenario(
      base,
      { name: "Higher capture", parameterOverrides: { referralCapture: { value: 0.8 } } },
      options,
    );
    expect(run.result.parameters.referralCapture).toMatchObject({ value: 0.8, origin: "scenario" });
  });

  it.each([
    [
      "removing a service that does not exist",
      { kind: "remove" as const, serviceId: "NOPE" },
      "service NOPE is not in the base",
    ],
    [
      "reducing a service below zero",
      { kind: "add" as const, serviceId: "LAW", addFte: -1 },
      "would leave less than zero",
    ],
    [
      "a new service with no neighbourhoods",
      { kind: "add" as const, addFte: 1 },
      "a new service needs at least one neighbourhood",
    ],
    [
      "a new service outside the footprint",
      { kind: "add" as const, addFte: 1, neighbourhoods: [{ code: "Q" }] },
      "Q is not in this footprint",
    ],
    [
      "moving an existing service",
      { kind: "add" as const, serviceId: "CAB", addFte: 1, neighbourhoods: [{ code: "F" }] },
      "only its FTE can change here",
    ],
    [
      "a new service with negative FTE",
      { kind: "add" as const, serviceId: "NEW", addFte: -1, neighbourhoods: [{ code: "F" }] },
      "needs a positive FTE",
    ],
  ])("rejects %s with a clear message", (_case, change, message) => {
    expect(() => applyScenario(base, { name: "Bad", capacityChanges: [change] })).toThrow(ScenarioError);
    expect(() => applyScenario(base, { name: "Bad", capacityChanges: [change] })).toThrow(message);
  });

  it.each([
    ["no name", { name: "" }, "name: A scenario needs a name."],
    ["a zero FTE change", { name: "x", capacityChanges: [{ kind: "add", addFte: 0 }] }, "FTE to add must not be zero."],
    [
      "an unknown change kind",
      { name: "x", capacityChanges: [{ kind: "grow" }] },
      'Each capacity change needs kind "add" or "remove".',
    ],
    [
      "an invalid parameter override",
      { name: "x", parameterOverrides: { attendanceRate: { value: 2 } } },
      "Attendance after referral: value must be between 0 and 1",
    ],
    [
      "growth above 5% a year",
      { name: "x", projection: { years: 5, annualGrowthRate: 0.08 } },
      "Annual population growth must be between −5% and +5%",
    ],
  ])("rejects a scenario with %s", (_case, scenario, message) => {
    expect(() => applyScenario(base, scenario as never)).toThrow(message);
  });
});

describe("multi-year projection", () => {
  const projection = projectScenario(
    base,
    { name: "Growth", projection: { years: 3, annualGrowthRate: 0.02, startYear: 2026 } },
    options,
  );

  it("runs the base year and each projected year", () => {
    expect(projection.years.map((y) => [y.yearOffset, y.year])).toEqual([
      [0, 2026],
      [1, 2027],
      [2, 2028],
      [3, 2029],
    ]);
    expect(projection.assumption).toMatch(/assumption for the commissioner/);
  });

  it.each([0, 1, 2, 3])("grows registered adults and need by 1.02^%d with capacity held", (t) => {
    const year = projection.years[t];
    const first = projection.years[0].result.system.measures;
    const m = year.result.system.measures;
    expect(year.populationFactor).toBeCloseTo(1.02 ** t, 12);
    expect(m.registeredAdults).toBeCloseTo(first.registeredAdults * 1.02 ** t, 6);
    expect(m.expectedClients.central).toBeCloseTo(first.expectedClients.central * 1.02 ** t, 6);
    // The same seed every year: the interval scales with the population too.
    expect(m.expectedClients.upper).toBeCloseTo(first.expectedClients.upper * 1.02 ** t, 6);
    expect(m.capacityClients.central).toBeCloseTo(first.capacityClients.central, 9);
  });

  it("needs a projection to project", () => {
    expect(() => projectScenario(base, { name: "No projection" }, options)).toThrow(/Give a projection/);
  });
});

describe("comparing two scenarios", () => {
  const a = runScenario(base, { name: "Current" }, options);
  const b = runScenario(
    base,
    {
      name: "More advisers",
      parameterOverrides: { clientsPerFte: { value: 250 } },
      capacityChanges: [{ kind: "add", label: "New hub", addFte: 2, neighbourhoods: [{ code: "E" }, { code: "F" }] }],
    },
    options,
  );
  const comparison = compareScenarios(a, b);

  it("reports b − a for every area and measure", () => {
    expect(comparison.a).toBe("Current");
    expect(comparison.b).toBe("More advisers");
    const e = comparison.neighbourhoods.find((x) => x.code === "E")!;
    expect(e.measures.fundedFte.difference).toBeCloseTo(2 * (40 / 50), 12);
    expect(e.measures.unmetNeedClients.difference).toBeLessThan(0);
    expect(comparison.system.measures.fundedFte.difference).toBeCloseTo(2, 12);
    expect(comparison.places.map((p) => p.name)).toEqual(["North", "South"]);
  });

  it("keeps each side's estimate beside the difference", () => {
    const m = comparison.system.measures.expectedClients;
    expect(m.a).toEqual(a.result.system.measures.expectedClients);
    expect(m.b).toEqual(b.result.system.measures.expectedClients);
    expect(m.difference).toBeCloseTo(m.b.central - m.a.central, 9);
    expect(m.relativeDifference).toBeCloseTo(m.difference / m.a.central, 12);
  });

  it("lists the parameters that differ", () => {
    expect(comparison.parameterDifferences.map((p) => p.id)).toEqual(["clientsPerFte"]);
    expect(comparison.parameterDifferences[0].b.value).toBe(250);
  });

  it("differences sum across areas like the measures do", () => {
    const sumPlaces = comparison.places.reduce((s, p) => s + p.measures.budgetNeededGbp.difference, 0);
    expect(sumPlaces).toBeCloseTo(comparison.system.measures.budgetNeededGbp.difference, 6);
  });

  it("gives no relative difference where scenario A is zero", () => {
    const f = comparison.neighbourhoods.find((x) => x.code === "F")!;
    expect(f.measures.fundedFte.a.central).toBe(0);
    expect(f.measures.fundedFte.relativeDifference).toBeNull();
  });

  it("notes when the runs used different seeds", () => {
    const c = runScenario(base, { name: "Other seed" }, { draws: 300, seed: 6 });
    expect(compareScenarios(a, c).notes.join(" ")).toMatch(/different seeds/);
    expect(compareScenarios(a, a).notes.join(" ")).not.toMatch(/different seeds/);
  });

  it("lists areas present in only one scenario", () => {
    const smaller = runScenario(
      { ...base, neighbourhoods: base.neighbourhoods.slice(0, 5), services: base.services },
      { name: "Smaller" },
      options,
    );
    const c = compareScenarios(a, smaller);
    expect(c.onlyInA).toEqual(["neighbourhood F"]);
    expect(c.onlyInB).toEqual([]);
  });
});
