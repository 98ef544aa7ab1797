/**
 * The simulation hot path: per-neighbourhood draws and their exact percentiles.
 *
 * Why this shape (issue item 6 asks for ~1,250 neighbourhoods × 1,000 draws in under
 * 200 ms; a sort or quickselect per measure cost 300–400 ms on its own):
 * - every need measure of a neighbourhood factors as adults × h_d × W_d, where W_d
 *   (incidence × seek share × capture × …) is the same for every neighbourhood and
 *   h_d (deprivation × LTC multipliers) depends on the neighbourhood. W is computed
 *   once per run, h once per neighbourhood, so each measure costs one multiply;
 * - bounds on W and h give every measure a value range before its draws exist, so
 *   draws are dropped into 256 equal-width buckets (with per-bucket linked lists) as
 *   they are generated. A percentile then needs only the one or two buckets that hold
 *   its ranks, and a quickselect over those few values.
 * The result is exact (the same order statistics a sort gives): the bucket index is
 * a non-decreasing function of the value, so bucket order is value order; the range
 * bounds affect only speed, never the answer.
 */
import type { ParameterId, ParameterSet } from "./parameters";
import { pertDraws } from "./random";

/** Draw buffers per measure, in this order. */
export const SIM_POTENTIAL = 0;
export const SIM_REFERRALS = 1;
export const SIM_CLIENTS = 2;
export const SIM_FTE = 3;
export const SIM_BUDGET = 4;
export const SIM_GAP = 5;
/** Unmet need and surplus bounds are derived from the gap's draws. */
export const SIM_UNMET = 6;
export const SIM_SURPLUS = 7;
const NEED_MEASURES = 5;
const MEASURES = 6;

const BUCKETS = 256;
const TOP = BUCKETS - 1;

export interface DrawTable {
  draws: number;
  /** Per-draw factor for each need measure: value = adults × h × W. */
  needFactor: Float64Array[];
  needFactorMin: Float64Array;
  needFactorMax: Float64Array;
  gradientPerDecile: Float64Array;
  rrMinusOne: Float64Array;
  inverseLtcDenominator: Float64Array;
  capture: Float64Array;
  attendance: Float64Array;
  clientsPerFte: Float64Array;
  inverseClientsPerFte: Float64Array;
  costPerFte: Float64Array;
  clientsPerFteMin: number;
  clientsPerFteMax: number;
}

/** Draws every parameter (beta-PERT, one seeded stream each) and the per-draw products. */
export function buildDrawTable(P: ParameterSet, draws: number, seed: number): DrawTable {
  const drawsOf = (id: ParameterId) => pertDraws(seed, id, P[id].low, P[id].value, P[id].high, new Float64Array(draws));
  const incidence = drawsOf("annualIncidence");
  const gradient = drawsOf("deprivationGradient");
  const relativeRisk = drawsOf("ltcRelativeRisk");
  const reference = drawsOf("ltcReferencePrevalence");
  const seekShare = drawsOf("healthSettingShare");
  const capture = drawsOf("referralCapture");
  const attendance = drawsOf("attendanceRate");
  const clientsPerFte = drawsOf("clientsPerFte");
  const costPerFte = drawsOf("costPerFte");

  const needFactor = Array.from({ length: NEED_MEASURES }, () => new Float64Array(draws));
  const gradientPerDecile = new Float64Array(draws);
  const rrMinusOne = new Float64Array(draws);
  const inverseLtcDenominator = new Float64Array(draws);
  const inverseClientsPerFte = new Float64Array(draws);
  let cpfMin = Infinity;
  let cpfMax = -Infinity;
  for (let d = 0; d < draws; d++) {
    // Same order of operations as the central chain: incidence × seek share, then
    // × capture, × attendance, ÷ clients per FTE, × cost per FTE.
    const pot = incidence[d] * seekShare[d];
    const ref = pot * capture[d];
    const cli = ref * attendance[d];
    const fte = cli / clientsPerFte[d];
    needFactor[SIM_POTENTIAL][d] = pot;
    needFactor[SIM_REFERRALS][d] = ref;
    needFactor[SIM_CLIENTS][d] = cli;
    needFactor[SIM_FTE][d] = fte;
    needFactor[SIM_BUDGET][d] = fte * costPerFte[d];
    gradientPerDecile[d] = gradient[d] / 4.5;
    rrMinusOne[d] = relativeRisk[d] - 1;
    inverseLtcDenominator[d] = 1 / (1 + reference[d] * rrMinusOne[d]);
    inverseClientsPerFte[d] = 1 / clientsPerFte[d];
    if (clientsPerFte[d] < cpfMin) cpfMin = clientsPerFte[d];
    if (clientsPerFte[d] > cpfMax) cpfMax = clientsPerFte[d];
  }
  const needFactorMin = new Float64Array(NEED_MEASURES);
  const needFactorMax = new Float64Array(NEED_MEASURES);
  for (let m = 0; m < NEED_MEASURES; m++) {
    let lo = Infinity;
    let hi = -Infinity;
    const w = needFactor[m];
    for (let d = 0; d < draws; d++) {
      if (w[d] < lo) lo = w[d];
      if (w[d] > hi) hi = w[d];
    }
    needFactorMin[m] = lo;
    needFactorMax[m] = hi;
  }
  return {
    draws,
    needFactor,
    needFactorMin,
    needFactorMax,
    gradientPerDecile,
    rrMinusOne,
    inverseLtcDenominator,
    capture,
    attendance,
    clientsPerFte,
    inverseClientsPerFte,
    costPerFte,
    clientsPerFteMin: cpfMin,
    clientsPerFteMax: cpfMax,
  };
}

