import type { LoaderFunctionArgs } from "@remix-run/node";
import { hasPermission } from "~/auth/permissions";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { getHjpView } from "~/services/hjp/dashboard.server";
import { hjpTableCsv, parseDownloadQuery, todayIso } from "~/services/hjp/export.server";

/** One table of a service's HJP dashboard as CSV (?table=…&year=…), with the disclosure rule and synthetic-data label at the top. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:hjp:own")) forbidden();
  const { table, year } = parseDownloadQuery(request);
  const today = todayIso();
  const view = await getHjpView({ db: context.db, actor: user, level: "service", code: params.id ?? "", year, today });
  if (!view) notFound();
  return hjpTableCsv({ view, tableId: table, today });
}
