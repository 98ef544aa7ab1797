/**
 * Reporting periods and the status of a return in the tracker. Pure: "today" is passed
 * in. Periods are NHS financial quarters (Q1 = April to June) or financial years; a
 * return falls due a set number of days after its period ends.
 */
import { addDays, quarterFrom, quarterOf, toDays } from "../synthetic/dates";

export const FREQUENCIES = [
  { code: "quarterly", label: "Quarterly" },
  { code: "annual", label: "Annual (financial year)" },
] as const;
export type Frequency = (typeof FREQUENCIES)[number]["code"];

export type Period = { start: string; end: string; label: string; dueDate: string };

/** The period containing a date. */
export function periodOf(iso: string, frequency: Frequency): { start: string; end: string; label: string } {
  const q = quarterOf(iso);
  if (frequency === "annual") return { start: `${q.year}-04-01`, end: `${q.year + 1}-03-31`, label: `${q.year}-${String((q.year + 1) % 100).padStart(2, "0")}` };
  return { start: q.start, end: q.end, label: q.label };
}

/** The period starting on `start`, or null if no period of this frequency starts then. */
export function periodStarting(start: string, frequency: Frequency, dueDays: number): Period | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) return null;
  const p = periodOf(start, frequency);
  return p.start === start ? { ...p, dueDate: addDays(p.end, dueDays) } : null;
}

/**
 * The periods a requirement asks returns for: from the first period to the last one
 * that has ended by today (a period still running cannot be reported), oldest first.
 */
export function periodsDue({ firstPeriodStart, frequency, dueDays, today }: { firstPeriodStart: string; frequency: Frequency; dueDays: number; today: string }): Period[] {
  const out: Period[] = [];
  let p = periodOf(firstPeriodStart, frequency);
  while (p.end < today) {
    out.push({ ...p, dueDate: addDays(p.end, dueDays) });
    p = periodOf(addDays(p.end, 1), frequency);
  }
  return out;
}

/** The quarter `n` quarters before the one containing `today` (n = 1: the last complete quarter). */
export function quarterBefore(today: string, n: number) {
  const q = quarterOf(today);
  const index = q.year * 4 + (q.quarter - 1) - n;
  return quarterFrom(Math.floor(index / 4), ((index % 4) + 1) as 1 | 2 | 3 | 4);
}

export const RETURN_STATES = ["draft", "submitted", "accepted", "queried", "resubmitted"] as const;
export type ReturnState = (typeof RETURN_STATES)[number];

export const TRACKER_STATUSES = [
  { code: "not-started", label: "Not started", tag: "nhsuk-tag--grey" },
  { code: "draft", label: "Draft", tag: "nhsuk-tag--white" },
  { code: "submitted", label: "Submitted", tag: "nhsuk-tag--blue" },
  { code: "overdue", label: "Overdue", tag: "nhsuk-tag--red" },
  { code: "queried", label: "Queried", tag: "nhsuk-tag--orange" },
  { code: "accepted", label: "Accepted", tag: "nhsuk-tag--green" },
] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number]["code"];

/**
 * What the tracker shows for a period: a return not yet with the ICB (none, or a draft)
 * is overdue once its due date has passed; a queried return stays "queried" (the ball is
 * in the partner's court, and the query says why) but still counts its days overdue.
 * Submitted and resubmitted returns wait for review and are never overdue.
 */
export function trackerStatus({ state, dueDate, today }: { state: ReturnState | null; dueDate: string; today: string }): { status: TrackerStatus; daysOverdue: number | null } {
  const late = Math.max(0, toDays(today) - toDays(dueDate));
  if (state === "accepted") return { status: "accepted", daysOverdue: null };
  if (state === "submitted" || state === "resubmitted") return { status: "submitted", daysOverdue: null };
  if (state === "queried") return { status: "queried", daysOverdue: late || null };
  if (late > 0) return { status: "overdue", daysOverdue: late };
  return { status: state === "draft" ? "draft" : "not-started", daysOverdue: null };
}

/** Which transitions a return may make, and who makes them. */
export const TRANSITIONS: Record<"submit" | "accept" | "query", { from: readonly (ReturnState | null)[]; by: "partner" | "commissioner" }> = {
  submit: { from: [null, "draft", "queried"], by: "partner" },
  accept: { from: ["submitted", "resubmitted"], by: "commissioner" },
  query: { from: ["submitted", "resubmitted"], by: "commissioner" },
};

/** The state after a transition, or null when it is not allowed from `state`. */
export function nextState(state: ReturnState | null, action: keyof typeof TRANSITIONS, everSubmitted: boolean): ReturnState | null {
  if (!TRANSITIONS[action].from.includes(state)) return null;
  if (action === "submit") return everSubmitted ? "resubmitted" : "submitted";
  return action === "accept" ? "accepted" : "queried";
}
