/**
 * The Fingertips spine chart: for each indicator, England's value at the centre, the
 * range of values across areas of the same type (light bar: lowest to highest, dark
 * bar: 25th to 75th percentile) and the area's value as a marker. The scale is
 * symmetric about England, so that distance from the centre line reads the same on
 * both sides. For indicators with a polarity, the better end is on the right.
 */
import type { Polarity } from "../statistics";

export type SpineInput = {
  value: number | null;
  england: number | null;
  min: number | null;
  q25: number | null;
  median: number | null;
  q75: number | null;
  max: number | null;
  polarity: Polarity | string;
};

export type SpineLayout = {
  /** Positions as fractions of the spine's width (0 = left end, 1 = right end). */
  centre: number;
  value: number | null;
  range: [number, number] | null;
  interquartile: [number, number] | null;
  /** What each end stands for. */
  leftLabel: string;
  rightLabel: string;
  /** Whether the lowest values are drawn on the right (low is good). */
  flipped: boolean;
  /** England's value, or the median of areas when England has none. */
  centreIs: "england" | "median";
};

const clamp = (v: number) => Math.max(0, Math.min(1, v));

export function spineLayout(input: SpineInput): SpineLayout | null {
  const centreValue = input.england ?? input.median;
  if (centreValue === null) return null;
  const flipped = input.polarity === "low-is-good";
  const judged = input.polarity === "high-is-good" || input.polarity === "low-is-good";
  const spread = [input.min, input.max, input.value, input.q25, input.q75]
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .reduce((m, v) => Math.max(m, Math.abs(v - centreValue)), 0);
  const half = spread > 0 ? spread : Math.max(Math.abs(centreValue) * 0.1, 1);
  const at = (v: number) => clamp(0.5 + ((flipped ? -1 : 1) * (v - centreValue)) / (2 * half));
  const pair = (a: number | null, b: number | null): [number, number] | null => {
    if (a === null || b === null) return null;
    const [x, y] = [at(a), at(b)];
    return x <= y ? [x, y] : [y, x];
  };
  return {
    centre: 0.5,
    value: input.value === null ? null : at(input.value),
    range: pair(input.min, input.max),
    interquartile: pair(input.q25, input.q75),
    leftLabel: judged ? "Worst" : "Lowest",
    rightLabel: judged ? "Best" : "Highest",
    flipped,
    centreIs: input.england !== null ? "england" : "median",
  };
}
