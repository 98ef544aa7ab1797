import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireApiUser } from "~/auth/session.server";
import { listIndicators } from "~/services/indicators/query.server";
import { apiCsv, apiJson, badQuery, wantsCsv } from "~/services/indicators/respond.server";

const Query = z.object({ format: z.enum(["json", "csv"]).optional() }).strict();

const COLUMNS = ["id", "name", "unit", "multiplier", "valueType", "polarity", "comparisonMethod", "origin", "source", "sourceFile", "licence", "periods", "footprints", "lacks", "figures"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireApiUser(request, context, "read:indicators:any");
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badQuery(query.error);
  const list = await listIndicators({ db: context.db });
  if (wantsCsv(request, query.data.format)) {
    return apiCsv(COLUMNS, list.map((i) => ({ ...i, periods: i.periods.map((p) => p.period) })), "indicators.csv");
  }
  return apiJson({ count: list.length, indicators: list });
}
