import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { PartnerHome } from "~/components/returns/partner-home";
import { formatCount, formatDecimal } from "~/domain/format/numbers";
import { getUser } from "~/auth/session.server";
import { type AttentionItem, getAttentionList } from "~/services/agreements/attention.server";
import { type AreaSummary, listIcbs } from "~/services/geography/areas.server";
import { todayIso } from "~/services/hjp/export.server";
import { getPartnerOverview, type PartnerOverview } from "~/services/returns/tracker.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  // A VCSE partner's home is their reporting: what is due, late and queried, and their delivery.
  if (user?.role === "vcse") {
    const overview = await getPartnerOverview({ db: context.db, actor: user, today: new Date().toISOString().slice(0, 10) });
    if (overview) return json({ partner: overview, q: "", icbs: [] as AreaSummary[], attention: null }, { headers: { "Cache-Control": "private, no-store" } });
  }
  const { q } = z.object({ q: z.string().max(100).optional() }).parse(Object.fromEntries(new URL(request.url).searchParams));
  // The attention list is the commissioner's: their ICB's agreements and services.
  const attention = user?.role === "commissioner" ? await getAttentionList({ db: context.db, actor: user, today: todayIso() }) : null;
  return json({ partner: null, q: q ?? "", icbs: await listIcbs({ db: context.db, search: q }), attention }, { headers: user ? { "Cache-Control": "private, no-store" } : {} });
}

const ATTENTION_GROUPS: { kind: string; title: string }[] = [
  { kind: "ending", title: "Agreements ending within 90 days" },
  { kind: "review", title: "Agreements due for review within 90 days" },
  { kind: "kpi", title: "KPIs off track" },
  { kind: "funding", title: "Services whose funding ends within 12 months with no successor" },
];

function AttentionList({ items }: { items: AttentionItem[] }) {
  const kinds = [...ATTENTION_GROUPS, ...[...new Set(items.map((i) => i.kind))].filter((k) => !ATTENTION_GROUPS.some((g) => g.kind === k)).map((k) => ({ kind: k, title: items.find((i) => i.kind === k)?.group ?? k }))];
  return (
    <section aria-labelledby="attention" className="app-attention">
      <h2 id="attention">Needs your attention</h2>
      {items.length === 0 ? <p>Nothing needs your attention: no agreement ends or is due for review in the next 90 days, no KPI is off track, no service's funding is about to end and no return is overdue.</p> : null}
      {kinds
        .filter((g) => items.some((i) => i.kind === g.kind))
        .map((g) => (
          <div key={g.kind}>
            <h3 className="nhsuk-heading-s">{g.title}</h3>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {items
                .filter((i) => i.kind === g.kind)
                .map((i) => (
                  <li key={`${i.href}-${i.detail}`}>
                    <Link to={i.href}>{i.title}</Link>: {i.detail}
                  </li>
                ))}
            </ul>
          </div>
        ))}
      <p>
        <Link to="/agreements">All partnership agreements</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Health justice commissioning" }];

export default function HomeRoute() {
  const data = useLoaderData<typeof loader>();
  if (data.partner) return <PartnerHome overview={data.partner as unknown as PartnerOverview} />;
  const { q, icbs } = data;
  const attention = data.attention;
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
      {attention ? <AttentionList items={attention} /> : null}
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
