import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { money, whole, fte } from "~/components/demand/demand-results";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { PARAMETER_CATALOGUE } from "~/domain/demand/parameters";
import { type ComparedMeasure, compareScenarios, type MeasureComparison } from "~/domain/demand/scenario";
import { DEFAULT_SCENARIO, demandViewFor } from "~/domain/demand/view";
import { type DemandPage, getDemandPage, scenarioIdFrom } from "~/services/demand/demand.server";
import { todayIso } from "~/services/hjp/export.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const query = new URL(request.url).searchParams;
  const page = await getDemandPage({ db: context.db, actor: user, icbCode: params.code ?? "", query: new URLSearchParams(), today: todayIso() });
  if (page === "forbidden") forbidden();
  if (!page) notFound();
  const pick = (key: string) => {
    const id = scenarioIdFrom(query, key);
    if (id === "invalid") notFound("No scenario of that number that you can see.");
    if (id === null) return null;
    const found = page.scenarios.find((s) => s.id === id);
    if (!found) notFound("No scenario of that number that you can see.");
    return found;
  };
  const a = pick("a");
  const b = query.has("b") ? pick("b") : (page.scenarios[0] ?? null);
  return json({ page, a: a?.id ?? null, b: b?.id ?? null }, { headers: { "Cache-Control": "private, no-store" } });
}

const ROWS: { key: ComparedMeasure; label: string; format: (x: number) => string }[] = [
  { key: "expectedClients", label: "Expected clients a year", format: whole },
  { key: "fundedFte", label: "Funded adviser FTE", format: fte },
  { key: "capacityClients", label: "Capacity, clients a year", format: whole },
  { key: "unmetNeedClients", label: "Unmet need, clients a year", format: whole },
  { key: "surplusClients", label: "Surplus capacity, clients a year", format: whole },
  { key: "fteNeeded", label: "Adviser FTE needed", format: fte },
  { key: "budgetNeededGbp", label: "Budget needed a year", format: money },
];

function Difference({ c, format }: { c: MeasureComparison; format: (x: number) => string }) {
  const same = Math.abs(c.difference) < 1e-6 * Math.max(1, Math.abs(c.a.central));
  if (same) return <span>No difference</span>;
  const pct = c.relativeDifference === null ? "" : ` (${c.relativeDifference > 0 ? "+" : "−"}${Math.abs(c.relativeDifference * 100).toFixed(1)}%)`;
  return (
    <strong className="app-demand-diff">
      {c.difference > 0 ? "+" : "−"}
      {format(Math.abs(c.difference))}
      {pct} <span className="nhsuk-u-visually-hidden">{c.difference > 0 ? "higher in B" : "lower in B"}</span>
    </strong>
  );
}

