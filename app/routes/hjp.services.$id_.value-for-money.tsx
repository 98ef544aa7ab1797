import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { VfmPage } from "~/components/value-for-money/vfm-page";
import { todayIso } from "~/services/hjp/export.server";
import { parseVfmQuery } from "~/services/value-for-money/export.server";
import { getValueForMoneyView } from "~/services/value-for-money/view.server";
import type { VfmView } from "~/services/value-for-money/view-types";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:hjp:own")) forbidden();
  const { year, priceYear } = parseVfmQuery(request);
  // Other ICBs' and other organisations' services are not found, so ids reveal nothing.
  const view = await getValueForMoneyView({ db: context.db, actor: user, level: "service", code: params.id ?? "", year, priceYear, today: todayIso() });
  if (!view?.service) notFound("There is no health justice partnership service with this number that you can see.");
  return json(view, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ServiceValueForMoneyRoute() {
  const view = useLoaderData<typeof loader>() as unknown as VfmView;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${view.icb.code}/value-for-money`, text: `Value for money in ${view.icb.name}` },
          { href: `/hjp/services/${view.area.code}`, text: view.area.name },
        ]}
      />
      <span className="nhsuk-caption-l">Service run by {view.service?.organisationName}</span>
      <h1>Value for money: {view.area.name}</h1>
      <VfmPage view={view} basePath={`/hjp/services/${view.area.code}/value-for-money`} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Value for money: ${data?.area.name ?? "service"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
