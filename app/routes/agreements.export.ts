import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { forbidden, requireUser } from "~/auth/session.server";
import { hasPermission } from "~/auth/permissions";
import { exportRegister } from "~/services/agreements/export.server";
import { todayIso } from "~/services/hjp/export.server";
import { AgreementFiltersSchema } from "~/validation/agreements";

/** The register as CSV or XLSX (?format=csv|xlsx), with the same filters as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:agreement:own") && !hasPermission(user, "read:agreement:any")) forbidden();
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = AgreementFiltersSchema.extend({ format: z.enum(["csv", "xlsx"]) }).safeParse(params);
  if (!parsed.success) throw new Response("Bad request: format must be csv or xlsx, and filters as on the register", { status: 400 });
  const { format, ...filters } = parsed.data;
  return exportRegister({ db: context.db, actor: user, filters, format, today: todayIso() });
}
