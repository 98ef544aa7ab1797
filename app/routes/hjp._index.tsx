import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { listHjpDashboards } from "~/services/hjp/dashboard.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:hjp:own")) forbidden();
  return json(await listHjpDashboards({ db: context.db, actor: user }), { headers: { "Cache-Control": "private, no-store" } });
}

export default function HjpIndexRoute() {
  const { icbs, services } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }]} />
      <h1>Health justice partnership activity</h1>
      <p>Referrals, clients, outcomes and funding of the health justice partnership services you can see, at system, place and neighbourhood level.</p>
      {icbs.some((i) => i.synthetic) ? (
        <div className="app-synthetic-banner" role="note" aria-label="Synthetic demonstration data">
          <p className="nhsuk-body nhsuk-u-margin-bottom-0">
            <strong>Synthetic demonstration data.</strong> The services marked below are made up by a seeded generator for this demonstration; they describe no real service or client.
          </p>
        </div>
      ) : null}
      <h2>Integrated care boards</h2>
      {icbs.length ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {icbs.map((i) => (
            <li key={i.code}>
              <Link to={`/icb/${i.code}/hjp`}>{i.name}</Link> ({i.services} {i.services === 1 ? "service" : "services"}
              {i.synthetic ? ", synthetic demonstration data" : ""}) –{" "}
              <Link to={`/icb/${i.code}/value-for-money`}>value for money</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>You have no health justice partnership services to see yet.</p>
      )}
      <h2>Services</h2>
      {services.length ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {services.map((s) => (
            <li key={s.id}>
              <Link to={`/hjp/services/${s.id}`}>{s.name}</Link>: {s.organisationName}, {s.icbName}
              {s.synthetic ? " (synthetic demonstration data)" : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>No services have sent data yet.</p>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Health justice partnership activity – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
