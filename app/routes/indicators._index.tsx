import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { PROFILE_SECTIONS } from "~/domain/charts/breakdowns";
import { LEVEL_LABELS } from "~/domain/charts/selection";
import { z } from "zod";
import { viewHref } from "~/domain/charts/selection";
import { listViewIndicators } from "~/services/indicators/views.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "read:indicators:any");
  const icb = z.string().trim().regex(/^[A-Za-z0-9]{3,12}$/).optional().safeParse(new URL(request.url).searchParams.get("icb") ?? undefined);
  const indicators = await listViewIndicators({ db: context.db });
  return json({ indicators, icbCode: (icb.success ? icb.data?.toUpperCase() : undefined) ?? user.icbCode });
}

export default function IndicatorsRoute() {
  const { indicators, icbCode } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }]} />
      <h1>Indicators</h1>
      <p className="nhsuk-body-l">
        Population health indicators for your integrated care board's places, neighbourhoods and local authorities, compared with England the way Fingertips compares them.
      </p>
      {icbCode ? (
        <p>
          <Link to={`/profile/${icbCode}`}>Profile of the ICB</Link>: every indicator for the whole system at once.
        </p>
      ) : null}
      {PROFILE_SECTIONS.map((section) => {
        const list = indicators.filter((i) => i.section === section);
        if (!list.length) return null;
        const headingId = `section-${section.replace(/\W+/g, "-").toLowerCase()}`;
        return (
          <section key={section} aria-labelledby={headingId}>
            <h2 id={headingId}>{section}</h2>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{section}</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Indicator
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Shown for
                  </th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                    Periods
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {list.map((i) => (
                  <tr className="nhsuk-table__row" key={i.id}>
                    <th scope="row" className="nhsuk-table__header">
                      <Link to={viewHref(`/indicators/${i.id}`, { icb: icbCode })}>{i.name}</Link>
                      <span className="app-profile__breakdown">{i.source}</span>
                    </th>
                    <td className="nhsuk-table__cell">{i.levels.length ? i.levels.map((l) => LEVEL_LABELS[l].many).join("; ") : "England and other areas only"}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{i.periods}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Indicators – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
