import { json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HjpDashboard } from "~/components/hjp-charts/hjp-dashboard";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { getHjpView } from "~/services/hjp/dashboard.server";
import { parseDashboardQuery, todayIso } from "~/services/hjp/export.server";
import type { HjpView } from "~/services/hjp/view-types";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:hjp:own")) forbidden();
  const { year } = parseDashboardQuery(request);
  const view = await getHjpView({ db: context.db, actor: user, level: "icb", code: params.code ?? "", year, today: todayIso() });
  if (!view) notFound("There is no health justice partnership data for this integrated care board that you can see.");
  // The ODS code (QOP) and lower case resolve too; the address always shows the ONS code.
  if (params.code !== view.area.code) throw redirect(`/icb/${view.area.code}/hjp${new URL(request.url).search}`, 301);
  return json(view, { headers: { "Cache-Control": "private, no-store" } });
}

export default function IcbHjpRoute() {
  const view = useLoaderData<typeof loader>() as unknown as HjpView;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${view.icb.code}`, text: view.icb.name },
        ]}
      />
      <span className="nhsuk-caption-l">Integrated care board (system)</span>
      <h1>Health justice partnerships in {view.area.name}</h1>
      <p className="app-hjp-link app-no-print">
        <Link to={`/icb/${view.area.code}/value-for-money`}>Value for money: spend against outcomes in {view.area.name}</Link>
      </p>
      <HjpDashboard view={view} basePath={`/icb/${view.area.code}/hjp`} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Health justice partnerships: ${data?.area.name ?? "ICB"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
