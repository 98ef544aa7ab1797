import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/session.server";
import { svgResponse } from "~/components/charts/downloads.server";
import { BarChart } from "~/components/hjp-charts/bar-chart";
import { barsFromTable, seriesFromTable } from "~/components/hjp-charts/chart-data";
import { TrendChart } from "~/components/hjp-charts/trend-chart";
import { getAgreement } from "~/services/agreements/agreements.server";
import { deliveryTableCsv, getAgreementDelivery } from "~/services/agreements/delivery.server";
import { todayIso } from "~/services/hjp/export.server";

/** A table or chart of an agreement's delivery tab: ?table=kpi-…|spend&format=csv|svg. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const query = z
    .object({ table: z.string().regex(/^(spend|kpi-[a-z0-9-]{1,40})$/), format: z.enum(["csv", "svg"]).default("csv") })
    .safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad request: give table (spend or kpi-<measure>) and format (csv or svg)", { status: 400 });
  const id = z.coerce.number().int().positive().safeParse(params.id);
  if (!id.success) notFound();
  const agreement = await getAgreement({ db: context.db, actor: user, id: id.data });
  if (!agreement) notFound();
  const today = todayIso();
  const delivery = await getAgreementDelivery({ db: context.db, actor: user, agreement, today });
  const table = query.data.table === "spend" ? delivery.spendTable : delivery.kpis.find((k) => k.table.id === query.data.table)?.table;
  if (!table) notFound("This agreement has no such table.");
  if (query.data.format === "csv") return deliveryTableCsv({ table, agreementTitle: agreement.title, synthetic: delivery.synthetic, today });
  const chart =
    table.id === "spend" ? (
      <BarChart id="chart" title={table.title} description={table.description} bars={barsFromTable(table, "amount")} />
    ) : (
      <TrendChart id="chart" title={table.title} description={table.description} {...seriesFromTable(table, [{ key: "target", name: "Target" }, { key: "actual", name: "Actual" }])} />
    );
  return svgResponse(chart, `agreement-${agreement.id}-${table.id}`);
}
