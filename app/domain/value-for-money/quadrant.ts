/**
 * A SPOT-style spend-against-outcome quadrant: each area's spend per 1,000 adults against
 * an outcome per 1,000 adults, with the ICB's own figures as the crossing lines. It
 * places areas, it does not judge them: a quadrant is a question to ask, not an answer.
 */

export type QuadrantKey = "high-spend-high-outcome" | "low-spend-high-outcome" | "high-spend-low-outcome" | "low-spend-low-outcome";

export const QUADRANTS: readonly { key: QuadrantKey; label: string; meaning: string }[] = [
  {
    key: "low-spend-high-outcome",
    label: "Lower spend, better outcome",
    meaning: "Spends less than the average per 1,000 adults and achieves more: worth learning from, once data quality and case mix are checked.",
  },
  {
    key: "high-spend-high-outcome",
    label: "Higher spend, better outcome",
    meaning: "Spends more and achieves more: the extra spend may be buying the extra outcome.",
  },
  {
    key: "low-spend-low-outcome",
    label: "Lower spend, worse outcome",
    meaning: "Spends less and achieves less: a possible case for investment where need is high.",
  },
  {
    key: "high-spend-low-outcome",
    label: "Higher spend, worse outcome",
    meaning: "Spends more and achieves less: a challenge to explain (newer services, harder cases, or outcomes not yet recorded).",
  },
];

export type QuadrantInput = { key: string; label: string; spend: number | null; outcome: number | null };
export type QuadrantPoint = { key: string; label: string; spend: number; outcome: number; quadrant: QuadrantKey };

/**
 * The quadrant of each area with both figures. An area exactly on a crossing line counts
 * as higher (the lines are averages, and "at the average" is not "below it"). Areas
 * missing either figure are listed apart with the reason.
 */
export function placeInQuadrants(
  areas: readonly QuadrantInput[],
  crossing: { spend: number; outcome: number },
): { points: QuadrantPoint[]; excluded: { key: string; label: string; reason: string }[] } {
  const points: QuadrantPoint[] = [];
  const excluded: { key: string; label: string; reason: string }[] = [];
  for (const a of areas) {
    if (a.spend === null || a.outcome === null) {
      excluded.push({ key: a.key, label: a.label, reason: a.spend === null ? "no spend per 1,000 adults" : "outcome not shown (small numbers) or not known" });
      continue;
    }
    const high = a.spend >= crossing.spend ? "high" : "low";
    const better = a.outcome >= crossing.outcome ? "high" : "low";
    points.push({ key: a.key, label: a.label, spend: a.spend, outcome: a.outcome, quadrant: `${high}-spend-${better}-outcome` as QuadrantKey });
  }
  return { points, excluded };
}

/** A quantity per 1,000 people, or null without a population. */
export function perThousand(amount: number, population: number | null): number | null {
  if (!population || !(population > 0)) return null;
  return (amount / population) * 1000;
}
