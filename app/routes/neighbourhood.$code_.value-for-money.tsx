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
  const view = await getValueForMoneyView({ db: context.db, actor: user, level: "neighbourhood", code: params.code ?? "", year, priceYear, today: todayIso() });
  if (!view) notFound("There is no health justice partnership data for this neighbourhood that you can see.");
  return json(view, { headers: { "Cache-Control": "private, no-store" } });
}

export default function NeighbourhoodValueForMoneyRoute() {
  const view = useLoaderData<typeof loader>() as unknown as VfmView;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${view.icb.code}`, text: view.icb.name },
          { href: `/icb/${view.icb.code}/value-for-money`, text: "Value for money" },
          { href: `/neighbourhood/${view.area.code}/hjp`, text: `Health justice partnerships in ${view.area.name}` },
        ]}
      />
      <span className="nhsuk-caption-l">Neighbourhood (primary care network) in {view.icb.name}</span>
      <h1>Value for money in {view.area.name}</h1>
      <VfmPage view={view} basePath={`/neighbourhood/${view.area.code}/value-for-money`} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Value for money: ${data?.area.name ?? "neighbourhood"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
