import { describe, expect, it } from "vitest";
import {
  allocateServiceFte,
  type AreaMeasures,
  DemandInputError,
  type DemandModelInput,
  type DemandModelResult,
  type Estimate,
  type NeighbourhoodInput,
  runDemandModel,
  type ServiceInput,
} from "./model";
import { type ParameterOverrides, type ParameterSet, PARAMETER_IDS, resolveParameters } from "./parameters";
import { pertDraws } from "./random";

const MEASURE_KEYS = [
  "registeredAdults",
  "potentialDemand",
  "expectedReferrals",
  "expectedClients",
  "fteNeeded",
  "budgetNeededGbp",
  "fundedFte",
  "capacityClients",
  "gapClients",
  "unmetNeedClients",
  "surplusClients",
  "fteGap",
] as const satisfies readonly (keyof AreaMeasures)[];

const central = (x: number | Estimate) => (typeof x === "number" ? x : x.central);

function neighbourhood(partial: Partial<NeighbourhoodInput> & { code: string }): NeighbourhoodInput {
  return {
    name: `Neighbourhood ${partial.code}`,
    registeredAdults: 10_000,
    imdDecile: 5.5,
    ltcPrevalence: null,
    placeShares: [{ placeCode: "P1", share: 1 }],
    ...partial,
  };
}

function run(
  neighbourhoods: NeighbourhoodInput[],
  services: ServiceInput[],
  overrides: ParameterOverrides = {},
  options: Partial<DemandModelInput["options"]> = {},
): DemandModelResult {
  return runDemandModel({
    neighbourhoods,
    services,
    parameters: resolveParameters(overrides),
    options: { draws: 400, seed: 7, ...options },
  });
}

/** Every number in the result, for NaN / Infinity checks. */
function allNumbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allNumbers(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => allNumbers(v, out));
  return out;
}

describe("a hand-computed neighbourhood, end to end", () => {
  // Defaults, except three values set so the arithmetic stays on paper: incidence
  // 8% a year, LTC relative risk 2 and reference prevalence 25%.
  //   registered adults                         10,000
  //   × annual incidence 0.08                 =    800 adults with a problem
  //   × deprivation, decile 1: 1 + 0.3 × (5.5 − 1) ÷ 4.5 = 1.3
  //                                           =  1,040
  //   × LTC, prevalence 0.2 (below the reference), RR 2, reference 0.25:
  //       (1 + 0.2 × 1) ÷ (1 + 0.25 × 1) = 1.2 ÷ 1.25 = 0.96
  //                                           =    998.4
  //   × share seeking help in a health setting 0.1 = 99.84 potential demand
  //   × referral capture 0.6                  =     59.904 referrals
  //   × attendance 0.7                        =     41.9328 expected clients
  //   ÷ 225 clients per FTE                   =      0.186368 FTE needed
  //   × £40,000 per FTE                       =  £7,454.72 budget needed
  //   capacity: one service, 0.1 FTE × 225    =     22.5 clients
  //   gap = 41.9328 − 22.5                    =     19.4328 unmet need (surplus 0)
  //   FTE gap = 0.186368 − 0.1                =      0.086368
  const result = run(
    [neighbourhood({ code: "N1", imdDecile: 1, ltcPrevalence: 0.2 })],
    [{ id: "S1", fundedFte: 0.1, neighbourhoods: [{ code: "N1" }] }],
    {
      annualIncidence: { value: 0.08 },
      ltcRelativeRisk: { value: 2 },
      ltcReferencePrevalence: { value: 0.25, low: 0.25, high: 0.25 },
    },
  );
  const n = result.neighbourhoods[0];

  it.each<[keyof AreaMeasures, number]>([
    ["registeredAdults", 10_000],
    ["potentialDemand", 99.84],
    ["expectedReferrals", 59.904],
    ["expectedClients", 41.9328],
    ["fteNeeded", 0.186368],
    ["budgetNeededGbp", 7454.72],
    ["fundedFte", 0.1],
    ["capacityClients", 22.5],
    ["gapClients", 19.4328],
    ["unmetNeedClients", 19.4328],
    ["surplusClients", 0],
    ["fteGap", 0.086368],
  ])("%s matches the hand calculation", (key, expected) => {
    expect(central(n.measures[key])).toBeCloseTo(expected, 9);
  });

  it("reports the multipliers it used", () => {
    expect(n.multipliers.deprivation).toBeCloseTo(1.3, 12);
    expect(n.multipliers.longTermConditions).toBeCloseTo(0.96, 12);
    expect(n.status).toBe("unmet-need");
  });

  it("lays out every step of the chain with labels, factors and values", () => {
    expect(n.steps.map((s) => [s.id, Number(s.value.toFixed(6))])).toEqual([
      ["registeredAdults", 10000],
      ["problemsPerYear", 800],
      ["afterDeprivation", 1040],
      ["afterLongTermConditions", 998.4],
      ["potentialDemand", 99.84],
      ["expectedReferrals", 59.904],
      ["expectedClients", 41.9328],
      ["fteNeeded", 0.186368],
      ["budgetNeededGbp", 7454.72],
      ["fundedFte", 0.1],
      ["capacityClients", 22.5],
      ["gapClients", 19.4328],
    ]);
    for (const step of n.steps) expect(step.label.length).toBeGreaterThan(0);
    expect(n.steps[1].factor).toMatchObject({ parameterId: "annualIncidence", value: 0.08 });
    expect(n.steps[7]).toMatchObject({ operation: "divide", factor: { parameterId: "clientsPerFte", value: 225 } });
  });

  it("gives every estimate an interval that is ordered", () => {
    for (const key of MEASURE_KEYS) {
      const m = n.measures[key];
      if (typeof m === "number") continue;
      expect(m.lower).toBeLessThanOrEqual(m.upper);
    }
    expect(n.measures.expectedClients.lower).toBeLessThan(n.measures.expectedClients.central);
    expect(n.measures.expectedClients.upper).toBeGreaterThan(n.measures.expectedClients.central);
  });
});

