import { Link, useRouteLoaderData } from "@remix-run/react";
import type { RootUser } from "~/auth/navigation";
import { hasPermission } from "~/auth/permissions";

/** A link from an area page to its HJP dashboard, for users who may read HJP data (the server checks again). */
export function HjpLink({ href, area }: { href: string; area: string }) {
  const root = useRouteLoaderData<{ user: RootUser | null }>("root");
  if (!hasPermission(root?.user, "read:hjp:own")) return null;
  return (
    <p className="app-hjp-link">
      <Link to={href}>Health justice partnership activity in {area}</Link>
    </p>
  );
}
