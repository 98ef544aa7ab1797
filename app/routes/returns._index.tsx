import { json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { forbidden, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ReturnsTable } from "~/components/returns/returns-table";
import { getPartnerOverview } from "~/services/returns/tracker.server";

/** A VCSE user's returns; ICB roles are sent to their ICB's tracker. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if ((user.role === "commissioner" || user.role === "strategist") && user.icbCode) throw redirect(`/icb/${user.icbCode}/returns`);
  const overview = await getPartnerOverview({ db: context.db, actor: user, today: new Date().toISOString().slice(0, 10) });
  if (!overview) forbidden();
  return json(overview, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ReturnsIndexRoute() {
  const o = useLoaderData<typeof loader>();
  const all = [...o.queried, ...o.late, ...o.due, ...o.submitted, ...o.accepted].sort((a, b) => b.periodStart.localeCompare(a.periodStart) || a.serviceName.localeCompare(b.serviceName));
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }]} />
      <span className="nhsuk-caption-l">{o.organisationName}</span>
      <h1>Your returns</h1>
      <SyntheticBanner synthetic={o.synthetic} />
      <p>Each of your funded services reports to the ICB every quarter. Open a return to fill it in, upload your case-level file, or see what you sent.</p>
      <ReturnsTable id="returns" rows={all} caption="Your returns, newest period first" showOrganisation={false} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Your returns – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
