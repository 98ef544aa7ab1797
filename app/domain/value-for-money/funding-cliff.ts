/**
 * The funding cliff: awards that end within the next 12 months, by service, and what
 * share of the service's current funding ends with them. Awards are about money, not
 * people, so nothing here needs disclosure control.
 */
import { addMonths } from "../synthetic/dates";

export type CliffAward = { grantId: string; serviceKey: string; serviceLabel: string; amountPence: number; plannedStart: string | null; plannedEnd: string | null };

export type CliffRow = {
  serviceKey: string;
  serviceLabel: string;
  /** Awards running today. */
  runningPence: number;
  /** Of those, the amount of the awards ending within 12 months. */
  endingPence: number;
  endingAwards: number;
  firstEnd: string | null;
  /** True when every award running today ends within 12 months and nothing follows it. */
  cliff: boolean;
};

/** Per service, the awards running today and those ending by today + 12 months; services with an award ending first. */
export function fundingCliff(awards: readonly CliffAward[], today: string): CliffRow[] {
  const until = addMonths(today, 12);
  const byService = new Map<string, CliffRow & { continuing: boolean }>();
  for (const a of awards) {
    const row = byService.get(a.serviceKey) ?? { serviceKey: a.serviceKey, serviceLabel: a.serviceLabel, runningPence: 0, endingPence: 0, endingAwards: 0, firstEnd: null, cliff: false, continuing: false };
    const running = (a.plannedStart ?? "") <= today && (a.plannedEnd === null || a.plannedEnd >= today);
    const ending = a.plannedEnd !== null && a.plannedEnd >= today && a.plannedEnd <= until;
    if (running) row.runningPence += a.amountPence;
    if (ending) {
      row.endingPence += a.amountPence;
      row.endingAwards++;
      row.firstEnd = row.firstEnd === null || a.plannedEnd! < row.firstEnd ? a.plannedEnd : row.firstEnd;
    }
    // Funding that runs beyond the window (or starts later, already awarded) means no cliff.
    if (a.plannedEnd === null || a.plannedEnd > until) row.continuing = true;
    byService.set(a.serviceKey, row);
  }
  return [...byService.values()]
    .filter((r) => r.endingAwards > 0)
    .map(({ continuing, ...r }) => ({ ...r, cliff: !continuing }))
    .sort((a, b) => (a.firstEnd ?? "").localeCompare(b.firstEnd ?? "") || a.serviceLabel.localeCompare(b.serviceLabel));
}
