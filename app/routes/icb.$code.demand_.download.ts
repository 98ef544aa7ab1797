import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { getDemandPage } from "~/services/demand/demand.server";
import { demandCsv, demandXlsx } from "~/services/demand/export.server";
import { todayIso } from "~/services/hjp/export.server";

const DownloadQuerySchema = z.object({
  format: z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" }),
  table: z.enum(["all", "neighbourhoods", "places", "projection", "calibration"], { error: "table must be neighbourhoods, places, projection or calibration" }).default("all"),
});

/** The results on screen (same scenario and parameters, from the query) as CSV or an Excel workbook. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const query = new URL(request.url).searchParams;
  const parsed = DownloadQuerySchema.safeParse({ format: query.get("format") ?? undefined, table: query.get("table") ?? undefined });
  if (!parsed.success) throw new Response(`Bad request: ${parsed.error.issues.map((i) => i.message).join("; ")}`, { status: 400 });
  const today = todayIso();
  const page = await getDemandPage({ db: context.db, actor: user, icbCode: params.code ?? "", query, today });
  if (page === "forbidden") forbidden();
  if (!page) notFound();
  if (page.formErrors.length) throw new Response(`Bad request: ${page.formErrors.map((e) => e.message).join("; ")}`, { status: 400 });
  const args = { inputs: page.inputs, spec: page.spec, today };
  return parsed.data.format === "xlsx" ? demandXlsx(args) : demandCsv({ ...args, table: parsed.data.table });
}