/** Reusable buffers for simulating one neighbourhood at a time. */
export interface NeighbourhoodSimulator {
  table: DrawTable;
  qLow: number;
  qHigh: number;
  /** adults × h per draw. */
  scaledAdults: Float64Array;
  /** Potential demand and gap per draw, kept for the roll-ups. */
  potential: Float64Array;
  gap: Float64Array;
  counts: Int32Array;
  heads: Int32Array;
  next: Int32Array;
  band: Float64Array;
  lower: Float64Array;
  scale: Float64Array;
  /** [lower, upper] per measure (SIM_* order, including unmet and surplus) after simulateNeighbourhood. */
  bounds: Float64Array;
  pair: Float64Array;
}

export function createNeighbourhoodSimulator(table: DrawTable, qLow: number, qHigh: number): NeighbourhoodSimulator {
  const draws = table.draws;
  return {
    table,
    qLow,
    qHigh,
    scaledAdults: new Float64Array(draws),
    potential: new Float64Array(draws),
    gap: new Float64Array(draws),
    counts: new Int32Array(MEASURES * BUCKETS),
    heads: new Int32Array(MEASURES * BUCKETS),
    next: new Int32Array(MEASURES * draws),
    band: new Float64Array(draws),
    lower: new Float64Array(MEASURES),
    scale: new Float64Array(MEASURES),
    bounds: new Float64Array((MEASURES + 2) * 2),
    pair: new Float64Array(2),
  };
}

/**
 * Simulates one neighbourhood (adults > 0): fills sim.potential and sim.gap per
 * draw and sim.bounds with the percentile interval of each measure.
 * prevalence < 0 means unknown (LTC multiplier 1); deprivationOffset = 5.5 − decile
 * (0 when unknown).
 */
