import type { LoaderFunctionArgs } from "@remix-run/node";
import { hasPermission } from "~/auth/permissions";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { todayIso } from "~/services/hjp/export.server";
import { parseVfmDownloadQuery, vfmTableDownload } from "~/services/value-for-money/export.server";
import { getValueForMoneyView } from "~/services/value-for-money/view.server";

/** One table of the neighbourhood's value-for-money page as CSV or XLSX (?table=…&format=…&year=…&priceYear=…). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:hjp:own")) forbidden();
  const { table, format, year, priceYear } = parseVfmDownloadQuery(request);
  const today = todayIso();
  const view = await getValueForMoneyView({ db: context.db, actor: user, level: "neighbourhood", code: params.code ?? "", year, priceYear, today });
  if (!view) notFound();
  return vfmTableDownload({ view, tableId: table, format, today });
}
