import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HjpLink } from "~/components/hjp-charts/hjp-link";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { formatCount, formatDecimal, formatShare } from "~/domain/format/numbers";
import { getNeighbourhood, type NeighbourhoodDetail } from "~/services/geography/areas.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const detail = await getNeighbourhood({ db: context.db, code: params.code ?? "" });
  if (!detail) notFound("There is no primary care network with this code.");
  return json(detail);
}

type Practice = NeighbourhoodDetail["practices"][number];

export default function NeighbourhoodRoute() {
  const { neighbourhood: n, icb, places, practices } = useLoaderData<typeof loader>();
  const main = places[0];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${icb.code}`, text: icb.name },
          ...(main ? [{ href: `/place/${main.code}`, text: main.name }] : []),
        ]}
      />
      <span className="nhsuk-caption-l">Neighbourhood (primary care network)</span>
      <h1>{n.name}</h1>
      <HjpLink href={`/neighbourhood/${n.code}/hjp`} area={n.name} />
      <SummaryList
        rows={[
          ["PCN code", n.code],
          ["Registered patients (QOF 2022-23)", formatCount(n.registeredPopulation)],
          ["Aged 18 and over", formatCount(n.registeredAdults)],
          ["Deprivation (IMD 2019)", `Score ${formatDecimal(n.imdScore)}, weighted by registered patients; national decile ${n.imdDecile ?? "–"} of PCNs (1 = most deprived)`],
          [
            "Place",
            places.length ? places.map((p) => (places.length > 1 ? `${p.name} (${formatShare(p.share)} of registered patients)` : p.name)).join("; ") : "Not placed",
          ],
          ["Boundaries", "Primary care networks have no official boundaries: they are shown as points at their practices' locations"],
        ]}
      />
      <p className="app-related-links">
        <Link to={`/profile/${n.code}`}>Indicator profile of this primary care network</Link>
      </p>
      <h2>Practices</h2>
      <SortableTable
        id="practices"
        caption={`GP practices in ${n.name}`}
        rows={practices}
        rowKey={(p) => p.code}
        columns={[
          { key: "name", label: "Practice", sortValue: (p: Practice) => p.name, render: (p: Practice) => p.name },
          { key: "code", label: "ODS code", sortValue: (p: Practice) => p.code, render: (p: Practice) => p.code },
          { key: "total", label: "Registered patients", numeric: true, sortValue: (p: Practice) => p.listTotal, render: (p: Practice) => formatCount(p.listTotal) },
          { key: "adults", label: "Aged 18 and over", numeric: true, sortValue: (p: Practice) => p.listAdults, render: (p: Practice) => formatCount(p.listAdults) },
          { key: "place", label: "Place it stands in", sortValue: (p: Practice) => p.placeCode, render: (p: Practice) => (p.placeCode ? <Link to={`/place/${p.placeCode}`}>{places.find((pl) => pl.code === p.placeCode)?.name ?? p.placeCode}</Link> : "Not placed") },
        ]}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.neighbourhood.name ?? "Neighbourhood"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
