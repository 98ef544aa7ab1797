/**
 * Plausibility checks: figures that deserve a question before a commissioner accepts a
 * return. None of them means a return is wrong — a service can have an exceptional
 * quarter — so each flag says in plain words what it compared and why it was raised.
 *
 * - Own history: a headline figure more than `historyFactor` times the highest, or less
 *   than 1/`historyFactor` of the lowest, of the service's own accepted earlier periods
 *   (at least `minComparators` of them). Ratios to the range, not standard deviations:
 *   a handful of quarters gives no stable spread, and "more than twice your highest
 *   quarter" explains itself.
 * - Peers: more than `peerFactor` times, or less than 1/`peerFactor` of, the median of
 *   other services' returns for the same period (at least `minComparators` of them).
 * - Gains per client above a ceiling (set per requirement; default £20,000).
 * - Referrals without attendances: referrals reported but no client advised.
 * - Totals that do not add up: parts larger than the whole they belong to.
 */
import { formatPence } from "../format/numbers";
import { type ReturnAggregates, sumOf, totalGainsPence, totalReferrals } from "./measures";

export type PlausibilityConfig = { gainsPerClientCeilingPence: number; historyFactor: number; peerFactor: number; minComparators: number };

export const PLAUSIBILITY_DEFAULTS: PlausibilityConfig = { gainsPerClientCeilingPence: 2_000_000, historyFactor: 2, peerFactor: 3, minComparators: 3 };

export type FlagCode = "outside-history" | "outside-peers" | "gains-per-client" | "referrals-without-attendances" | "totals-do-not-add-up";
export type PlausibilityFlag = { code: FlagCode; measure: string; message: string };

export const FLAG_LABELS: Record<FlagCode, string> = {
  "outside-history": "Far outside its own history",
  "outside-peers": "Far outside its peers",
  "gains-per-client": "High gains per client",
  "referrals-without-attendances": "Referrals without attendances",
  "totals-do-not-add-up": "Totals do not add up",
};

type Headline = { key: string; label: string; of: (a: ReturnAggregates) => number | null; money?: boolean };

const HEADLINES: Headline[] = [
  { key: "clientsAdvised", label: "Clients advised", of: (a) => a.clientsAdvised },
  { key: "referrals", label: "Referrals", of: totalReferrals },
  { key: "gains", label: "Financial gains", of: totalGainsPence, money: true },
];

const show = (h: Headline, v: number) => (h.money ? formatPence(v, { whole: true }) : v.toLocaleString("en-GB"));

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function plausibilityFlags({
  current,
  history = [],
  peers = [],
  config = PLAUSIBILITY_DEFAULTS,
}: {
  current: ReturnAggregates;
  /** The service's own accepted earlier periods. */
  history?: readonly ReturnAggregates[];
  /** Other services' returns for the same period. */
  peers?: readonly ReturnAggregates[];
  config?: PlausibilityConfig;
}): PlausibilityFlag[] {
  const flags: PlausibilityFlag[] = [];
  for (const h of HEADLINES) {
    const v = h.of(current);
    if (v === null) continue;
    const past = history.map(h.of).filter((x): x is number => x !== null);
    if (past.length >= config.minComparators) {
      const hi = Math.max(...past);
      const lo = Math.min(...past);
      if (v > hi * config.historyFactor && v > 0)
        flags.push({ code: "outside-history", measure: h.key, message: `${h.label} (${show(h, v)}) is more than ${config.historyFactor} times the highest of the service's ${past.length} earlier periods (${show(h, hi)}).` });
      else if (v * config.historyFactor < lo)
        flags.push({ code: "outside-history", measure: h.key, message: `${h.label} (${show(h, v)}) is less than 1/${config.historyFactor} of the lowest of the service's ${past.length} earlier periods (${show(h, lo)}).` });
    }
    const others = peers.map(h.of).filter((x): x is number => x !== null);
    const m = median(others);
    if (others.length >= config.minComparators && m !== null && m > 0) {
      if (v > m * config.peerFactor)
        flags.push({ code: "outside-peers", measure: h.key, message: `${h.label} (${show(h, v)}) is more than ${config.peerFactor} times the median of ${others.length} other services for the same period (${show(h, m)}).` });
      else if (v * config.peerFactor < m)
        flags.push({ code: "outside-peers", measure: h.key, message: `${h.label} (${show(h, v)}) is less than 1/${config.peerFactor} of the median of ${others.length} other services for the same period (${show(h, m)}).` });
    }
  }
  const gains = totalGainsPence(current);
  const gainers = current.clientsWithGains ?? current.clientsAdvised;
  if (gains !== null && gains > 0 && gainers) {
    const perClient = gains / gainers;
    if (perClient > config.gainsPerClientCeilingPence)
      flags.push({
        code: "gains-per-client",
        measure: "gains",
        message: `Financial gains average ${formatPence(Math.round(perClient), { whole: true })} per client with gains (${formatPence(gains, { whole: true })} for ${gainers} clients), above the ceiling of ${formatPence(config.gainsPerClientCeilingPence, { whole: true })}.`,
      });
  }
  const referrals = totalReferrals(current);
  if (referrals !== null && referrals > 0 && current.clientsAdvised === 0)
    flags.push({ code: "referrals-without-attendances", measure: "clientsAdvised", message: `${referrals} referrals are reported but no client was advised.` });
  const advised = current.clientsAdvised;
  const addUp = (measure: string, part: number | null, what: string, whole: number | null, wholeWhat: string) => {
    if (part !== null && whole !== null && part > whole) flags.push({ code: "totals-do-not-add-up", measure, message: `${what} (${part}) are more than ${wholeWhat} (${whole}).` });
  };
  addUp("clientsWithGains", current.clientsWithGains, "Clients with financial gains", advised, "the clients advised");
  addUp("clientsWithDebtOutcome", current.clientsWithDebtOutcome, "Clients with debt outcomes", advised, "the clients advised");
  addUp("housingOutcomes", sumOf(current.housingOutcomes), "Housing outcomes", advised, "the clients advised");
  addUp("wellbeingN", current.wellbeingN, "Clients with wellbeing scores", advised, "the clients advised");
  addUp("clientsAdvised", advised, "Clients advised", referrals, "the referrals");
  // Every client has at least one problem, so the problem mix adds up to at least the clients advised.
  const problems = sumOf(current.problemMix);
  if (problems !== null && advised !== null && problems < advised)
    flags.push({ code: "totals-do-not-add-up", measure: "problemMix", message: `The problem mix adds up to ${problems}, fewer than the ${advised} clients advised (each client has at least one problem).` });
  return flags;
}
