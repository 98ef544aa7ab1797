import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HjpLink } from "~/components/hjp-charts/hjp-link";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { formatCount, formatDecimal, formatShare } from "~/domain/format/numbers";
import { getPlace, type PlaceDetail } from "~/services/geography/areas.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const place = await getPlace({ db: context.db, code: params.code ?? "" });
  if (!place) notFound("There is no place with this code.");
  return json(place);
}

type Pcn = PlaceDetail["neighbourhoods"][number];

export default function PlaceRoute() {
  const { place, icb, custom, neighbourhoods, subIcbs, details } = useLoaderData<typeof loader>();
  const districts = (details?.districts as { ladName: string; population: number }[] | undefined) ?? [];
  const population = details?.population as { total: number; aged0to19: number; aged20to64: number; aged65plus: number } | undefined;
  const registered = neighbourhoods.reduce((s, n) => s + (n.registeredPopulation ?? 0) * n.share, 0);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }, { href: `/icb/${icb.code}`, text: icb.name }]} />
      <span className="nhsuk-caption-l">Place in {icb.name}</span>
      <h1>{place.name}</h1>
      <HjpLink href={`/place/${place.code}/hjp`} area={place.name} />
      <SummaryList
        rows={[
          ["Code", place.code],
          ["What this place is", custom ? "A place defined by the ICB as a group of primary care networks" : details?.authoritySplit ? `The part of an upper-tier local authority that lies in this ICB (${formatShare(details.shareOfAuthority as number)} of its residents)` : "An upper-tier local authority (county or unitary) within the ICB"],
          !custom && ["Residents (Census 2021)", formatCount(place.residentPopulation)],
          population ? ["Age structure (Census 2021)", `${formatShare(population.aged0to19 / population.total, 1)} aged 0–19, ${formatShare(population.aged20to64 / population.total, 1)} aged 20–64, ${formatShare(population.aged65plus / population.total, 1)} aged 65 and over`] : null,
          ["Registered patients of its neighbourhoods", `${formatCount(registered)}${custom ? "" : " (each PCN counted by its share in this place); not added to residents"}`],
          ["Deprivation", custom ? `IMD 2019 score ${formatDecimal(place.imdScore)} (weighted by registered patients)` : `IMD 2025 score ${formatDecimal(place.imdScore)}, national decile ${place.imdDecile ?? "–"} of places (1 = most deprived)`],
          districts.length > 1 ? ["Districts", districts.map((d) => d.ladName).join(", ")] : null,
          subIcbs.length ? ["Sub-ICB location(s)", subIcbs.map((s) => `${s.name} (${formatShare(s.share)} of the place's residents)`).join("; ")] : null,
        ]}
      />
      <p className="app-related-links">
        <Link to={`/profile/${place.code}`}>Indicator profile of this place</Link>
        {" · "}
        <Link to={`/indicators/qof-dep?icb=${icb.code}&level=neighbourhood&place=${place.code}`}>Its neighbourhoods on an indicator</Link>
      </p>
      <h2>Neighbourhoods</h2>
      <SortableTable
        id="neighbourhoods"
        caption={`Primary care networks in ${place.name}`}
        rows={neighbourhoods}
        rowKey={(n) => n.code}
        columns={[
          { key: "name", label: "Primary care network", sortValue: (n: Pcn) => n.name, render: (n: Pcn) => <Link to={`/neighbourhood/${n.code}`}>{n.name}</Link> },
          { key: "registered", label: "Registered patients", numeric: true, sortValue: (n: Pcn) => n.registeredPopulation, render: (n: Pcn) => formatCount(n.registeredPopulation) },
          { key: "adults", label: "Aged 18 and over", numeric: true, sortValue: (n: Pcn) => n.registeredAdults, render: (n: Pcn) => formatCount(n.registeredAdults) },
          { key: "share", label: "Share in this place", numeric: true, sortValue: (n: Pcn) => n.share, render: (n: Pcn) => formatShare(n.share) },
          { key: "imd", label: "IMD 2019 score", numeric: true, sortValue: (n: Pcn) => n.imdScore, render: (n: Pcn) => formatDecimal(n.imdScore) },
        ]}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.place.name ?? "Place"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
