/**
 * The disclosure rule in words, stated once and shown wherever the figures are: on each
 * page beside the tables and at the top of each CSV export.
 */
import { MINIMUM_PEOPLE, ROUND_TO, SUPPRESS_UP_TO } from "./counts";

export const DISCLOSURE_RULE_SUMMARY = `Counts of 1 to ${SUPPRESS_UP_TO} people are shown as *, other counts are rounded to the nearest ${ROUND_TO}, and averages and sums resting on fewer than ${MINIMUM_PEOPLE} people are not shown.`;

export const DISCLOSURE_RULE: readonly string[] = [
  `Counts of people below national level follow NHS England's disclosure control for small numbers: counts of 1 to ${SUPPRESS_UP_TO} are shown as *, zero is shown as 0, and every other count is rounded to the nearest ${ROUND_TO}.`,
  `Averages (such as the change in wellbeing score) and sums of money are not shown when they rest on fewer than ${MINIMUM_PEOPLE} people. Percentages and rates are not shown when they would reveal a count of 1 to ${SUPPRESS_UP_TO}.`,
  "Where a total is shown beside its parts and exactly one part is hidden, the next smallest part is hidden too (complementary suppression), so the hidden figure cannot be worked out by subtraction.",
  "All figures, percentages, rates and intervals are calculated from the unrounded data; rounded figures may not add up to the totals shown.",
];
