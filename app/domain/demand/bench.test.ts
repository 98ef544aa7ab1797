import { describe, expect, it } from "vitest";
import { benchmarkDemandModel, buildSyntheticDemandInput, DEMAND_MODEL_TARGET_MS } from "./bench";
import { validateDemandInput } from "./model";

describe("demand model benchmark", () => {
  it("builds a valid England-sized synthetic input by default", () => {
    const input = buildSyntheticDemandInput();
    expect(input.neighbourhoods).toHaveLength(1250);
    expect(input.services).toHaveLength(350);
    expect(input.options.draws).toBe(1000);
    expect(validateDemandInput(input)).toEqual([]);
    expect(input.neighbourhoods.some((n) => n.placeShares.length === 2)).toBe(true);
  });

  it("times runs with the clock it is given", () => {
    let clock = 0;
    const result = benchmarkDemandModel({
      neighbourhoods: 40,
      services: 10,
      places: 5,
      draws: 50,
      runs: 3,
      now: () => (clock += 10),
    });
    expect(result).toMatchObject({
      neighbourhoods: 40,
      services: 10,
      draws: 50,
      runs: 3,
      medianMs: 10,
      targetMs: DEMAND_MODEL_TARGET_MS,
    });
    expect(result.timingsMs).toEqual([10, 10, 10]);
    expect(result.withinTarget).toBe(true);
  });
});