describe("roll-up to places and the system", () => {
  // N2 is split 25/75 between places P1 and P2; S1 serves three neighbourhoods pro
  // rata; S2 gives one neighbourhood an explicit share; S3 serves a neighbourhood
  // with no population; S4 sends half its FTE outside the footprint.
  const neighbourhoods = [
    neighbourhood({ code: "N1", registeredAdults: 10_000, imdDecile: 1, ltcPrevalence: 0.18 }),
    neighbourhood({
      code: "N2",
      registeredAdults: 30_000,
      imdDecile: 10,
      ltcPrevalence: 0.09,
      placeShares: [
        { placeCode: "P1", share: 0.25 },
        { placeCode: "P2", share: 0.75 },
      ],
    }),
    neighbourhood({
      code: "N3",
      registeredAdults: 20_000,
      imdDecile: null,
      ltcPrevalence: null,
      placeShares: [{ placeCode: "P2", share: 1 }],
    }),
    neighbourhood({ code: "N4", registeredAdults: 0, placeShares: [{ placeCode: "P2", share: 1 }] }),
  ];
  const services: ServiceInput[] = [
    { id: "S1", fundedFte: 0.3, neighbourhoods: [{ code: "N1" }, { code: "N2" }, { code: "N3" }] },
    { id: "S2", fundedFte: 0.2, neighbourhoods: [{ code: "N2", share: 0.4 }, { code: "N3" }] },
    { id: "S3", fundedFte: 0.5, clientsPerFte: 300, neighbourhoods: [{ code: "N4" }] },
    {
      id: "S4",
      fundedFte: 1,
      neighbourhoods: [
        { code: "N1", share: 0.5 },
        { code: "X99", share: 0.5 },
      ],
    },
  ];
  const result = run(neighbourhoods, services);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it.each(MEASURE_KEYS.map((k) => [k]))("%s: system = sum of places = sum of neighbourhoods", (key) => {
    const system = central(result.system.measures[key]);
    const places = sum(result.places.map((p) => central(p.measures[key])));
    const hoods = sum(result.neighbourhoods.map((n) => central(n.measures[key])));
    expect(places).toBeCloseTo(system, 9);
    expect(hoods).toBeCloseTo(system, 9);
  });

  it("splits a neighbourhood's adults between places by its shares", () => {
    const byPlace = Object.fromEntries(result.places.map((p) => [p.code, p.measures.registeredAdults]));
    expect(byPlace).toEqual({ P1: 10_000 + 7_500, P2: 22_500 + 20_000 });
    expect(result.system.measures.registeredAdults).toBe(60_000);
  });

  it.each([
    // S1 0.3 FTE pro rata 10k:30k:20k; S2 0.2 FTE, 40% explicitly to N2, the rest to
    // N3; S3 all to N4; S4 half to N1 (the other half is outside the footprint).
    ["N1", 0.05 + 0.5],
    ["N2", 0.15 + 0.08],
    ["N3", 0.1 + 0.12],
    ["N4", 0.5],
  ])("shares service FTE to %s by the stated rule (%d FTE)", (code, fte) => {
    const n = result.neighbourhoods.find((x) => x.code === code)!;
    expect(n.measures.fundedFte).toBeCloseTo(fte, 12);
  });

  it("keeps funded FTE whole: inside the footprint plus outside = sum of services", () => {
    expect(result.system.measures.fundedFte + result.system.fteOutsideFootprint).toBeCloseTo(2, 12);
    expect(result.system.fteOutsideFootprint).toBeCloseTo(0.5, 12);
    expect(result.warnings.join(" ")).toMatch(/outside this model run/);
  });

  it("sums unmet need and surplus area by area instead of netting them", () => {
    expect(result.neighbourhoods.map((n) => n.status)).toEqual(["surplus", "unmet-need", "unmet-need", "surplus"]);
    const m = result.system.measures;
    expect(m.unmetNeedClients.central).toBeGreaterThan(0);
    expect(m.surplusClients.central).toBeGreaterThan(0);
    expect(m.unmetNeedClients.central - m.surplusClients.central).toBeCloseTo(m.gapClients.central, 9);
  });

  it("uses a service's own clients-per-FTE for its capacity", () => {
    const n4 = result.neighbourhoods.find((x) => x.code === "N4")!;
    expect(n4.measures.capacityClients).toEqual({ central: 150, lower: 150, upper: 150 });
  });

  it("computes roll-up intervals from per-draw totals, ordered like the rest", () => {
    for (const area of [result.system, ...result.places]) {
      for (const key of MEASURE_KEYS) {
        const m = area.measures[key];
        if (typeof m !== "number") expect(m.lower).toBeLessThanOrEqual(m.upper);
      }
    }
  });
});

