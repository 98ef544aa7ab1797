import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ESTIMATE_OUTCOMES } from "~/domain/value-for-money/estimate";
import { financialYearLabel } from "~/domain/value-for-money/rebase";
import { listUnitCosts } from "~/services/value-for-money/unit-costs.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const unitCosts = await listUnitCosts({ db: context.db, icbCode: user.icbCode, actor: user });
  return json({ unitCosts, canAdd: hasPermission(user, "manage:unit-costs:own") || hasPermission(user, "manage:unit-costs:any") });
}

/** Pounds, with pence only when there are some (£6,680; £334.95). */
const poundsText = (pence: number) => `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;

const outcomeLabel = (code: string | null) => ESTIMATE_OUTCOMES.find((o) => o.code === code)?.label ?? "Not counted";

export default function UnitCostsRoute() {
  const { unitCosts, canAdd } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }]} />
      <h1>Unit-cost library</h1>
      <p>
        The unit values behind the value-for-money estimates, each with its source, price year and licence. Values shipped with the product are those whose licence allows it (the GMCA Unit Cost Database and
        PSSRU's Unit Costs of Health and Social Care). Values whose licence does not allow shipping them, such as HACT's Social Value Bank, can be entered by an ICB that holds a licence, and only that ICB sees
        them.
      </p>
      <p>
        A value counted against an outcome is used in the estimate; the others are listed for reference. Values are brought to the chosen price year with the <Link to="/value-for-money/inflation-index">inflation index</Link>.
      </p>
      {canAdd ? (
        <p>
          <Link className="nhsuk-button" to="/value-for-money/unit-costs/new">
            Add a unit value
          </Link>
        </p>
      ) : null}
      <div className="app-table-scroll" role="region" aria-label="Unit values" tabIndex={0}>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Unit values</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Code</th>
              <th scope="col" className="nhsuk-table__header">Item</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Value</th>
              <th scope="col" className="nhsuk-table__header">Price year</th>
              <th scope="col" className="nhsuk-table__header">Counted against</th>
              <th scope="col" className="nhsuk-table__header">Source and licence</th>
              <th scope="col" className="nhsuk-table__header">Entered by</th>
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {unitCosts.map((u) => (
              <tr className="nhsuk-table__row" key={u.id}>
                <td className="nhsuk-table__cell">{u.code}</td>
                <td className="nhsuk-table__cell">{u.item}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                  {poundsText(u.valuePence)} {u.unit}
                </td>
                <td className="nhsuk-table__cell">{financialYearLabel(u.priceYear)}</td>
                <td className="nhsuk-table__cell">{outcomeLabel(u.outcome)}</td>
                <td className="nhsuk-table__cell">
                  {u.sourceUrl ? <a href={u.sourceUrl}>{u.source}</a> : u.source}. Licence: {u.licence}
                </td>
                <td className="nhsuk-table__cell">{u.shipped ? "Shipped with the product" : "Your ICB"}</td>
                <td className="nhsuk-table__cell">
                  {u.canEdit ? (
                    <Link to={`/value-for-money/unit-costs/${u.id}`}>
                      Change<span className="nhsuk-u-visually-hidden"> {u.code}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Unit-cost library – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
