import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireApiUser } from "~/auth/session.server";
import { getReturnPage } from "~/services/returns/returns.server";
import { ReturnParamsSchema } from "~/validation/returns";

/**
 * One return as JSON: its status and every submitted version. Read-only, like the rest
 * of the data API; a return of another organisation (or another ICB) is not found.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context, "read:return:own");
  const headers = { "Cache-Control": "no-store" };
  const parsed = ReturnParamsSchema.safeParse(params);
  if (!parsed.success) return json({ error: "Give a service id and the period's start date, like /api/v1/returns/12/2025-04-01" }, { status: 400, headers });
  const page = await getReturnPage({ db: context.db, actor: user, serviceId: parsed.data.serviceId, periodStart: parsed.data.period, today: new Date().toISOString().slice(0, 10) });
  if (!page) return json({ error: "No such return that you can see" }, { status: 404, headers });
  return json(
    {
      service: { id: page.service.id, name: page.service.name, organisation: page.service.organisationName, icbCode: page.service.icbCode },
      period: page.period,
      state: page.state,
      status: page.status,
      daysOverdue: page.daysOverdue,
      versions: page.versions,
      synthetic: page.service.synthetic ? "synthetic demonstration data" : null,
    },
    { headers },
  );
}
