import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, requireUser } from "~/auth/session.server";
import { disclosedTableCsv } from "~/domain/disclosure/table";
import { getPartnerOverview } from "~/services/returns/tracker.server";

/** The partner's delivery table (home page) as CSV, with the synthetic-data label where it applies. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const today = new Date().toISOString().slice(0, 10);
  const overview = await getPartnerOverview({ db: context.db, actor: user, today });
  if (!overview) forbidden();
  const csv = disclosedTableCsv(overview.delivery, { area: overview.organisationName, synthetic: overview.synthetic?.label ?? null, dataTo: today, generatedOn: today });
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="your-delivery-by-quarter.csv"', "Cache-Control": "private, no-store" },
  });
}
