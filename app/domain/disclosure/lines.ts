/**
 * Complementary (secondary) suppression for a "line": parts shown beside their total
 * (places beside the ICB, referral sources beside all referrals). When exactly one part
 * is hidden, total minus the shown parts would give it back, so the smallest other
 * non-zero part is hidden too; when no such part exists the total is hidden instead
 * (STATISTICS.md §12: "also suppress the next-smallest cell in that line, or … suppress
 * the total"). Two or more hidden parts protect each other. Rounding to 5 already blurs
 * differencing; this rule is applied on top, as the dashboard's rule requires.
 */
import { type Disclosed, discloseCount, isSmallCount, MINIMUM_PEOPLE } from "./counts";

export type LineSuppression = { hidden: ("primary" | "secondary" | null)[]; total: "primary" | "secondary" | null };

/**
 * Which cells of a line to hide, given which are hidden on their own account (primary)
 * and each part's size (the smallest non-zero part is the one sacrificed; ties go to the
 * earlier part). Pure bookkeeping: the caller decides what "primary" means.
 */
export function complementarySuppression({
  primary,
  sizes,
  totalShown,
  totalPrimary = false,
}: {
  primary: readonly boolean[];
  sizes: readonly number[];
  totalShown: boolean;
  totalPrimary?: boolean;
}): LineSuppression {
  if (primary.length !== sizes.length) throw new Error("complementarySuppression: primary and sizes must have the same length");
  const hidden: LineSuppression["hidden"] = primary.map((p) => (p ? "primary" : null));
  let total: LineSuppression["total"] = totalPrimary ? "primary" : null;
  const hiddenCount = () => hidden.filter(Boolean).length;
  // Only a total that is shown can be differenced.
  if (!totalShown || total || hiddenCount() !== 1) return { hidden, total };
  let pick = -1;
  for (let i = 0; i < sizes.length; i++) {
    if (hidden[i] || sizes[i] <= 0) continue;
    if (pick < 0 || sizes[i] < sizes[pick]) pick = i;
  }
  if (pick >= 0) hidden[pick] = "secondary";
  else total = "secondary";
  return { hidden, total };
}

/**
 * Counts of people in a line: each part disclosed as a count (1–7 `*`, others to the
 * nearest 5, 0 kept), then complementary suppression against the total when it is shown.
 * The total defaults to the sum of the parts; give it when the line shows only some rows.
 */
export function discloseCountLine(parts: readonly number[], options: { total?: number; totalShown?: boolean } = {}): { parts: Disclosed[]; total: Disclosed } {
  const total = options.total ?? parts.reduce((s, n) => s + n, 0);
  const totalShown = options.totalShown ?? true;
  const { hidden, total: totalHidden } = complementarySuppression({ primary: parts.map(isSmallCount), sizes: parts, totalShown, totalPrimary: isSmallCount(total) });
  return {
    parts: parts.map((n, i) => (hidden[i] ? { value: null, hidden: hidden[i] } : discloseCount(n))),
    total: totalHidden ? { value: null, hidden: totalHidden } : discloseCount(total),
  };
}

/**
 * Sums about people (money gained, debt managed) in a line: a part resting on fewer than
 * 8 people is hidden (1–7 people; 0 people shows 0), with complementary suppression
 * against the total. Sums are not rounded: they are not counts.
 */
export function discloseSumLine(
  parts: readonly { sum: number; people: number }[],
  options: { total?: { sum: number; people: number }; totalShown?: boolean } = {}
): { parts: Disclosed[]; total: Disclosed } {
  const total = options.total ?? { sum: parts.reduce((s, p) => s + p.sum, 0), people: parts.reduce((s, p) => s + p.people, 0) };
  const few = (people: number) => people > 0 && people < MINIMUM_PEOPLE;
  const { hidden, total: totalHidden } = complementarySuppression({
    primary: parts.map((p) => few(p.people)),
    sizes: parts.map((p) => p.people),
    totalShown: options.totalShown ?? true,
    totalPrimary: few(total.people),
  });
  const shown = (p: { sum: number; people: number }): Disclosed => ({ value: p.people === 0 ? 0 : p.sum, hidden: null });
  return {
    parts: parts.map((p, i) => (hidden[i] ? { value: null, hidden: hidden[i] } : shown(p))),
    total: totalHidden ? { value: null, hidden: totalHidden } : shown(total),
  };
}

/** A single sum about people with no total beside it. */
export function discloseSum(sum: number, people: number): Disclosed {
  return discloseSumLine([{ sum, people }], { totalShown: false }).parts[0];
}
