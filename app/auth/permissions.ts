/**
 * Who may do what, written once and used twice: by services and loaders to enforce
 * (server-side, always) and by the UI to hide what a user cannot do.
 *
 * Permission strings are `action:entity:scope`. Scope `own` means the user's own ICB
 * (commissioners, strategists) or own organisation (VCSE users); `any` means all.
 */
export type Role = "admin" | "commissioner" | "strategist" | "vcse";

export const PERMISSIONS = {
  admin: [
    "manage:users:any",
    "manage:organisations:any",
    "read:organisation:any",
    "update:organisation:any",
    "read:audit:any",
    "read:indicators:any",
    "read:icb:any",
    "create:agreement:any",
    "read:agreement:any",
    "update:agreement:any",
    "comment:agreement:any",
    "create:pack:any",
    "read:pack:any",
    "manage:unit-costs:any",
    "manage:inflation-index:any",
  ],
  commissioner: [
    "read:indicators:any",
    "read:icb:own",
    "read:hjp:own",
    "update:funding:own",
    "create:agreement:own",
    "update:agreement:own",
    "read:agreement:own",
    "comment:agreement:own",
    "create:scenario:own",
    "read:scenario:own",
    "review:return:own",
    "read:return:own",
    "define:places:own",
    "create:pack:own",
    "read:pack:own",
    "read:audit:own",
    "manage:unit-costs:own",
    "manage:inflation-index:any",
  ],
  strategist: [
    "read:indicators:any",
    "read:icb:own",
    "read:hjp:own",
    "read:agreement:own",
    "create:scenario:own",
    "read:scenario:own",
    "read:return:own",
    "create:pack:own",
    "read:pack:own",
  ],
  vcse: [
    "read:indicators:any",
    "read:organisation:own",
    "update:organisation:own",
    "read:agreement:own",
    "comment:agreement:own",
    "update:service:own",
    "submit:return:own",
    "read:return:own",
    "read:hjp:own",
    "read:pack:shared",
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

/** The part of a user that permission checks need (also what the root loader sends to the browser). */
export type Actor = {
  id: number;
  role: Role;
  icbCode: string | null;
  organisationId: number | null;
};

export function hasPermission(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return (PERMISSIONS[actor.role] as readonly string[]).includes(permission);
}

/**
 * May this actor act on a record that belongs to `scope`? `any` permissions cover
 * every record; `own` permissions only the actor's ICB or organisation.
 */
export function canAccess(
  actor: Actor | null | undefined,
  action: string,
  entity: string,
  scope: { icbCode?: string | null; organisationId?: number | null },
): boolean {
  if (!actor) return false;
  const granted = PERMISSIONS[actor.role] as readonly string[];
  if (granted.includes(`${action}:${entity}:any`)) return true;
  if (!granted.includes(`${action}:${entity}:own`)) return false;
  if (actor.role === "vcse") return scope.organisationId != null && scope.organisationId === actor.organisationId;
  return scope.icbCode != null && scope.icbCode === actor.icbCode;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  commissioner: "ICB commissioner",
  strategist: "Integrated care partnership strategist",
  vcse: "VCSE partner",
};
