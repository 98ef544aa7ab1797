/**
 * Interval bounds from simulation draws without sorting, for places, the system and
 * single parameters (neighbourhoods use the bucket lists in simulation.ts).
 *
 * Sorting, or even quickselect, over ~1,000 random draws is dominated by branch
 * mispredictions (tens of µs per call here), so large inputs use a bucket select:
 * one pass for min/max, one pass to count values into equal-width buckets, then one
 * pass collecting only the few buckets that hold the wanted ranks, and a quickselect
 * inside those. The answer is exact (the same order statistics as a sort), only the
 * route to them differs. Quantiles follow the "type 7" definition (R's default,
 * numpy's "linear"): h = (n − 1) q, interpolating between x[floor h] and the next.
 */

const BUCKETS = 256;
const SMALL_INPUT = 64;

// Scratch space reused across calls: the hot path then allocates nothing. Safe
// because the functions are synchronous and never re-entered.
const counts = new Int32Array(BUCKETS);
let bucketOf = new Uint8Array(1024);
let bandLow = new Float64Array(1024);
let bandHigh = new Float64Array(1024);

function ensureCapacity(n: number): void {
  if (bucketOf.length >= n) return;
  const size = Math.max(n, bucketOf.length * 2);
  bucketOf = new Uint8Array(size);
  bandLow = new Float64Array(size);
  bandHigh = new Float64Array(size);
}

/** Rearranges a[left..right] so that a[k] is the k-th smallest, smaller values before it and larger after. */
function selectInPlace(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as pivot, so already-ordered input does not go quadratic.
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

function minFrom(a: Float64Array, from: number, to: number): number {
  let m = a[from];
  for (let i = from + 1; i <= to; i++) if (a[i] < m) m = a[i];
  return m;
}

/** Type-7 quantile at h = k + frac from a[0..last], selecting within a[0..last]. */
function interpolatedOrderStatistic(a: Float64Array, last: number, k: number, frac: number): number {
  selectInPlace(a, 0, last, k);
  const x = a[k];
  if (frac === 0 || k >= last) return x;
  return x + frac * (minFrom(a, k + 1, last) - x);
}

function quickselectQuantiles(a: Float64Array, n: number, qLow: number, qHigh: number, out: Float64Array): void {
  const last = n - 1;
  const hLow = last * qLow;
  const kLow = Math.floor(hLow);
  out[0] = interpolatedOrderStatistic(a, last, kLow, hLow - kLow);
  const hHigh = last * qHigh;
  const kHigh = Math.floor(hHigh);
  out[1] = interpolatedOrderStatistic(a, last, kHigh, hHigh - kHigh);
}

// Results of locatePair: bucket of rank k, bucket of rank k + 1, elements before the first.
const pairFrom = new Int32Array(2);
const pairTo = new Int32Array(2);
const pairBelow = new Int32Array(2);

/** Walks the bucket counts to the buckets holding ranks k and k + 1 (capped at last). */
function locatePair(k: number, last: number, slot: number): void {
  const next = k < last ? k + 1 : k;
  let below = 0;
  let b = 0;
  while (below + counts[b] <= k) below += counts[b++];
  pairFrom[slot] = b;
  pairBelow[slot] = below;
  let seen = below;
  while (seen + counts[b] <= next) seen += counts[b++];
  pairTo[slot] = b;
}

/**
 * Type-7 quantiles at qLow <= qHigh of the first n values of `a`, written to out[0]
 * and out[1]. May reorder `a` (callers pass a scratch buffer they no longer need).
 */
export function twoQuantilesInPlace(a: Float64Array, n: number, qLow: number, qHigh: number, out: Float64Array): void {
  if (n <= 0) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  let min = a[0];
  let max = a[0];
  for (let i = 1; i < n; i++) {
    const x = a[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  twoQuantilesInRangeInPlace(a, n, min, max, qLow, qHigh, out);
}

/**
 * As twoQuantilesInPlace, when the caller already knows the exact minimum and
 * maximum of a[0..n) (the model tracks them while generating draws, saving a pass).
 */
export function twoQuantilesInRangeInPlace(
  a: Float64Array,
  n: number,
  min: number,
  max: number,
  qLow: number,
  qHigh: number,
  out: Float64Array,
): void {
  if (n <= 0) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  if (n < SMALL_INPUT) {
    quickselectQuantiles(a, n, qLow, qHigh, out);
    return;
  }
  if (!(max > min)) {
    out[0] = min;
    out[1] = min;
    return;
  }
  ensureCapacity(n);
  counts.fill(0);
  // Shrinking the scale by 2^-40 keeps (max − min) × scale below BUCKETS despite
  // rounding, so the top value needs no clamp in the loop.
  const scale = (BUCKETS * (1 - 2 ** -40)) / (max - min);
  for (let i = 0; i < n; i++) {
    const b = ((a[i] - min) * scale) | 0;
    bucketOf[i] = b;
    counts[b]++;
  }

  const last = n - 1;
  const hLow = last * qLow;
  const kLow = Math.floor(hLow);
  const hHigh = last * qHigh;
  const kHigh = Math.floor(hHigh);
  // Buckets spanning ranks k and k + 1 (the interpolation partner) for each quantile.
  locatePair(kLow, last, 0);
  locatePair(kHigh, last, 1);
  const lowFrom = pairFrom[0];
  const lowTo = pairTo[0];
  const highFrom = pairFrom[1];
  const highTo = pairTo[1];
  const lowWidth = lowTo - lowFrom;
  const highWidth = highTo - highFrom;

  let nLow = 0;
  let nHigh = 0;
  for (let i = 0; i < n; i++) {
    const b = bucketOf[i];
    // Unsigned compare: one branch per element, rarely taken, so well predicted.
    if ((b - lowFrom) >>> 0 <= lowWidth) bandLow[nLow++] = a[i];
    if ((b - highFrom) >>> 0 <= highWidth) bandHigh[nHigh++] = a[i];
  }
  const lowRank = kLow - pairBelow[0];
  const highRank = kHigh - pairBelow[1];
  out[0] = interpolatedOrderStatistic(bandLow, nLow - 1, lowRank, hLow - kLow);
  out[1] = interpolatedOrderStatistic(bandHigh, nHigh - 1, highRank, hHigh - kHigh);
}

/** Convenience wrapper for tests and small inputs: does not modify `values`. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const a = Float64Array.from(values);
  const out = new Float64Array(2);
  twoQuantilesInPlace(a, a.length, q, q, out);
  return out[0];
}
