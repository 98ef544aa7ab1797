import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getUser } from "~/auth/session.server";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { PartnerHome } from "~/components/returns/partner-home";
import { formatCount, formatDecimal } from "~/domain/format/numbers";
import { type AreaSummary, listIcbs } from "~/services/geography/areas.server";
import { getPartnerOverview, type PartnerOverview } from "~/services/returns/tracker.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  // A VCSE partner's home is their reporting: what is due, late and queried, and their delivery.
  if (user?.role === "vcse") {
    const overview = await getPartnerOverview({ db: context.db, actor: user, today: new Date().toISOString().slice(0, 10) });
    if (overview) return json({ partner: overview, q: "", icbs: [] as AreaSummary[] }, { headers: { "Cache-Control": "private, no-store" } });
  }
  const { q } = z.object({ q: z.string().max(100).optional() }).parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ partner: null, q: q ?? "", icbs: await listIcbs({ db: context.db, search: q }) });
}

export const meta: MetaFunction = () => [{ title: "Health justice commissioning" }];

export default function HomeRoute() {
  const { q, icbs, partner } = useLoaderData<typeof loader>();
  if (partner) return <PartnerHome overview={partner as unknown as PartnerOverview} />;
  return (
    <>
      <h1>Health justice commissioning</h1>
      <p className="nhsuk-lede-text">
        Population health, legal-need demand and health justice partnership activity for integrated care boards, their places and
        their primary care networks.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Population figures come from ONS, NHS England and OHID open data. Health justice partnership activity in this demonstration
          is synthetic demonstration data.
        </p>
      </div>
      <h2 id="find">Find your integrated care board</h2>
      <Form method="get" role="search" aria-labelledby="find" className="nhsuk-u-margin-bottom-5">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="q">
            Name or code
          </label>
          <div className="nhsuk-hint" id="q-hint">
            For example Greater Manchester, E54000057 or QOP
          </div>
          <input className="nhsuk-input nhsuk-input--width-20" id="q" name="q" type="search" defaultValue={q} aria-describedby="q-hint" />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Search
        </button>
      </Form>
      {icbs.length === 0 ? (
        <p>No integrated care board matches “{q}”.</p>
      ) : (
        <SortableTable
          id="icbs"
          caption={q ? `Integrated care boards matching “${q}”` : "All 42 integrated care boards in England"}
          rows={icbs}
          rowKey={(i) => i.code}
          columns={[
            { key: "name", label: "Integrated care board", sortValue: (i: AreaSummary) => i.name, render: (i: AreaSummary) => <Link to={`/icb/${i.code}`}>{i.name}</Link> },
            { key: "code", label: "ONS code", sortValue: (i: AreaSummary) => i.code, render: (i: AreaSummary) => i.code },
            { key: "ods", label: "ODS code", sortValue: (i: AreaSummary) => i.odsCode, render: (i: AreaSummary) => i.odsCode ?? "–" },
            { key: "population", label: "Residents (Census 2021)", numeric: true, sortValue: (i: AreaSummary) => i.residentPopulation, render: (i: AreaSummary) => formatCount(i.residentPopulation) },
            { key: "imd", label: "IMD 2025 score", numeric: true, sortValue: (i: AreaSummary) => i.imdScore, render: (i: AreaSummary) => formatDecimal(i.imdScore) },
          ]}
        />
      )}
    </>
  );
}
