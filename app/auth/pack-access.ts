/**
 * Who may read and change a strategy evidence pack. Its ICB's commissioners and
 * strategists read and edit it (administrators any pack); a VCSE organisation's users
 * read a published pack shared with their organisation, and nothing else.
 */
import { type Actor, canAccess, hasPermission } from "./permissions";

export type PackScope = { icbCode: string; status: "draft" | "published"; sharedWithOrganisationIds: readonly number[] };

export function canReadPack(actor: Actor | null | undefined, pack: PackScope): boolean {
  if (!actor) return false;
  if (canAccess(actor, "read", "pack", { icbCode: pack.icbCode })) return true;
  return (
    hasPermission(actor, "read:pack:shared") && pack.status === "published" && actor.organisationId !== null && pack.sharedWithOrganisationIds.includes(actor.organisationId)
  );
}

export function canEditPack(actor: Actor | null | undefined, pack: Pick<PackScope, "icbCode">): boolean {
  return canAccess(actor, "create", "pack", { icbCode: pack.icbCode });
}