export function simulateNeighbourhood(
  sim: NeighbourhoodSimulator,
  adults: number,
  deprivationOffset: number,
  prevalence: number,
  fteAtDefaultRate: number,
  fixedCapacity: number,
  /**
   * For a neighbourhood wholly in one place: that place's running per-draw totals,
   * added to in the same pass (saves three passes over the draws; most
   * neighbourhoods sit in one place). Null to leave the roll-up to the caller.
   */
  placeTotals: { potential: Float64Array; unmet: Float64Array; surplus: Float64Array; offset: number } | null,
): void {
  const t = sim.table;
  const draws = t.draws;
  const ah = sim.scaledAdults;

  // Pass 1: the neighbourhood's own multiplier per draw, and its range.
  const { gradientPerDecile, rrMinusOne, inverseLtcDenominator } = t;
  const hasPrevalence = prevalence >= 0;
  let hMin = Infinity;
  let hMax = -Infinity;
  for (let d = 0; d < draws; d++) {
    const dep = 1 + gradientPerDecile[d] * deprivationOffset;
    const ltc = hasPrevalence ? (1 + prevalence * rrMinusOne[d]) * inverseLtcDenominator[d] : 1;
    const h = dep * ltc;
    // Branches rather than Math.min/max: new extremes are rare, so they predict well.
    if (h < hMin) hMin = h;
    if (h > hMax) hMax = h;
    ah[d] = adults * h;
  }

  // Value ranges: need measures lie in [adults·hMin·Wmin, adults·hMax·Wmax]; the gap
  // in [clients range − capacity range]. A loose range only costs speed.
  const lower = sim.lower;
  const scale = sim.scale;
  for (let m = 0; m < NEED_MEASURES; m++) {
    setRange(sim, m, adults * hMin * t.needFactorMin[m], adults * hMax * t.needFactorMax[m]);
  }
  const capMin = fteAtDefaultRate * t.clientsPerFteMin + fixedCapacity;
  const capMax = fteAtDefaultRate * t.clientsPerFteMax + fixedCapacity;
  setRange(
    sim,
    SIM_GAP,
    adults * hMin * t.needFactorMin[SIM_CLIENTS] - capMax,
    adults * hMax * t.needFactorMax[SIM_CLIENTS] - capMin,
  );

  const counts = sim.counts;
  const heads = sim.heads;
  const next = sim.next;
  counts.fill(0);
  heads.fill(-1);
  const [w0, w1, w2, w3, w4] = t.needFactor;
  const cpf = t.clientsPerFte;
  const pot = sim.potential;
  const gapOut = sim.gap;
  const l0 = lower[0],
    l1 = lower[1],
    l2 = lower[2],
    l3 = lower[3],
    l4 = lower[4],
    l5 = lower[5];
  const s0 = scale[0],
    s1 = scale[1],
    s2 = scale[2],
    s3 = scale[3],
    s4 = scale[4],
    s5 = scale[5];
  const o1 = BUCKETS,
    o2 = 2 * BUCKETS,
    o3 = 3 * BUCKETS,
    o4 = 4 * BUCKETS,
    o5 = 5 * BUCKETS;
  const n1 = draws,
    n2 = 2 * draws,
    n3 = 3 * draws,
    n4 = 4 * draws,
    n5 = 5 * draws;

  const accumulate = placeTotals !== null;
  const accPotential = placeTotals ? placeTotals.potential : pot;
  const accUnmet = placeTotals ? placeTotals.unmet : pot;
  const accSurplus = placeTotals ? placeTotals.surplus : pot;
  const off = placeTotals ? placeTotals.offset : 0;

  // Pass 2: every measure's value per draw, dropped straight into its bucket list.
  // Written out per measure: an inner loop over measures would index arrays of
  // arrays in the hottest loop of the model.
  for (let d = 0; d < draws; d++) {
    const a = ah[d];
    const vPot = a * w0[d];
    const vCli = a * w2[d];
    const vGap = vCli - (fteAtDefaultRate * cpf[d] + fixedCapacity);
    pot[d] = vPot;
    gapOut[d] = vGap;
    if (accumulate) {
      // max(±gap, 0) as (|gap| ± gap) ÷ 2: exact, and branch-free where the gap
      // straddles zero (where a branch would be unpredictable).
      const magnitude = Math.abs(vGap);
      accPotential[off + d] += vPot;
      accUnmet[off + d] += (magnitude + vGap) * 0.5;
      accSurplus[off + d] += (magnitude - vGap) * 0.5;
    }
    let b = bucket(vPot, l0, s0);
    next[d] = heads[b];
    heads[b] = d;
    counts[b]++;
    b = o1 + bucket(a * w1[d], l1, s1);
    next[n1 + d] = heads[b];
    heads[b] = d;
    counts[b]++;
    b = o2 + bucket(vCli, l2, s2);
    next[n2 + d] = heads[b];
    heads[b] = d;
    counts[b]++;
    b = o3 + bucket(a * w3[d], l3, s3);
    next[n3 + d] = heads[b];
    heads[b] = d;
    counts[b]++;
    b = o4 + bucket(a * w4[d], l4, s4);
    next[n4 + d] = heads[b];
    heads[b] = d;
    counts[b]++;
    b = o5 + bucket(vGap, l5, s5);
    next[n5 + d] = heads[b];
    heads[b] = d;
    counts[b]++;
  }

  const last = draws - 1;
  const hLow = last * sim.qLow;
  const hHigh = last * sim.qHigh;
  for (let m = 0; m < MEASURES; m++) {
    sim.bounds[m * 2] = percentile(sim, m, hLow, fteAtDefaultRate, fixedCapacity);
    sim.bounds[m * 2 + 1] = percentile(sim, m, hHigh, fteAtDefaultRate, fixedCapacity);
  }
  clippedGapPercentiles(sim, hLow, fteAtDefaultRate, fixedCapacity, sim.bounds, 0);
  clippedGapPercentiles(sim, hHigh, fteAtDefaultRate, fixedCapacity, sim.bounds, 1);
}

