import { json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { type FormEvent, useMemo, useState } from "react";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { DemandResults, SystemSummary } from "~/components/demand/demand-results";
import { ParameterFields } from "~/components/demand/parameter-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { applyParameterFields, demandQuery, formValues } from "~/domain/demand/form";
import type { ParameterOverrides } from "~/domain/demand/parameters";
import { demandViewFor } from "~/domain/demand/view";
import { type DemandPage, getDemandPage } from "~/services/demand/demand.server";
import { todayIso } from "~/services/hjp/export.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const url = new URL(request.url);
  const page = await getDemandPage({ db: context.db, actor: user, icbCode: params.code ?? "", query: url.searchParams, today: todayIso() });
  if (page === "forbidden") forbidden();
  if (!page) notFound("There is no demand model for this integrated care board, or no scenario of that number that you can see.");
  if (params.code !== page.inputs.icb.code) throw redirect(`/icb/${page.inputs.icb.code}/demand${url.search}`, 301);
  return json(page, { headers: { "Cache-Control": "private, no-store" } });
}

export default function DemandRoute() {
  const page = useLoaderData<typeof loader>() as unknown as DemandPage;
  const location = useLocation();
  // A new loader result (navigation, saved scenario) starts the interactive state afresh.
  return <DemandScreen key={location.search} page={page} />;
}

function DemandScreen({ page }: { page: DemandPage }) {
  const { inputs, access, scenario, scenarios } = page;
  const [overrides, setOverrides] = useState<ParameterOverrides>(page.spec.parameterOverrides);
  const [errors, setErrors] = useState(page.formErrors);
  const spec = useMemo(() => ({ ...page.spec, parameterOverrides: overrides }), [page.spec, overrides]);
  const view = useMemo(() => demandViewFor(inputs, spec), [inputs, spec]);
  const saved = scenario?.spec.parameterOverrides ?? {};
  const query = demandQuery(scenario?.id ?? null, overrides, saved);
  const base = `/icb/${inputs.icb.code}/demand`;

  // With JavaScript, every change recomputes in the browser (the same pure model
  // as the server) and the address keeps the parameters, so links and reloads agree.
  function recompute(event: FormEvent<HTMLFormElement>) {
    const result = applyParameterFields(saved, new FormData(event.currentTarget));
    setOverrides(result.overrides);
    setErrors(result.errors);
    const next = demandQuery(scenario?.id ?? null, result.overrides, saved);
    window.history.replaceState(window.history.state, "", `${base}${next ? `?${next}` : ""}`);
  }

  const values = formValues(overrides);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${inputs.icb.code}`, text: inputs.icb.name },
        ]}
      />
      {errors.length ? <ErrorSummary errors={errors.map((e) => ({ href: `#param-${e.field}`, text: e.message }))} /> : null}
      <span className="nhsuk-caption-l">Integrated care board (system)</span>
      <h1>Demand for health justice advice in {inputs.icb.name}</h1>
      <p className="nhsuk-lede-text">
        How much health-harming legal need each neighbourhood has, how much funded advice meets, and what closing the gap would cost. Every figure is a modelled estimate per year with an 80% interval.
      </p>

      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Showing: <strong data-testid="scenario-name">{scenario ? scenario.name : "default parameters"}</strong>
          {scenario ? ` (by ${scenario.authorName}, saved ${scenario.updatedAt.slice(0, 10)}${scenario.sharedWithVcse ? ", shared with VCSE partners" : ""})` : ""}.
        </p>
        {scenarios.length ? (
          <>
            <p className="nhsuk-u-margin-bottom-1">Saved scenarios{access.sharedOnly ? " shared with VCSE partners" : ""}:</p>
            <ul>
              <li>
                <Link to={base}>Default parameters</Link>
              </li>
              {scenarios.map((s) => (
                <li key={s.id}>
                  <Link to={`${base}?scenario=${s.id}`}>{s.name}</Link> <span className="nhsuk-body-s">by {s.authorName}, {s.updatedAt.slice(0, 10)}</span>
                </li>
              ))}
            </ul>
            <p>
              <Link to={`${base}/compare?a=default&b=${scenario?.id ?? scenarios[0].id}`}>Compare two scenarios side by side</Link>
            </p>
          </>
        ) : null}
      </div>

      <h2 id="summary">{inputs.icb.name}: the system</h2>
      <SystemSummary view={view} />

      <details className="nhsuk-details app-demand-parameters" open>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Parameters</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>
            Change a value to see the results change. Figures with a source come from published surveys and evaluations; figures labelled as an assumption are for you to set and are not evidence. Leave a
            value as it is to use the default.
          </p>
          <Form method="get" action={base} onChange={recompute} preventScrollReset aria-label="Model parameters" noValidate>
            {scenario ? <input type="hidden" name="scenario" value={scenario.id} /> : null}
            <ParameterFields values={values} errors={errors} />
            <div className="nhsuk-button-group">
              <button type="submit" className="nhsuk-button" data-module="nhsuk-button">
                Update results
              </button>
              {access.canCreate ? (
                <Link to={`${base}/scenarios/new${query ? `?${query}` : ""}`} className="nhsuk-button nhsuk-button--secondary">
                  Save as a scenario
                </Link>
              ) : null}
            </div>
          </Form>
        </div>
      </details>

      <p className="app-demand-downloads">
        Export these results: <a href={`${base}/download?${new URLSearchParams([...new URLSearchParams(query), ["format", "xlsx"]])}`}>all tables (Excel, XLSX)</a> or{" "}
        <a href={`${base}/download?${new URLSearchParams([...new URLSearchParams(query), ["format", "csv"]])}`}>neighbourhoods, places and system (CSV)</a>.
      </p>

      <DemandResults view={view} context={inputs} query={query} downloadBase={`${base}/download`} growthRate={spec.annualGrowthRate} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Demand modelling: ${(data as unknown as DemandPage | undefined)?.inputs.icb.name ?? "ICB"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
