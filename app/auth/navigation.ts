import { type Actor, hasPermission } from "./permissions";

export type RootUser = Actor & { name: string; email: string; organisationName: string | null };

/** The main menu: what this user may open, from the same permission map the server enforces. */
export function navigationFor(user: RootUser | null): { href: string; text: string }[] {
  if (!user) return [];
  const items = [{ href: "/", text: "Home" }];
  if (user.icbCode) items.push({ href: `/icb/${user.icbCode}`, text: "Your ICB" });
  if (user.organisationId) items.push({ href: `/organisations/${user.organisationId}`, text: "Your organisation" });
  if (hasPermission(user, "read:indicators:any")) items.push({ href: "/indicators", text: "Indicators" });
  if (hasPermission(user, "read:hjp:own")) items.push({ href: "/hjp", text: "HJP activity" });
  if (user.icbCode && hasPermission(user, "read:scenario:own")) items.push({ href: `/icb/${user.icbCode}/demand`, text: "Demand modelling" });
  if (hasPermission(user, "read:agreement:own") || hasPermission(user, "read:agreement:any")) items.push({ href: "/agreements", text: "Agreements" });
  if (hasPermission(user, "submit:return:own")) items.push({ href: "/returns", text: "Your returns" });
  else if (hasPermission(user, "read:return:own") && user.icbCode) items.push({ href: `/icb/${user.icbCode}/returns`, text: "Reporting tracker" });
  if (hasPermission(user, "read:pack:own") || hasPermission(user, "read:pack:any") || hasPermission(user, "read:pack:shared")) items.push({ href: "/packs", text: "Strategy packs" });
  if (hasPermission(user, "read:hjp:own") && user.icbCode) items.push({ href: `/icb/${user.icbCode}/value-for-money`, text: "Value for money" });
  if (hasPermission(user, "manage:unit-costs:any")) items.push({ href: "/value-for-money/unit-costs", text: "Unit costs" });
  if (hasPermission(user, "read:audit:own") || hasPermission(user, "read:audit:any")) items.push({ href: "/audit", text: "Audit trail" });
  if (hasPermission(user, "manage:users:any")) items.push({ href: "/admin/users", text: "Users" });
  if (hasPermission(user, "manage:organisations:any")) items.push({ href: "/admin/organisations", text: "Organisations" });
  items.push({ href: "/account", text: "Your account" });
  return items;
}

/**
 * The one item to mark as the current page: the longest link the address is at or under,
 * so that value for money (/icb/X/value-for-money) is current and "Your ICB" (/icb/X) is not.
 */
export function currentNavItem(items: { href: string }[], pathname: string): string | undefined {
  const under = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return items
    .filter((item) => under(item.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
