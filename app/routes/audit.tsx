import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { hasPermission } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listAuditEntries } from "~/services/audit/audit.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:audit:any") && !hasPermission(user, "read:audit:own")) forbidden();
  const query = z
    .object({ before: z.coerce.number().int().positive().optional(), entityType: z.string().max(50).optional() })
    .safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad request", { status: 400 });
  const entries = await listAuditEntries({ db: context.db, actor: user, beforeId: query.data.before, entityType: query.data.entityType, limit: 50 });
  return json({ entries, scope: user.role === "admin" ? "every ICB and organisation" : `your ICB (${user.icbCode})` });
}

function describe(value: unknown) {
  if (value === null || value === undefined) return "–";
  return JSON.stringify(value, null, 1);
}

export default function AuditRoute() {
  const { entries, scope } = useLoaderData<typeof loader>();
  const last = entries[entries.length - 1];
  return (
    <>
      <h1>Audit trail</h1>
      <p>Every change made through the product, newest first, for {scope}. Entries cannot be changed or deleted.</p>
      <table className="nhsuk-table-responsive">
        <caption className="nhsuk-table__caption">Changes</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">When</th>
            <th scope="col" className="nhsuk-table__header">Who</th>
            <th scope="col" className="nhsuk-table__header">What</th>
            <th scope="col" className="nhsuk-table__header">Record</th>
            <th scope="col" className="nhsuk-table__header">Before</th>
            <th scope="col" className="nhsuk-table__header">After</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {entries.map((e) => (
            <tr className="nhsuk-table__row" key={e.id}>
              <td className="nhsuk-table__cell">{new Date(e.at).toLocaleString("en-GB", { timeZone: "Europe/London" })}</td>
              <td className="nhsuk-table__cell">{e.actorEmail ?? "System"}</td>
              <td className="nhsuk-table__cell">{e.summary ?? e.action}</td>
              <td className="nhsuk-table__cell">
                {e.entityType} {e.entityId}
              </td>
              <td className="nhsuk-table__cell">
                <pre className="app-audit-json">{describe(e.before)}</pre>
              </td>
              <td className="nhsuk-table__cell">
                <pre className="app-audit-json">{describe(e.after)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 ? <p>No changes have been recorded yet.</p> : null}
      {last && entries.length === 50 ? (
        <p>
          <Link to={`?before=${last.id}`}>Older changes</Link>
        </p>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit trail – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
