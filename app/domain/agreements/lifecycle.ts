/**
 * The lifecycle of a partnership agreement, as pure rules: draft → agreed → active →
 * ended, or terminated (with a reason) from any state before ended. Variations are new
 * versions and are refused once an agreement is over; renewal makes a linked successor.
 * Services call these before writing, so the rules live in one tested place.
 */
import { addDays, addMonths, monthsBetween, toDays } from "../synthetic/dates";

export const AGREEMENT_STATUSES = ["draft", "agreed", "active", "ended", "terminated"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: "Draft",
  agreed: "Agreed",
  active: "Active",
  ended: "Ended",
  terminated: "Terminated",
};

export const AGREEMENT_TYPES = ["grant", "contract", "sla", "mou", "data-sharing"] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export const TYPE_LABELS: Record<AgreementType, string> = {
  grant: "Grant",
  contract: "Contract",
  sla: "Service-level agreement",
  mou: "Memorandum of understanding",
  "data-sharing": "Data-sharing agreement",
};

export type LifecycleAction = "agree" | "activate" | "end" | "terminate";

export const ACTION_LABELS: Record<LifecycleAction, string> = {
  agree: "Mark as agreed",
  activate: "Make active",
  end: "Mark as ended",
  terminate: "Terminate",
};

const TRANSITIONS: Record<LifecycleAction, { from: readonly AgreementStatus[]; to: AgreementStatus }> = {
  agree: { from: ["draft"], to: "agreed" },
  activate: { from: ["agreed"], to: "active" },
  end: { from: ["active"], to: "ended" },
  terminate: { from: ["draft", "agreed", "active"], to: "terminated" },
};

export type TransitionResult = { ok: true; status: AgreementStatus } | { ok: false; message: string };

/** The status an action leads to, or why it is not allowed from this status. */
export function transition(status: AgreementStatus, action: LifecycleAction, options: { reason?: string | null } = {}): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) {
    return { ok: false, message: `An agreement that is ${STATUS_LABELS[status].toLowerCase()} cannot be ${action === "agree" ? "marked as agreed" : action === "activate" ? "made active" : action === "end" ? "ended" : "terminated"}` };
  }
  if (action === "terminate" && !options.reason?.trim()) return { ok: false, message: "Enter the reason the agreement is being terminated" };
  return { ok: true, status: rule.to };
}

/** The actions open to an agreement in this status, in the order the page offers them. */
export function availableActions(status: AgreementStatus): LifecycleAction[] {
  return (Object.keys(TRANSITIONS) as LifecycleAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

/** Over: nothing more may change but comments and documents. */
export function isClosed(status: AgreementStatus): boolean {
  return status === "ended" || status === "terminated";
}

/** A new version may be recorded while the agreement is not over. */
export function canVary(status: AgreementStatus): boolean {
  return !isClosed(status);
}

/** Editing anything but a draft is a variation, and must say what changed and why. */
export function isVariation(status: AgreementStatus): boolean {
  return status !== "draft";
}

/** An active or ended agreement may be renewed once; a terminated one is not renewed. */
export function canRenew(status: AgreementStatus, hasSuccessor: boolean): boolean {
  return !hasSuccessor && (status === "active" || status === "ended");
}

/**
 * The successor's term: it starts the day after the old one ends and runs as many
 * whole months; its review date falls the same distance before its end.
 */
export function renewalTerm(term: { startDate: string; endDate: string; reviewDate: string | null }): { startDate: string; endDate: string; reviewDate: string | null } {
  const startDate = addDays(term.endDate, 1);
  const months = Math.max(1, monthsBetween(term.startDate, addDays(term.endDate, 1)));
  const endDate = addDays(addMonths(startDate, months), -1);
  const reviewDate = term.reviewDate ? addDays(endDate, toDays(term.reviewDate) - toDays(term.endDate)) : null;
  return { startDate, endDate, reviewDate };
}

/** Checks on the dates of a version: the end after the start, the review inside the term. */
export function termProblems(term: { startDate: string; endDate: string; reviewDate: string | null }): { field: "endDate" | "reviewDate"; message: string }[] {
  const out: { field: "endDate" | "reviewDate"; message: string }[] = [];
  if (term.endDate < term.startDate) out.push({ field: "endDate", message: "End date must be the same as or after the start date" });
  if (term.reviewDate && (term.reviewDate < term.startDate || term.reviewDate > term.endDate)) out.push({ field: "reviewDate", message: "Review date must be between the start date and the end date" });
  return out;
}
