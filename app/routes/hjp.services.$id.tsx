import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HjpDashboard } from "~/components/hjp-charts/hjp-dashboard";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { DELIVERY_MODELS, labelOf, SETTINGS } from "~/domain/hjp/vocabularies";
import { getHjpView } from "~/services/hjp/dashboard.server";
import { parseDashboardQuery, todayIso } from "~/services/hjp/export.server";
import type { HjpView } from "~/services/hjp/view-types";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:hjp:own")) forbidden();
  const { year } = parseDashboardQuery(request);
  // Other ICBs' and other organisations' services are not found, so ids reveal nothing.
  const view = await getHjpView({ db: context.db, actor: user, level: "service", code: params.id ?? "", year, today: todayIso() });
  if (!view?.service) notFound("There is no health justice partnership service with this number that you can see.");
  return json(view, { headers: { "Cache-Control": "private, no-store" } });
}

export default function HjpServiceRoute() {
  const view = useLoaderData<typeof loader>() as unknown as HjpView;
  const service = view.service!;
  const areaLink = (a: { code: string; level: string; name: string | null }) =>
    a.level === "icb" ? (
      <Link key={a.code} to={`/icb/${a.code}/hjp`}>
        The whole ICB
      </Link>
    ) : (
      <Link key={a.code} to={`/${a.level}/${a.code}/hjp`}>
        {a.name ?? a.code}
      </Link>
    );
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${view.icb.code}/hjp`, text: `Health justice partnerships in ${view.icb.name}` },
        ]}
      />
      <span className="nhsuk-caption-l">Health justice partnership service</span>
      <h1>{service.name}</h1>
      <SyntheticBanner synthetic={view.synthetic} />
      <SummaryList
        rows={[
          ["Run by", service.organisationName],
          ["Integrated care board", view.icb.name],
          ["Service reference", service.ref],
          ["Delivery model", labelOf(DELIVERY_MODELS, service.deliveryModel)],
          ["Settings and sites", service.sites.map((s) => `${labelOf(SETTINGS, s.setting)}${s.odsCode ? `: ${s.name ?? s.odsCode} (${s.odsCode})` : ""}`).join("; ")],
          [
            "Serves",
            <>
              {service.areasServed.map((a, i) => (
                <span key={a.code}>
                  {i ? "; " : ""}
                  {areaLink(a)}
                </span>
              ))}
            </>,
          ],
          ["Advisers (full-time equivalent)", service.adviserFte.toLocaleString("en-GB", { maximumFractionDigits: 1 })],
        ]}
      />
      <p className="app-hjp-link app-no-print">
        <Link to={`/hjp/services/${service.id}/value-for-money`}>Value for money: spend against outcomes for this service</Link>
      </p>
      <HjpDashboard view={view} basePath={`/hjp/services/${service.id}`} banner={false} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.area.name ?? "HJP service"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