describe("edge cases", () => {
  it.each([
    ["with a service", [{ id: "S", fundedFte: 1, neighbourhoods: [{ code: "Z" }] }], 225, "surplus"],
    ["without any service", [], 0, "balanced"],
  ] as const)(
    "a zero-population neighbourhood %s has no need, no NaN and a surplus equal to its capacity",
    (_case, services, capacity, status) => {
      const result = run([neighbourhood({ code: "Z", registeredAdults: 0 })], services as unknown as ServiceInput[]);
      const n = result.neighbourhoods[0];
      for (const key of [
        "potentialDemand",
        "expectedReferrals",
        "expectedClients",
        "fteNeeded",
        "budgetNeededGbp",
        "unmetNeedClients",
      ] as const) {
        expect(n.measures[key]).toEqual({ central: 0, lower: 0, upper: 0 });
      }
      expect(n.measures.surplusClients.central).toBeCloseTo(capacity, 9);
      expect(n.measures.gapClients.central).toBeCloseTo(-capacity, 9);
      expect(n.status).toBe(status);
      expect(allNumbers(result).every(Number.isFinite)).toBe(true);
    },
  );

  it("a neighbourhood with zero capacity has unmet need equal to its expected clients", () => {
    const result = run([neighbourhood({ code: "A", imdDecile: 3, ltcPrevalence: 0.15 })], []);
    const m = result.neighbourhoods[0].measures;
    expect(m.fundedFte).toBe(0);
    expect(m.capacityClients).toEqual({ central: 0, lower: 0, upper: 0 });
    expect(m.unmetNeedClients).toEqual(m.expectedClients);
    expect(m.gapClients).toEqual(m.expectedClients);
    expect(m.surplusClients).toEqual({ central: 0, lower: 0, upper: 0 });
    expect(m.fteGap).toEqual(m.fteNeeded);
    expect(result.neighbourhoods[0].status).toBe("unmet-need");
    expect(allNumbers(result).every(Number.isFinite)).toBe(true);
  });

  it("a neighbourhood whose capacity exceeds need reports a surplus, not negative need", () => {
    const result = run([neighbourhood({ code: "A" })], [{ id: "S", fundedFte: 5, neighbourhoods: [{ code: "A" }] }]);
    const n = result.neighbourhoods[0];
    expect(n.status).toBe("surplus");
    expect(n.measures.unmetNeedClients.central).toBe(0);
    expect(n.measures.surplusClients.central).toBeCloseTo(5 * 225 - n.measures.expectedClients.central, 9);
    expect(n.measures.surplusClients.lower).toBeGreaterThan(0);
  });

  it("an empty footprint runs and returns zeros", () => {
    const result = run([], []);
    expect(result.neighbourhoods).toEqual([]);
    expect(result.system.measures.expectedClients).toEqual({ central: 0, lower: 0, upper: 0 });
  });

  it("missing IMD decile or LTC prevalence uses a multiplier of 1 and says so", () => {
    const result = run([neighbourhood({ code: "A", imdDecile: null, ltcPrevalence: null })], []);
    expect(result.neighbourhoods[0].multipliers).toMatchObject({
      deprivation: 1,
      longTermConditions: 1,
      deprivationMissing: true,
      longTermConditionsMissing: true,
    });
    expect(result.warnings.join(" ")).toMatch(/no IMD decile/);
  });
});

