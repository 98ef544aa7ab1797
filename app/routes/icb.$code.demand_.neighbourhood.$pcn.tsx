import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { fte, interval, money, whole } from "~/components/demand/demand-results";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { demandQuery } from "~/domain/demand/form";
import type { ChainStep } from "~/domain/demand/model";
import { ASSUMPTION_LABEL, PARAMETER_CATALOGUE } from "~/domain/demand/parameters";
import { demandViewFor } from "~/domain/demand/view";
import { type DemandPage, getDemandPage } from "~/services/demand/demand.server";
import { todayIso } from "~/services/hjp/export.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const page = await getDemandPage({ db: context.db, actor: user, icbCode: params.code ?? "", query: new URL(request.url).searchParams, today: todayIso() });
  if (page === "forbidden") forbidden();
  if (!page || !page.inputs.base.neighbourhoods.some((n) => n.code === params.pcn)) notFound("This neighbourhood is not in this integrated care board's demand model.");
  return json({ page, pcn: params.pcn! }, { headers: { "Cache-Control": "private, no-store" } });
}

const OPERATION = { start: "", multiply: "×", divide: "÷", subtract: "−" } as const;

function factorText(step: ChainStep): string {
  const f = step.factor;
  if (!f) return "";
  const def = f.parameterId ? PARAMETER_CATALOGUE[f.parameterId] : null;
  const value = def?.displayScale === 100 ? `${(f.value * 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%` : f.parameterId === "costPerFte" ? money(f.value) : f.value.toLocaleString("en-GB", { maximumFractionDigits: 3 });
  return `${OPERATION[step.operation]} ${f.label} (${value})`;
}

function valueText(step: ChainStep): string {
  if (step.id === "budgetNeededGbp") return money(step.value);
  if (step.unit === "FTE") return fte(step.value);
  return step.value.toLocaleString("en-GB", { maximumFractionDigits: step.value < 100 ? 1 : 0 });
}

export default function DemandNeighbourhoodRoute() {
  const { page, pcn } = useLoaderData<typeof loader>() as unknown as { page: DemandPage; pcn: string };
  const view = useMemo(() => demandViewFor(page.inputs, page.spec), [page]);
  const n = view.result.neighbourhoods.find((x) => x.code === pcn)!;
  const query = demandQuery(page.scenario?.id ?? null, page.spec.parameterOverrides, page.scenario?.spec.parameterOverrides ?? {});
  const back = `/icb/${page.inputs.icb.code}/demand${query ? `?${query}` : ""}`;
  const m = n.measures;
  const placeName = (code: string) => view.result.places.find((p) => p.code === code)?.name ?? code;
  const serviceName = (id: string) => page.inputs.services.find((s) => s.id === id)?.name ?? view.result.services.find((s) => s.serviceId === id)?.serviceId ?? id;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${page.inputs.icb.code}`, text: page.inputs.icb.name },
          { href: back, text: "Demand modelling" },
        ]}
      />
      <span className="nhsuk-caption-l">Neighbourhood (primary care network) in {page.inputs.icb.name}</span>
      <h1>How the demand figures for {n.name} are made</h1>
      <p className="nhsuk-lede-text">
        Each step below uses the figure above it. Scenario: <strong>{page.scenario?.name ?? "default parameters"}</strong>.
      </p>
      <SyntheticBanner synthetic={page.inputs.synthetic} />
      <table className="nhsuk-table" data-testid="chain-table">
        <caption className="nhsuk-table__caption">The calculation, step by step (central estimate, a year)</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Calculation</th>
            <th scope="col" className="app-numeric">Result</th>
            <th scope="col">Evidence or assumption</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {n.steps.map((step, i) => {
            const def = step.factor?.parameterId ? PARAMETER_CATALOGUE[step.factor.parameterId] : null;
            return (
              <tr key={step.id}>
                <th scope="row">
                  {i + 1}. {step.label}
                </th>
                <td>
                  {step.operation === "start" ? (step.id === "registeredAdults" ? "GP practice lists aged 18+, summed over the network's practices" : "Funded adviser FTE shared to this neighbourhood (see below)") : factorText(step)}
                  {step.factor?.note ? <span className="nhsuk-body-s app-demand-note"> {step.factor.note}</span> : null}
                </td>
                <td className="app-numeric">
                  {valueText(step)} <span className="nhsuk-body-s app-demand-note">{step.unit}</span>
                </td>
                <td className="nhsuk-body-s">{def ? (def.assumption ? ASSUMPTION_LABEL : def.source) : step.id === "afterDeprivation" || step.id === "afterLongTermConditions" ? ASSUMPTION_LABEL + " (the strength of the effect)" : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>With uncertainty</h2>
      <dl className="nhsuk-summary-list">
        {(
          [
            ["Expected clients a year", `${whole(m.expectedClients.central)} (80% interval ${interval(m.expectedClients)})`],
            ["Adviser FTE needed", `${fte(m.fteNeeded.central)} (80% interval ${interval(m.fteNeeded, fte)})`],
            ["Budget needed a year", `${money(m.budgetNeededGbp.central)} (80% interval ${interval(m.budgetNeededGbp, money)})`],
            [m.gapClients.central >= 0 ? "Unmet need, clients a year" : "Surplus capacity, clients a year", `${whole(Math.abs(m.gapClients.central))} (gap 80% interval ${interval(m.gapClients)})`],
          ] as const
        ).map(([k, v]) => (
          <div className="nhsuk-summary-list__row" key={k}>
            <dt className="nhsuk-summary-list__key">{k}</dt>
            <dd className="nhsuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>

      <h2>Where it sits and who serves it</h2>
      <p>
        Places: {n.placeShares.map((p) => `${placeName(p.placeCode)} (${Math.round(p.share * 100)}% of its registered list)`).join("; ")}. IMD decile {n.inputs.imdDecile ?? "not known"}; QOF depression prevalence{" "}
        {n.inputs.ltcPrevalence === null ? "not known" : `${(n.inputs.ltcPrevalence * 100).toFixed(1)}%`}.
      </p>
      {n.services.length ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Funded adviser FTE shared to this neighbourhood</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="app-numeric">FTE here</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {n.services.map((s) => (
              <tr key={s.serviceId}>
                <th scope="row">{serviceName(s.serviceId)}</th>
                <td className="app-numeric">{s.fte.toLocaleString("en-GB", { maximumFractionDigits: 3 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No funded HJP service serves this neighbourhood, so its capacity is zero.</p>
      )}
      <p className="nhsuk-body-s">{page.inputs.notes.capacity}</p>
      <p>
        <Link to={back}>Back to the demand model for {page.inputs.icb.name}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Demand calculation for a neighbourhood – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
