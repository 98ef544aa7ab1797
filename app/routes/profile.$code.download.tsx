import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/session.server";
import { csvResponse, svgResponse } from "~/components/charts/downloads.server";
import { SpineChart } from "~/components/charts/spine-chart";
import { profileColumns, spineRow } from "~/components/charts/view-tables";
import { DownloadQuery, ProfileQuery, searchObject } from "~/domain/charts/selection";
import { getAreaProfile, runView } from "~/services/indicators/views.server";

/** The profile's table as CSV (with the spine's ranges) and its spine chart as SVG, for the selection in the query string. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read:indicators:any");
  const search = searchObject(new URL(request.url).searchParams);
  const asked = DownloadQuery.safeParse(search);
  const query = ProfileQuery.safeParse(search);
  if (!asked.success || !query.success) throw new Response("Say what to download: format=csv or svg, and chart=table or spine.", { status: 400 });
  const profile = await runView(() => getAreaProfile({ db: context.db, code: params.code ?? "", selection: query.data }));
  const rows = profile.sections.flatMap((s) => s.rows.map((r) => ({ ...r, section: s.section })));
  const name = `profile-${profile.area.code}${profile.selection.period ? `-${profile.selection.period}` : ""}`;
  if (asked.data.format === "csv") {
    return csvResponse([{ key: "section", label: "Section", value: (r: (typeof rows)[number]) => r.section }, { key: "indicatorId", label: "Indicator id", value: (r: (typeof rows)[number]) => r.indicatorId }, ...profileColumns({ comparatorName: profile.comparator?.name ?? null })], rows, name);
  }
  return svgResponse(<SpineChart id="spine" title={`Area profile: ${profile.area.name}`} rows={rows.map(spineRow)} areaName={profile.area.name} standalone />, `${name}-spine`);
}
