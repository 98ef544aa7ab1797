import { json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AreaMap } from "~/components/maps/area-map";
import { HjpLink } from "~/components/hjp-charts/hjp-link";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { SortableTable } from "~/components/nhsuk/sortable-table";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { DEPRIVATION_QUINTILES, quintileOfDecile } from "~/domain/format/deprivation";
import { formatCount, formatDecimal, formatShare } from "~/domain/format/numbers";
import { getIcbOverview, type NeighbourhoodRow, type PlaceRow } from "~/services/geography/areas.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const overview = await getIcbOverview({ db: context.db, code: params.code ?? "" });
  if (!overview) notFound("There is no integrated care board with this code.");
  // The ODS code (QOP) and lower case resolve too; the address always shows the ONS code.
  if (params.code !== overview.icb.code) throw redirect(`/icb/${overview.icb.code}${new URL(request.url).search}`, 301);
  return json({ ...overview, canDefinePlaces: hasPermission(user, "define:places:own") && user.icbCode === overview.icb.code });
}

export default function IcbRoute() {
  const { icb, scheme, places, neighbourhoods, subIcbs, map, canDefinePlaces } = useLoaderData<typeof loader>();
  const placeColumns = [
    { key: "name", label: "Place", sortValue: (p: PlaceRow) => p.name, render: (p: PlaceRow) => <Link to={`/place/${p.code}`}>{p.name}</Link> },
    ...(scheme === "default"
      ? [
          { key: "population", label: "Residents (Census 2021)", numeric: true, sortValue: (p: PlaceRow) => p.residentPopulation, render: (p: PlaceRow) => formatCount(p.residentPopulation) },
          { key: "imd", label: "IMD 2025 score", numeric: true, sortValue: (p: PlaceRow) => p.imdScore, render: (p: PlaceRow) => formatDecimal(p.imdScore) },
          { key: "decile", label: "National decile (1 = most deprived)", numeric: true, sortValue: (p: PlaceRow) => p.imdDecile, render: (p: PlaceRow) => p.imdDecile ?? "–" },
          { key: "subicb", label: "Sub-ICB location(s)", render: (p: PlaceRow) => p.subIcbs.map((s) => `${s.name.replace(/^NHS .* ICB - /, "")}${p.subIcbs.length > 1 ? ` (${formatShare(s.share)})` : ""}`).join(", ") },
        ]
      : [
          { key: "registered", label: "Registered patients", numeric: true, sortValue: (p: PlaceRow) => p.registeredPopulation, render: (p: PlaceRow) => formatCount(p.registeredPopulation) },
          { key: "imd", label: "IMD 2019 score (patient-weighted)", numeric: true, sortValue: (p: PlaceRow) => p.imdScore, render: (p: PlaceRow) => formatDecimal(p.imdScore) },
        ]),
    { key: "pcns", label: "Neighbourhoods", numeric: true, sortValue: (p: PlaceRow) => p.neighbourhoodCount, render: (p: PlaceRow) => p.neighbourhoodCount },
  ];
  const neighbourhoodColumns = [
    { key: "name", label: "Primary care network", sortValue: (n: NeighbourhoodRow) => n.name, render: (n: NeighbourhoodRow) => <Link to={`/neighbourhood/${n.code}`}>{n.name}</Link> },
    { key: "code", label: "Code", sortValue: (n: NeighbourhoodRow) => n.code, render: (n: NeighbourhoodRow) => n.code },
    { key: "place", label: "Place", sortValue: (n: NeighbourhoodRow) => n.places[0]?.name ?? null, render: (n: NeighbourhoodRow) => n.places.map((p) => (n.places.length > 1 ? `${p.name} (${formatShare(p.share)})` : p.name)).join("; ") || "–" },
    { key: "registered", label: "Registered patients", numeric: true, sortValue: (n: NeighbourhoodRow) => n.registeredPopulation, render: (n: NeighbourhoodRow) => formatCount(n.registeredPopulation) },
    { key: "adults", label: "Aged 18 and over", numeric: true, sortValue: (n: NeighbourhoodRow) => n.registeredAdults, render: (n: NeighbourhoodRow) => formatCount(n.registeredAdults) },
    { key: "imd", label: "IMD 2019 score", numeric: true, sortValue: (n: NeighbourhoodRow) => n.imdScore, render: (n: NeighbourhoodRow) => formatDecimal(n.imdScore) },
    { key: "decile", label: "National decile", numeric: true, sortValue: (n: NeighbourhoodRow) => n.imdDecile, render: (n: NeighbourhoodRow) => n.imdDecile ?? "–" },
  ];
  const registeredTotal = neighbourhoods.reduce((s, n) => s + (n.registeredPopulation ?? 0), 0);
  const shapes = places.map((p) => ({ code: p.code, name: `${p.name}: IMD 2025 decile ${p.imdDecile ?? "unknown"}`, category: quintileOfDecile(p.imdDecile) }));
  const points = neighbourhoods.map((n) => ({ code: n.code, name: n.name }));
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }]} />
      <span className="nhsuk-caption-l">Integrated care board (system)</span>
      <h1>{icb.name}</h1>
      <HjpLink href={`/icb/${icb.code}/hjp`} area={icb.name} />
      <SummaryList
        rows={[
          ["ONS code", icb.code],
          ["ODS code", icb.odsCode ?? "–"],
          ["Residents (Census 2021)", formatCount(icb.residentPopulation)],
          ["Registered patients (QOF 2022-23 lists)", `${formatCount(registeredTotal)} — registered and resident populations are counted differently and are never added together`],
          ["Deprivation (IMD 2025, population-weighted score)", `${formatDecimal(icb.imdScore)} (national decile ${icb.imdDecile ?? "–"} of ICBs)`],
          ["Places", `${places.length} (${scheme === "custom" ? "defined by the ICB from its PCNs" : "upper-tier local authorities within the ICB"})`],
          ["Neighbourhoods (PCNs)", String(neighbourhoods.length)],
          ["Sub-ICB locations", subIcbs.map((s) => `${s.odsCode} (${s.code})`).join(", ")],
        ]}
      />

      <p className="app-related-links">
        <Link to={`/profile/${icb.code}`}>Indicator profile of this ICB</Link>
        {" · "}
        <Link to={`/indicators?icb=${icb.code}`}>Indicators for its places and neighbourhoods</Link>
        {" · "}
        <Link to={`/icb/${icb.code}/demand`}>Demand modelling: need, capacity and budget for advice</Link>
      </p>

      <h2>Places</h2>
      {canDefinePlaces ? (
        <p>
          <Link to={`/icb/${icb.code}/places`}>Define this ICB's places from its primary care networks</Link>
        </p>
      ) : null}
      {scheme === "default" && map.shapes.length > 0 ? (
        <AreaMap
          title={`Map of ${icb.name}'s places by deprivation`}
          description={`${places.length} places shaded by the national IMD 2025 decile of places (darker is more deprived), with ${map.points.length} primary care networks drawn as points at their practices' registered-list-weighted centre. The same figures are in the tables below.`}
          map={map}
          shapes={shapes}
          points={points}
          categories={[...DEPRIVATION_QUINTILES]}
        />
      ) : (
        <p>
          This ICB's own places are groups of primary care networks, which have no official boundaries, so the map is not drawn.
        </p>
      )}
      <SortableTable id="places" caption={`${icb.name}: places`} columns={placeColumns} rows={places} rowKey={(p) => p.code} />

      <h2>Neighbourhoods</h2>
      <p>
        Primary care networks, with their practices' registered lists (QOF 2022-23) and deprivation as the IMD 2019 score weighted
        by registered patients (derived from NHS Digital registrations by LSOA). A network whose practices stand in more than one
        place is listed with each place's share of its registered list.
      </p>
      <SortableTable id="neighbourhoods" caption={`${icb.name}: primary care networks`} columns={neighbourhoodColumns} rows={neighbourhoods} rowKey={(n) => n.code} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.icb.name ?? "ICB"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