describe("uncertainty", () => {
  const hoods = [
    neighbourhood({ code: "A", registeredAdults: 25_000, imdDecile: 2, ltcPrevalence: 0.17 }),
    neighbourhood({
      code: "B",
      registeredAdults: 40_000,
      imdDecile: 9,
      ltcPrevalence: 0.1,
      placeShares: [{ placeCode: "P2", share: 1 }],
    }),
  ];
  const services: ServiceInput[] = [{ id: "S", fundedFte: 1.5, neighbourhoods: [{ code: "A" }, { code: "B" }] }];

  it("repeats exactly for the same seed", () => {
    expect(run(hoods, services, {}, { seed: 11 })).toEqual(run(hoods, services, {}, { seed: 11 }));
  });

  it("gives different intervals for a different seed, with the same central estimates", () => {
    const a = run(hoods, services, {}, { seed: 11 }).system.measures.expectedClients;
    const b = run(hoods, services, {}, { seed: 12 }).system.measures.expectedClients;
    expect(b.central).toBe(a.central);
    expect(b.lower).not.toBe(a.lower);
    expect(b.upper).not.toBe(a.upper);
  });

  it("collapses intervals to the central estimate when no draws are asked for", () => {
    const result = run(hoods, services, {}, { draws: 0 });
    expect(result.uncertainty.method).toBe("none");
    const m = result.system.measures.budgetNeededGbp;
    expect(m.lower).toBe(m.central);
    expect(m.upper).toBe(m.central);
  });

  it("states its method: simulation with PERT draws from a seeded generator", () => {
    const u = run(hoods, services).uncertainty;
    expect(u).toMatchObject({ method: "simulation", draws: 400, seed: 7, intervalLevel: 0.8 });
    expect(u.description).toMatch(/beta-PERT/);
    expect(u.description).toMatch(/xoshiro128/);
  });

  it.each([["annualIncidence" as const], ["healthSettingShare" as const], ["attendanceRate" as const]])(
    "with only %s uncertain, the interval is the draws' 10th and 90th percentiles scaled through the chain",
    (id) => {
      const fixed: ParameterOverrides = {};
      for (const other of PARAMETER_IDS) {
        if (other === id) continue;
        const def = resolveParameters()[other];
        fixed[other] = { value: def.value, low: def.value, high: def.value };
      }
      const result = run(
        [neighbourhood({ code: "A", registeredAdults: 30_000, imdDecile: 4, ltcPrevalence: 0.14 })],
        [],
        fixed,
        {
          draws: 1000,
          seed: 99,
        },
      );
      const p: ParameterSet = result.parameters;
      const draws = pertDraws(99, id, p[id].low, p[id].value, p[id].high, new Float64Array(1000));
      const sorted = Array.from(draws).sort((x, y) => x - y);
      const typeSeven = (q: number) => {
        const h = (sorted.length - 1) * q;
        const k = Math.floor(h);
        return sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
      };
      const m = result.neighbourhoods[0].measures.expectedClients;
      const perUnit = m.central / p[id].value;
      expect(m.lower).toBeCloseTo(perUnit * typeSeven(0.1), 9);
      expect(m.upper).toBeCloseTo(perUnit * typeSeven(0.9), 9);
    },
  );

  it("honours a chosen interval level", () => {
    const narrow = run(hoods, services, {}, { intervalLevel: 0.5 }).system.measures.expectedClients;
    const wide = run(hoods, services, {}, { intervalLevel: 0.95 }).system.measures.expectedClients;
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
  });
});

