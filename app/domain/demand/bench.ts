/**
 * Speed check for the demand model at England scale (issue item 6): about 1,250
 * neighbourhoods, 350 services and 1,000 simulation draws, target under 200 ms.
 *
 * The inputs are synthetic but shaped like the real ones (PCN-sized lists, every IMD
 * decile, some neighbourhoods split across two places, services covering one to
 * eight neighbourhoods, some with explicit shares or their own throughput), and are
 * generated from a seed so every run times the same work. The clock is a required
 * argument because app/domain code does not read clocks itself.
 */
import { type DemandModelInput, type NeighbourhoodInput, runDemandModel, type ServiceInput } from "./model";
import { defaultParameters } from "./parameters";
import { createSeededRandom } from "../statistics";

export interface SyntheticInputOptions {
  neighbourhoods?: number;
  services?: number;
  places?: number;
  draws?: number;
  seed?: number;
}

export function buildSyntheticDemandInput(options: SyntheticInputOptions = {}): DemandModelInput {
  const nCount = options.neighbourhoods ?? 1250;
  const sCount = options.services ?? 350;
  const placeCount = options.places ?? 180;
  const rng = createSeededRandom(options.seed ?? 20250101);
  const between = (a: number, b: number) => a + (b - a) * rng();

  const neighbourhoods: NeighbourhoodInput[] = [];
  for (let i = 0; i < nCount; i++) {
    const place = Math.floor((i * placeCount) / nCount);
    // About one in ten neighbourhoods straddles a place boundary.
    const split = rng() < 0.1 && place + 1 < placeCount;
    const first = split ? Math.round(between(0.3, 0.9) * 100) / 100 : 1;
    neighbourhoods.push({
      code: `U${String(i).padStart(5, "0")}`,
      name: `Neighbourhood ${i}`,
      registeredAdults: Math.round(between(15_000, 80_000)),
      imdDecile: rng() < 0.02 ? null : 1 + Math.floor(rng() * 10),
      ltcPrevalence: rng() < 0.02 ? null : between(0.07, 0.22),
      placeShares: split
        ? [
            { placeCode: `P${place}`, share: first },
            { placeCode: `P${place + 1}`, share: 1 - first },
          ]
        : [{ placeCode: `P${place}`, share: 1 }],
    });
  }

  const services: ServiceInput[] = [];
  for (let s = 0; s < sCount; s++) {
    const span = 1 + Math.floor(rng() * 8);
    const start = Math.floor(rng() * (nCount - span));
    const explicit = rng() < 0.2;
    const covered = Array.from({ length: span }, (_, k) => ({
      code: neighbourhoods[start + k].code,
      ...(explicit ? { share: 1 / span } : {}),
    }));
    services.push({
      id: `S${s}`,
      fundedFte: Math.round(between(0.1, 5) * 10) / 10,
      ...(rng() < 0.15 ? { clientsPerFte: Math.round(between(120, 320)) } : {}),
      neighbourhoods: covered,
    });
  }

  return {
    neighbourhoods,
    services,
    parameters: defaultParameters(),
    options: { draws: options.draws ?? 1000, seed: 42 },
  };
}

export interface DemandBenchmarkResult {
  neighbourhoods: number;
  services: number;
  draws: number;
  runs: number;
  /** The first run includes JIT warm-up, as a server's first request would. */
  firstRunMs: number;
  timingsMs: number[];
  medianMs: number;
  minMs: number;
  targetMs: number;
  withinTarget: boolean;
}

export const DEMAND_MODEL_TARGET_MS = 200;

/**
 * Times `runs` runs after one warm-up run. The caller passes the clock, e.g.
 * `benchmarkDemandModel({ now: () => performance.now() })`.
 */
export function benchmarkDemandModel(
  options: SyntheticInputOptions & { runs?: number; now: () => number },
): DemandBenchmarkResult {
  const now = options.now;
  const runs = options.runs ?? 10;
  const input = buildSyntheticDemandInput(options);
  const timingsMs: number[] = [];
  let firstRunMs = 0;
  for (let r = 0; r <= runs; r++) {
    const start = now();
    runDemandModel({ ...input, options: { ...input.options, seed: r + 1 } });
    const elapsed = now() - start;
    if (r === 0) firstRunMs = elapsed;
    else timingsMs.push(elapsed);
  }
  const sorted = [...timingsMs].sort((a, b) => a - b);
  const medianMs =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return {
    neighbourhoods: input.neighbourhoods.length,
    services: input.services.length,
    draws: input.options.draws,
    runs,
    firstRunMs,
    timingsMs,
    medianMs,
    minMs: sorted[0],
    targetMs: DEMAND_MODEL_TARGET_MS,
    withinTarget: medianMs < DEMAND_MODEL_TARGET_MS,
  };
}
