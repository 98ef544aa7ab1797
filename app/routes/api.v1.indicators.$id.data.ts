import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireApiUser } from "~/auth/session.server";
import { FLAGS } from "~/domain/indicators/figures";
import { DATA_COLUMNS, getIndicatorData } from "~/services/indicators/query.server";
import { answer, apiCsv, apiJson, badQuery, wantsCsv } from "~/services/indicators/respond.server";

const text = (max: number) => z.string().trim().min(1).max(max).optional();

const Query = z
  .object({
    level: z.enum(["system", "place", "neighbourhood"]).optional(),
    areaType: text(80),
    parent: text(40),
    period: text(60),
    sex: text(40),
    age: text(40),
    // Blank is meaningful here: the figures without a category.
    categoryType: z.string().trim().max(200).optional(),
    category: z.string().trim().max(200).optional(),
    format: z.enum(["json", "csv"]).optional(),
  })
  .strict()
  .refine((q) => !(q.level && q.areaType), { message: "give level or areaType, not both", path: ["areaType"] });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireApiUser(request, context, "read:indicators:any");
  const id = z.string().trim().min(1).max(60).safeParse(params.id);
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badQuery(query.error);
  if (!id.success) return badQuery(id.error);
  const { format, ...q } = query.data;
  return answer(async () => {
    const data = await getIndicatorData({ db: context.db, query: { indicatorId: id.data, ...q } });
    if (wantsCsv(request, format)) return apiCsv(DATA_COLUMNS, data.rows, `${id.data}-${q.areaType ?? q.level ?? "system"}${q.parent ? `-${q.parent}` : ""}.csv`);
    const used = new Set(data.rows.flatMap((r) => r.flags));
    return apiJson({
      indicator: data.indicator,
      query: data.query,
      parent: data.parent,
      benchmark: { england: "E92000001", parent: "each row's parentCode: the area's parent in the footprint asked for, or the parent its source names" },
      flags: Object.fromEntries(Object.entries(FLAGS).filter(([flag]) => used.has(flag))),
      count: data.rows.length,
      rows: data.rows,
      missing: data.missing,
    });
  });
}