export default function DemandCompareRoute() {
  const { page, a, b } = useLoaderData<typeof loader>() as unknown as { page: DemandPage; a: number | null; b: number | null };
  const specOf = (id: number | null) => page.scenarios.find((s) => s.id === id)?.spec ?? DEFAULT_SCENARIO;
  const comparison = useMemo(() => {
    const va = demandViewFor(page.inputs, specOf(a));
    const vb = demandViewFor(page.inputs, specOf(b));
    return { va, vb, c: compareScenarios(va.run, vb.run) };
  }, [page, a, b]);
  const { va, vb, c } = comparison;
  const base = `/icb/${page.inputs.icb.code}/demand`;
  const options = [{ value: "default", label: "Default parameters" }, ...page.scenarios.map((s) => ({ value: String(s.id), label: `${s.name} (${s.authorName}, ${s.updatedAt.slice(0, 10)})` }))];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${page.inputs.icb.code}`, text: page.inputs.icb.name },
          { href: base, text: "Demand modelling" },
        ]}
      />
      <span className="nhsuk-caption-l">{page.inputs.icb.name}</span>
      <h1>Compare demand scenarios</h1>
      <SyntheticBanner synthetic={page.inputs.synthetic} />
      <Form method="get" className="app-demand-compare-form">
        {(["a", "b"] as const).map((key) => (
          <div className="nhsuk-form-group" key={key}>
            <label className="nhsuk-label" htmlFor={`compare-${key}`}>
              Scenario {key.toUpperCase()}
            </label>
            <select className="nhsuk-select" id={`compare-${key}`} name={key} defaultValue={String((key === "a" ? a : b) ?? "default")}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Compare
        </button>
      </Form>

      <h2>The system</h2>
      <table className="nhsuk-table" data-testid="compare-system">
        <caption className="nhsuk-table__caption">
          A: {c.a}; B: {c.b}. Differences are B minus A, highlighted where they are not zero.
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="app-numeric">A: {c.a}</th>
            <th scope="col" className="app-numeric">B: {c.b}</th>
            <th scope="col" className="app-numeric">Difference (B − A)</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {ROWS.map((r) => {
            const m = c.system.measures[r.key];
            return (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="app-numeric">{r.format(m.a.central)}</td>
                <td className="app-numeric">{r.format(m.b.central)}</td>
                <td className="app-numeric">
                  <Difference c={m} format={r.format} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>Parameters that differ</h2>
      {c.parameterDifferences.length ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Parameter values in each scenario</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col" className="app-numeric">A</th>
              <th scope="col" className="app-numeric">B</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {c.parameterDifferences.map((p) => {
              const scale = PARAMETER_CATALOGUE[p.id].displayScale ?? 1;
              const f = (v: number) => `${Number((v * scale).toPrecision(4)).toLocaleString("en-GB")}${scale === 100 ? "%" : ""}`;
              return (
                <tr key={p.id}>
                  <th scope="row">{p.label}</th>
                  <td className="app-numeric">{f(p.a.value)}</td>
                  <td className="app-numeric">
                    <strong className="app-demand-diff">{f(p.b.value)}</strong>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>The two scenarios use the same parameters.</p>
      )}
      {[...va.run.applied.changeLog.map((l) => `A: ${l}`), ...vb.run.applied.changeLog.map((l) => `B: ${l}`)].length ? (
        <>
          <h3>Capacity changes</h3>
          <ul>
            {va.run.applied.changeLog.map((l) => (
              <li key={`a${l}`}>A: {l}</li>
            ))}
            {vb.run.applied.changeLog.map((l) => (
              <li key={`b${l}`}>B: {l}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>By place</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Unmet need and budget needed a year by place, A and B</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Place</th>
            <th scope="col" className="app-numeric">Unmet need A</th>
            <th scope="col" className="app-numeric">Unmet need B</th>
            <th scope="col" className="app-numeric">Difference</th>
            <th scope="col" className="app-numeric">Budget A</th>
            <th scope="col" className="app-numeric">Budget B</th>
            <th scope="col" className="app-numeric">Difference</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {c.places.map((p) => (
            <tr key={p.code}>
              <th scope="row">{p.name}</th>
              <td className="app-numeric">{whole(p.measures.unmetNeedClients.a.central)}</td>
              <td className="app-numeric">{whole(p.measures.unmetNeedClients.b.central)}</td>
              <td className="app-numeric">
                <Difference c={p.measures.unmetNeedClients} format={whole} />
              </td>
              <td className="app-numeric">{money(p.measures.budgetNeededGbp.a.central)}</td>
              <td className="app-numeric">{money(p.measures.budgetNeededGbp.b.central)}</td>
              <td className="app-numeric">
                <Difference c={p.measures.budgetNeededGbp} format={money} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Neighbourhoods whose unmet need changes</h2>
      {(() => {
        const changed = c.neighbourhoods.filter((n) => Math.abs(n.measures.unmetNeedClients.difference) >= 0.5).sort((x, y) => x.measures.unmetNeedClients.difference - y.measures.unmetNeedClients.difference);
        return changed.length ? (
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">Unmet need a year, A and B, largest falls first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Neighbourhood</th>
                <th scope="col" className="app-numeric">A</th>
                <th scope="col" className="app-numeric">B</th>
                <th scope="col" className="app-numeric">Difference</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {changed.map((n) => (
                <tr key={n.code}>
                  <th scope="row">{n.name}</th>
                  <td className="app-numeric">{whole(n.measures.unmetNeedClients.a.central)}</td>
                  <td className="app-numeric">{whole(n.measures.unmetNeedClients.b.central)}</td>
                  <td className="app-numeric">
                    <Difference c={n.measures.unmetNeedClients} format={whole} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No neighbourhood&apos;s unmet need changes by half a client a year or more.</p>
        );
      })()}
      <ul className="nhsuk-body-s">
        {c.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <p>
        <Link to={base}>Back to the demand model</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Compare demand scenarios – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