describe("FTE sharing rule", () => {
  const adults = new Map([
    ["A", 10_000],
    ["B", 30_000],
    ["C", 0],
  ]);
  it.each<[string, ServiceInput, Record<string, number>]>([
    [
      "pro rata to registered adults when no shares are given",
      { id: "S", fundedFte: 4, neighbourhoods: [{ code: "A" }, { code: "B" }] },
      { A: 1, B: 3 },
    ],
    [
      "explicit shares as given",
      {
        id: "S",
        fundedFte: 2,
        neighbourhoods: [
          { code: "A", share: 0.7 },
          { code: "B", share: 0.3 },
        ],
      },
      { A: 1.4, B: 0.6 },
    ],
    [
      "the remainder after explicit shares pro rata among the rest",
      { id: "S", fundedFte: 1, neighbourhoods: [{ code: "C", share: 0.2 }, { code: "A" }, { code: "B" }] },
      { C: 0.2, A: 0.2, B: 0.6 },
    ],
    [
      "equally when every neighbourhood without a share has no adults",
      { id: "S", fundedFte: 1, neighbourhoods: [{ code: "C" }] },
      { C: 1 },
    ],
  ])("shares %s", (_rule, service, expected) => {
    const [allocation] = allocateServiceFte([service], adults);
    const got = Object.fromEntries(allocation.neighbourhoods.map((n) => [n.code, n.fte]));
    for (const [code, fte] of Object.entries(expected)) expect(got[code]).toBeCloseTo(fte, 12);
  });
});

describe("input validation", () => {
  const base = () => ({
    neighbourhoods: [neighbourhood({ code: "A" }), neighbourhood({ code: "B" })],
    services: [{ id: "S", fundedFte: 1, neighbourhoods: [{ code: "A" }] }] as ServiceInput[],
  });
  it.each<[string, (input: ReturnType<typeof base>) => void, string]>([
    [
      "place shares that do not add up to 1",
      (i) =>
        (i.neighbourhoods[0].placeShares = [
          { placeCode: "P1", share: 0.6 },
          { placeCode: "P2", share: 0.3 },
        ]),
      "Neighbourhood A: place shares add up to 0.9",
    ],
    ["a neighbourhood with no place", (i) => (i.neighbourhoods[0].placeShares = []), "Neighbourhood A has no place"],
    [
      "a duplicate neighbourhood",
      (i) => i.neighbourhoods.push(neighbourhood({ code: "A" })),
      "Neighbourhood A appears more than once",
    ],
    [
      "negative registered adults",
      (i) => (i.neighbourhoods[0].registeredAdults = -1),
      "registered adults must be zero or more",
    ],
    ["an IMD decile out of range", (i) => (i.neighbourhoods[0].imdDecile = 11), "IMD decile must be between 1 and 10"],
    ["LTC prevalence given as a percentage", (i) => (i.neighbourhoods[0].ltcPrevalence = 55), "(not a percentage)"],
    ["negative funded FTE", (i) => (i.services[0].fundedFte = -1), "Service S: funded FTE must be zero or more"],
    [
      "a service serving an unknown neighbourhood without a share",
      (i) => i.services[0].neighbourhoods.push({ code: "Q" }),
      "Service S serves Q, which is not in this model run",
    ],
    [
      "explicit shares above 1",
      (i) =>
        (i.services[0].neighbourhoods = [
          { code: "A", share: 0.8 },
          { code: "B", share: 0.5 },
        ]),
      "explicit shares add up to 1.3",
    ],
    [
      "explicit shares below 1 with no neighbourhood left to take the rest",
      (i) =>
        (i.services[0].neighbourhoods = [
          { code: "A", share: 0.5 },
          { code: "B", share: 0.3 },
        ]),
      "every neighbourhood has a share but they add up to 0.8",
    ],
    ["a service serving no one", (i) => (i.services[0].neighbourhoods = []), "Service S serves no neighbourhood"],
  ])("rejects %s with a clear message", (_case, mutate, message) => {
    const input = base();
    mutate(input);
    let error: unknown;
    try {
      run(input.neighbourhoods, input.services);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DemandInputError);
    expect((error as DemandInputError).issues.join("\n")).toContain(message);
  });

  it("rejects a non-integer number of draws", () => {
    expect(() => run([], [], {}, { draws: 10.5 })).toThrow(/Draws must be a whole number/);
  });
});
