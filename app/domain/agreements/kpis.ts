/**
 * KPIs of partnership agreements: the measures an actual can be computed for from HJP
 * activity (and, later, accepted VCSE returns), targets per financial quarter, and the
 * RAG status of an actual against its target.
 */
import { quarterOf, quartersBetween, type Quarter } from "../synthetic/dates";

export const KPI_MEASURES = [
  { code: "clients-advised", label: "Clients advised", kind: "count", description: "Clients referred in the quarter who attended at least once" },
  { code: "income-gained", label: "Income gained for clients", kind: "pence", description: "Recurring annual and one-off financial gains of clients referred in the quarter" },
  { code: "problems-resolved", label: "Share of problems resolved", kind: "percent", description: "Of clients referred in the quarter whose outcome is recorded, the share whose problem was resolved" },
  { code: "core20-share", label: "Share of clients in the most deprived 20% (Core20)", kind: "percent", description: "Of attended clients referred in the quarter whose deprivation decile is known, the share living in IMD deciles 1–2" },
] as const;

export type KpiMeasure = (typeof KPI_MEASURES)[number]["code"];
export type KpiKind = (typeof KPI_MEASURES)[number]["kind"];
export const KPI_CODES = KPI_MEASURES.map((m) => m.code) as [KpiMeasure, ...KpiMeasure[]];

export function kpiMeasure(code: string) {
  return KPI_MEASURES.find((m) => m.code === code) ?? null;
}

/** The financial quarters an agreement's term touches. */
export function termQuarters(startDate: string, endDate: string): Quarter[] {
  return quartersBetween(quarterOf(startDate), endDate);
}

/**
 * Overrides for particular quarters, one a line: "2025-26 Q3: 150". Returns the
 * targets keyed by the quarter's start date, or the lines that could not be read.
 */
export function parseTargetOverrides(text: string): { ok: true; targets: Map<string, number> } | { ok: false; message: string } {
  const targets = new Map<string, number>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4})-(\d{2})\s*Q([1-4])\s*[:=]\s*(\d+(?:\.\d+)?)%?$/i.exec(line);
    if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) return { ok: false, message: `Write each quarter's target like “2025-26 Q3: 150” (could not read “${line}”)` };
    const year = Number(m[1]);
    const q = Number(m[3]) as Quarter["quarter"];
    const start = [`${year}-04-01`, `${year}-07-01`, `${year}-10-01`, `${year + 1}-01-01`][q - 1];
    targets.set(start, Number(m[4]));
  }
  return { ok: true, targets };
}

/** A target for every quarter of the term: the quarterly figure, unless a quarter has its own. */
export function expandTargets(quarters: Quarter[], perQuarter: number, overrides: Map<string, number> = new Map()): { period: string; target: number }[] {
  return quarters.map((q) => ({ period: q.start, target: overrides.get(q.start) ?? perQuarter }));
}

/** The overrides as the form shows them back: the quarters whose target differs from the usual one. */
export function formatTargetOverrides(targets: { period: string; target: number }[], perQuarter: number): string {
  return targets
    .filter((t) => t.target !== perQuarter)
    .map((t) => `${quarterOf(t.period).label}: ${t.target}`)
    .join("\n");
}

/** The most common target: what the form offers as the quarterly figure. */
export function usualTarget(targets: { target: number }[]): number {
  const counts = new Map<number, number>();
  for (const t of targets) counts.set(t.target, (counts.get(t.target) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [value, n] of counts) if (n > bestCount || (n === bestCount && value > best)) [best, bestCount] = [value, n];
  return best;
}

export type Rag = "green" | "amber" | "red" | "not-due" | "no-data";

export const RAG_LABELS: Record<Rag, string> = { green: "On track", amber: "Slightly behind", red: "Off track", "not-due": "Not yet due", "no-data": "No data" };

/** Within this share below target (counts and money) a figure is amber rather than red. */
export const AMBER_SHARE = 0.1;
/** Within this many percentage points below target (percentages) a figure is amber. */
export const AMBER_POINTS = 5;

/**
 * RAG status of an actual against its target. Counts and money are pro-rated for a
 * quarter still running (`elapsed`, 0–1), so a part quarter is judged on pace; a
 * percentage needs no pro-rating. A quarter not started is "not due".
 */
export function ragStatus({ kind, target, actual, elapsed = 1 }: { kind: KpiKind; target: number; actual: number | null; elapsed?: number }): Rag {
  if (elapsed <= 0) return "not-due";
  if (actual === null) return "no-data";
  if (kind === "percent") {
    if (actual >= target) return "green";
    return actual >= target - AMBER_POINTS ? "amber" : "red";
  }
  const due = target * Math.min(1, elapsed);
  if (actual >= due) return "green";
  return actual >= due * (1 - AMBER_SHARE) ? "amber" : "red";
}

/** The share of a quarter gone by `today` (0 before it starts, 1 once it has ended). */
export function elapsedShare(quarter: { start: string; end: string }, today: string): number {
  if (today < quarter.start) return 0;
  if (today > quarter.end) return 1;
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return (day(today) - day(quarter.start) + 86_400_000) / (day(quarter.end) - day(quarter.start) + 86_400_000);
}
