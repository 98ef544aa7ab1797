import { json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ReturnsTable } from "~/components/returns/returns-table";
import { TRACKER_STATUSES } from "~/domain/returns/periods";
import { getTracker } from "~/services/returns/tracker.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:return:own") || user.role === "vcse") forbidden();
  const tracker = await getTracker({ db: context.db, actor: user, icbCode: params.code ?? "", today: new Date().toISOString().slice(0, 10) });
  if (!tracker) notFound("There is no reporting tracker for this integrated care board that you can see.");
  if (params.code !== tracker.icb.code) throw redirect(`/icb/${tracker.icb.code}/returns`, 301);
  return json(tracker, { headers: { "Cache-Control": "private, no-store" } });
}

export default function TrackerRoute() {
  const tracker = useLoaderData<typeof loader>();
  const attention = tracker.rows.filter((r) => r.status === "overdue" || r.status === "submitted" || r.status === "queried" || r.flags.length > 0).length;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${tracker.icb.code}`, text: tracker.icb.name },
        ]}
      />
      <span className="nhsuk-caption-l">{tracker.icb.name}</span>
      <h1>Reporting tracker</h1>
      <p className="nhsuk-lede-text">Every return the ICB&apos;s funded health justice partnership services owe, by period: who has reported, what is late and what looks wrong.</p>
      <SyntheticBanner synthetic={tracker.synthetic} />
      <dl className="nhsuk-summary-list" aria-label="Returns by status">
        {TRACKER_STATUSES.map((s) => (
          <div className="nhsuk-summary-list__row" key={s.code}>
            <dt className="nhsuk-summary-list__key">{s.label}</dt>
            <dd className="nhsuk-summary-list__value">{tracker.counts[s.code]}</dd>
          </div>
        ))}
      </dl>
      <p>
        {attention} returns need attention: overdue, waiting for your review, queried, or with figures flagged. Flags are questions worth asking, not errors: each says what it compared. Open a return to
        accept or query it.
      </p>
      <ReturnsTable id="tracker" rows={tracker.rows} caption="Returns by period, newest first" />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Reporting tracker: ${data?.icb.name ?? "ICB"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
