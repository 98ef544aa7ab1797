import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { longDate } from "~/components/packs/pack-format";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { listPacks } from "~/services/packs/packs.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:pack:own") && !hasPermission(user, "read:pack:any") && !hasPermission(user, "read:pack:shared")) forbidden();
  const packs = await listPacks({ db: context.db, actor: user });
  return json({ packs, canCreate: hasPermission(user, "create:pack:own") || hasPermission(user, "create:pack:any") }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function PacksRoute() {
  const { packs, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }]} />
      <h1>Strategy evidence packs</h1>
      <p>
        Figures, charts and narrative for an integrated care strategy or joint forward plan, for the whole system or one place: ready to print, to download as a PDF, and with an
        XLSX annex of every number. A published pack is frozen: its figures stay as they were on the day it was published.
      </p>
      {canCreate ? (
        <Link to="/packs/new" className="nhsuk-button" role="button" draggable="false">
          Create a pack
        </Link>
      ) : null}
      {packs.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>There are no packs you can see yet.</p>
        </div>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Packs</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Title</th>
              <th scope="col" className="nhsuk-table__header">Area</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
              <th scope="col" className="nhsuk-table__header">Last changed</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {packs.map((p) => (
              <tr className="nhsuk-table__row" key={p.id}>
                <td className="nhsuk-table__cell">
                  <Link to={`/packs/${p.id}`}>{p.title}</Link>
                </td>
                <td className="nhsuk-table__cell">{p.area.level === "place" ? `${p.area.name} (place in ${p.area.icbName})` : p.area.name}</td>
                <td className="nhsuk-table__cell">
                  <strong className={`nhsuk-tag${p.status === "published" ? " nhsuk-tag--green" : " nhsuk-tag--grey"}`}>{p.status === "published" ? "Published" : "Draft"}</strong>
                </td>
                <td className="nhsuk-table__cell">{longDate(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Strategy evidence packs – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
