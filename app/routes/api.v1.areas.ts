import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireApiUser } from "~/auth/session.server";
import { listAreas } from "~/services/indicators/query.server";
import { answer, apiCsv, apiJson, badQuery, wantsCsv } from "~/services/indicators/respond.server";

const Query = z
  .object({
    level: z.enum(["system", "place", "neighbourhood"]).optional(),
    parent: z.string().trim().min(1).max(40).optional(),
    areaType: z.string().trim().min(1).max(80).optional(),
    format: z.enum(["json", "csv"]).optional(),
  })
  .strict()
  .refine((q) => !(q.level && q.areaType), { message: "give level or areaType, not both", path: ["areaType"] });

const COLUMNS = ["code", "name", "level", "areaType", "parentCode", "icbCode", "custom"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireApiUser(request, context, "read:indicators:any");
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badQuery(query.error);
  const { format, ...q } = query.data;
  return answer(async () => {
    const areas = await listAreas({ db: context.db, ...q });
    if (wantsCsv(request, format)) return apiCsv(COLUMNS, areas, `areas-${q.areaType ?? q.level ?? "system"}${q.parent ? `-${q.parent}` : ""}.csv`);
    return apiJson({ query: q, count: areas.length, areas });
  });
}
