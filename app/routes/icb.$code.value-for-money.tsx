import { json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
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
  const view = await getValueForMoneyView({ db: context.db, actor: user, level: "icb", code: params.code ?? "", year, priceYear, today: todayIso() });
  if (!view) notFound("There is no health justice partnership data for this integrated care board that you can see.");
  // The ODS code and lower case resolve too; the address always shows the ONS code.
  if (params.code !== view.area.code) throw redirect(`/icb/${view.area.code}/value-for-money${new URL(request.url).search}`, 301);
  return json(view, { headers: { "Cache-Control": "private, no-store" } });
}

export default function IcbValueForMoneyRoute() {
  const view = useLoaderData<typeof loader>() as unknown as VfmView;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${view.icb.code}`, text: view.icb.name },
          { href: `/icb/${view.icb.code}/hjp`, text: "Health justice partnerships" },
        ]}
      />
      <span className="nhsuk-caption-l">Integrated care board (system)</span>
      <h1>Value for money in {view.area.name}</h1>
      <VfmPage view={view} basePath={`/icb/${view.area.code}/value-for-money`} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Value for money: ${data?.area.name ?? "ICB"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
