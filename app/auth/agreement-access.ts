/**
 * Who may see and change an agreement. Commissioners create and edit their own ICB's
 * agreements; strategists read them; VCSE users read (and comment on) only agreements
 * their organisation is party to; administrators may do everything.
 */
import { type Actor, hasPermission, type Permission } from "./permissions";

export type AgreementScope = { icbCode: string; organisationIds: readonly number[] };

function inScope(actor: Actor, scope: AgreementScope): boolean {
  if (actor.role === "vcse") return actor.organisationId != null && scope.organisationIds.includes(actor.organisationId);
  return actor.icbCode != null && actor.icbCode === scope.icbCode;
}

function allowed(actor: Actor | null | undefined, action: "read" | "update" | "comment", scope: AgreementScope): boolean {
  if (!actor) return false;
  if (hasPermission(actor, `${action}:agreement:any` as Permission)) return true;
  return hasPermission(actor, `${action}:agreement:own` as Permission) && inScope(actor, scope);
}

export const canReadAgreement = (actor: Actor | null | undefined, scope: AgreementScope) => allowed(actor, "read", scope);
export const canEditAgreement = (actor: Actor | null | undefined, scope: AgreementScope) => allowed(actor, "update", scope);
export const canCommentOnAgreement = (actor: Actor | null | undefined, scope: AgreementScope) => allowed(actor, "comment", scope);

/** May create agreements at all (for an ICB: their own, or any for administrators). */
export function canCreateAgreement(actor: Actor | null | undefined, icbCode?: string | null): boolean {
  if (!actor) return false;
  if (hasPermission(actor, "create:agreement:any")) return true;
  return hasPermission(actor, "create:agreement:own") && actor.icbCode != null && (icbCode == null || icbCode === actor.icbCode);
}