function setRange(sim: NeighbourhoodSimulator, m: number, lo: number, hi: number): void {
  const span = hi - lo;
  sim.lower[m] = lo;
  // Scale so the top of the range maps just below BUCKETS; a zero span puts every
  // value in bucket 0 (all equal, or a degenerate range: still exact, just slower).
  sim.scale[m] = span > 0 && Number.isFinite(span) ? (BUCKETS * (1 - 2 ** -40)) / span : 0;
}

/** Monotone bucket index in [0, TOP]; values a rounding error outside the range are clamped. */
function bucket(value: number, lower: number, scale: number): number {
  const b = ((value - lower) * scale) | 0;
  return b > TOP ? TOP : b < 0 ? 0 : b;
}

/** The value of measure m in draw d, computed exactly as in pass 2. */
function valueAt(sim: NeighbourhoodSimulator, m: number, d: number, fte: number, fixed: number): number {
  if (m === SIM_GAP) {
    return sim.scaledAdults[d] * sim.table.needFactor[SIM_CLIENTS][d] - (fte * sim.table.clientsPerFte[d] + fixed);
  }
  return sim.scaledAdults[d] * sim.table.needFactor[m][d];
}

/**
 * The order statistics of rank k and k + 1 (capped at the last rank) of measure m,
 * written to sim.pair, found from the bucket lists.
 */
function orderPair(sim: NeighbourhoodSimulator, m: number, k: number, fte: number, fixed: number): void {
  const draws = sim.table.draws;
  const kNext = k < draws - 1 ? k + 1 : k;
  const counts = sim.counts;
  const base = m * BUCKETS;
  // Find the buckets holding ranks k and k + 1.
  let below = 0;
  let from = 0;
  while (below + counts[base + from] <= k) below += counts[base + from++];
  let to = from;
  let seen = below + counts[base + to];
  while (seen <= kNext) seen += counts[base + ++to];
  // Gather those buckets' values and select within them.
  const band = sim.band;
  let size = 0;
  const nextBase = m * draws;
  for (let b = from; b <= to; b++) {
    for (let d = sim.heads[base + b]; d >= 0; d = sim.next[nextBase + d]) band[size++] = valueAt(sim, m, d, fte, fixed);
  }
  const rank = k - below;
  selectInPlace(band, 0, size - 1, rank);
  sim.pair[0] = band[rank];
  if (kNext === k) {
    sim.pair[1] = band[rank];
    return;
  }
  let successor = band[rank + 1];
  for (let i = rank + 2; i < size; i++) if (band[i] < successor) successor = band[i];
  sim.pair[1] = successor;
}

/** Type-7 percentile: interpolate between the order statistics at floor(h) and the next. */
function percentile(sim: NeighbourhoodSimulator, m: number, h: number, fte: number, fixed: number): number {
  const k = Math.floor(h);
  orderPair(sim, m, k, fte, fixed);
  const x0 = sim.pair[0];
  return x0 + (h - k) * (sim.pair[1] - x0);
}

/**
 * Percentiles of unmet need max(gap, 0) and surplus max(−gap, 0), exactly as if
 * those were simulated directly. Unmet need has the gap's ranks; surplus ranks run
 * the other way, so rank r of surplus is rank (n − 1 − r) of the gap, negated.
 */
function clippedGapPercentiles(
  sim: NeighbourhoodSimulator,
  h: number,
  fte: number,
  fixed: number,
  out: Float64Array,
  slot: number,
): void {
  const last = sim.table.draws - 1;
  const k = Math.floor(h);
  const frac = h - k;
  orderPair(sim, SIM_GAP, k, fte, fixed);
  const u0 = Math.max(sim.pair[0], 0);
  out[SIM_UNMET * 2 + slot] = u0 + frac * (Math.max(sim.pair[1], 0) - u0);
  if (k >= last) {
    orderPair(sim, SIM_GAP, 0, fte, fixed);
    out[SIM_SURPLUS * 2 + slot] = Math.max(-sim.pair[0], 0);
    return;
  }
  // Surplus ranks k and k + 1 are gap ranks last − k and last − k − 1.
  orderPair(sim, SIM_GAP, last - k - 1, fte, fixed);
  const s0 = Math.max(-sim.pair[1], 0);
  out[SIM_SURPLUS * 2 + slot] = s0 + frac * (Math.max(-sim.pair[0], 0) - s0);
}

/** Hoare quickselect: a[k] becomes the k-th smallest of a[left..right], smaller before, larger after. */
function selectInPlace(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    let x = a[left];
    let y = a[mid];
    const z = a[right];
    if (x > y) {
      const t = x;
      x = y;
      y = t;
    }
    if (y > z) {
      y = z;
      if (x > y) y = x;
    }
    const pivot = y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
