import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
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
  const view = await getHjpView({ db: context.db, actor: user, level: "place", code: params.code ?? "", year, today: todayIso() });
  if (!view) notFound("There is no health justice partnership data for this place that you can see.");
  return json(view, { headers: { "Cache-Control": "private, no-store" } });
}

export default function PlaceHjpRoute() {
  const view = useLoaderData<typeof loader>() as unknown as HjpView;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${view.icb.code}`, text: view.icb.name },
          { href: `/icb/${view.icb.code}/hjp`, text: "Health justice partnerships" },
          { href: `/place/${view.area.code}`, text: view.area.name },
        ]}
      />
      <span className="nhsuk-caption-l">Place in {view.icb.name}</span>
      <h1>Health justice partnerships in {view.area.name}</h1>
      <p className="app-hjp-link app-no-print">
        <Link to={`/place/${view.area.code}/value-for-money`}>Value for money: spend against outcomes in {view.area.name}</Link>
      </p>
      <HjpDashboard view={view} basePath={`/place/${view.area.code}/hjp`} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Health justice partnerships: ${data?.area.name ?? "place"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
