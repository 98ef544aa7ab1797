import { Link } from "@remix-run/react";
import { AreaMap } from "~/components/maps/area-map";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import type { Estimate } from "~/domain/demand/model";
import { type DemandView, MAP_BANDS, pence, unmetPerThousand } from "~/domain/demand/view";
import { formatPence, fixed } from "~/domain/format/numbers";
import type { ProjectedMap } from "~/domain/maps/projection";
import { CalibrationFunnel, ProjectionChart, RankedGapChart } from "./demand-charts";

export const whole = (x: number) => Math.round(x).toLocaleString("en-GB");
export const fte = (x: number) => fixed(x, 1);
export const money = (gbp: number) => formatPence(pence(gbp), { whole: true });
export const interval = (e: Estimate, f: (x: number) => string = whole) => `${f(e.lower)} to ${f(e.upper)}`;

export type DemandResultsContext = {
  icb: { code: string; name: string };
  map: ProjectedMap;
  mappedPlaces: string[];
  neighbourhoodPoints: { code: string; name: string }[];
  synthetic: { label: string; organisations: string[] } | null;
  observedPeriod: { from: string; to: string } | null;
  services: { id: string; name: string; fundedFte: number; coverage: string; neighbourhoods: number }[];
  notes: { population: string; ltc: string; capacity: string };
};

function ChartDownloads({ csvHref, label }: { csvHref: string; label: string }) {
  return (
    <ul className="app-ind-chart__downloads app-no-print">
      <li>
        <a href={csvHref} download>
          Download its figures (CSV)<span className="nhsuk-u-visually-hidden">: {label}</span>
        </a>
      </li>
    </ul>
  );
}

/** The headline figures for the system, each with its interval. */
export function SystemSummary({ view }: { view: DemandView }) {
  const m = view.result.system.measures;
  const items: [string, string, string][] = [
    ["Registered adults (18+)", whole(m.registeredAdults), "GP practice lists"],
    ["Expected clients a year", whole(m.expectedClients.central), `80% interval ${interval(m.expectedClients)}`],
    ["Funded capacity, clients a year", whole(m.capacityClients.central), `${fte(m.fundedFte)} funded adviser FTE`],
    ["Unmet need, clients a year", whole(m.unmetNeedClients.central), `80% interval ${interval(m.unmetNeedClients)}`],
    ["Adviser FTE needed", fte(m.fteNeeded.central), `80% interval ${interval(m.fteNeeded, fte)}`],
    ["Budget needed a year", money(m.budgetNeededGbp.central), `80% interval ${interval(m.budgetNeededGbp, money)}`],
  ];
  return (
    <dl className="nhsuk-summary-list app-demand-summary" aria-live="polite" data-testid="demand-summary">
      {items.map(([label, value, note]) => (
        <div className="nhsuk-summary-list__row" key={label}>
          <dt className="nhsuk-summary-list__key">{label}</dt>
          <dd className="nhsuk-summary-list__value" data-measure={label}>
            <strong>{value}</strong> <span className="nhsuk-body-s app-demand-note">({note})</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function DemandResults({ view, context, query, downloadBase, growthRate }: { view: DemandView; context: DemandResultsContext; query: string; downloadBase: string; growthRate: number }) {
  const { result } = view;
  const base = `/icb/${context.icb.code}/demand`;
  const csv = (table: string) => `${downloadBase}?${new URLSearchParams([...new URLSearchParams(query), ["format", "csv"], ["table", table]])}`;
  const shapes = view.mapShades
    .filter((s) => context.mappedPlaces.includes(s.code))
    .map((s) => ({ code: s.code, name: `${s.name}: ${s.unmetPerThousand.toFixed(1)} clients a year of unmet need per 1,000 adults`, category: s.category }));
  const gap = view.ranked.map((n) => ({ code: n.code, name: n.name, ...n.measures.gapClients }));
  const sys = result.system.measures;
  return (
    <>
      <SyntheticBanner synthetic={context.synthetic} />
      {result.warnings.length ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <ul className="nhsuk-list">
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2 id="unmet-need-map">Unmet need by place</h2>
      <p>
        Places are shaded by unmet need per 1,000 registered adults; dots are primary care networks (neighbourhoods), at their practices&apos; locations. Unmet need is added up neighbourhood by neighbourhood, so
        surplus capacity in one neighbourhood does not cancel need in another.
      </p>
      <AreaMap
        title={`Unmet need for health justice advice by place in ${context.icb.name}`}
        description={`Map of ${shapes.length} places shaded by modelled unmet need per 1,000 registered adults a year, with ${context.neighbourhoodPoints.length} primary care networks as dots. The figures are in the table of places below.`}
        map={context.map}
        shapes={shapes}
        points={context.neighbourhoodPoints}
        categories={MAP_BANDS.map((b) => ({ key: b.key, label: b.label, colour: b.colour }))}
      />

      <h2 id="budget">Budget needed by place and system</h2>
      <div className="app-table-scroll" role="region" aria-label="Places and the system: need, capacity and budget" tabIndex={0}>
        <table className="nhsuk-table" data-testid="place-table">
          <caption className="nhsuk-table__caption">Places and the system: need, capacity and budget a year (central estimates; budget with its 80% interval)</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Place</th>
              <th scope="col" className="app-numeric">Registered adults</th>
              <th scope="col" className="app-numeric">Expected clients</th>
              <th scope="col" className="app-numeric">Capacity (clients)</th>
              <th scope="col" className="app-numeric">Unmet need (clients)</th>
              <th scope="col" className="app-numeric">Unmet need per 1,000 adults</th>
              <th scope="col" className="app-numeric">Adviser FTE needed</th>
              <th scope="col" className="app-numeric">Budget needed</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {[...result.places.map((p) => ({ key: p.code, name: p.name, m: p.measures, total: false })), { key: "system", name: `${context.icb.name} (system)`, m: sys, total: true }].map((r) => (
              <tr key={r.key} className={r.total ? "app-demand-total" : undefined}>
                <th scope="row">{r.name}</th>
                <td className="app-numeric">{whole(r.m.registeredAdults)}</td>
                <td className="app-numeric">{whole(r.m.expectedClients.central)}</td>
                <td className="app-numeric">{whole(r.m.capacityClients.central)}</td>
                <td className="app-numeric">{whole(r.m.unmetNeedClients.central)}</td>
                <td className="app-numeric">{unmetPerThousand(r.m).toFixed(1)}</td>
                <td className="app-numeric">{fte(r.m.fteNeeded.central)}</td>
                <td className="app-numeric">
                  {money(r.m.budgetNeededGbp.central)}
                  <span className="app-demand-note"> ({interval(r.m.budgetNeededGbp, money)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartDownloads csvHref={csv("places")} label="places and system" />

      <h2 id="ranked">Neighbourhoods ranked by unmet need</h2>
      <figure className="app-chart">
        <RankedGapChart id="demand-ranked" title={`Neighbourhoods in ${context.icb.name} ranked by unmet need for health justice advice`} rows={gap} />
      </figure>
      <ChartDownloads csvHref={csv("neighbourhoods")} label="neighbourhoods ranked by unmet need" />
      <div className="app-table-scroll" role="region" aria-label="Neighbourhoods ranked by unmet need" tabIndex={0}>
        <table className="nhsuk-table" data-testid="neighbourhood-table">
          <caption className="nhsuk-table__caption">Neighbourhoods (primary care networks), most unmet need first: clients a year with 80% intervals</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Neighbourhood</th>
              <th scope="col" className="app-numeric">IMD decile</th>
              <th scope="col" className="app-numeric">Expected clients</th>
              <th scope="col" className="app-numeric">Funded FTE</th>
              <th scope="col" className="app-numeric">Capacity</th>
              <th scope="col" className="app-numeric">Unmet need or surplus</th>
              <th scope="col" className="app-numeric">Budget needed</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {view.ranked.map((n) => {
              const g = n.measures.gapClients;
              return (
                <tr key={n.code}>
                  <th scope="row">
                    <Link to={`${base}/neighbourhood/${n.code}${query ? `?${query}` : ""}`}>{n.name}</Link>
                  </th>
                  <td className="app-numeric">{n.inputs.imdDecile ?? "–"}</td>
                  <td className="app-numeric">
                    {whole(n.measures.expectedClients.central)} <span className="app-demand-note">({interval(n.measures.expectedClients)})</span>
                  </td>
                  <td className="app-numeric">{fte(n.measures.fundedFte)}</td>
                  <td className="app-numeric">{whole(n.measures.capacityClients.central)}</td>
                  <td className="app-numeric">
                    {g.central > 0 ? `${whole(g.central)} unmet` : g.central < 0 ? `${whole(-g.central)} surplus` : "balanced"} <span className="app-demand-note">({interval(g)})</span>
                  </td>
                  <td className="app-numeric">{money(n.measures.budgetNeededGbp.central)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2 id="calibration">Calibration against observed activity</h2>
      {view.calibration ? (
        <>
          <p>
            Observed clients who attended, by the client&apos;s neighbourhood{context.observedPeriod ? `, ${context.observedPeriod.from} to ${context.observedPeriod.to}` : ""}, against the model&apos;s expected clients. A point far
            above the funnel means more activity than the model expects (the model may understate need there); far below, less (the service may not reach people, or capacity limits it). Overall observed ÷ expected:{" "}
            <strong>{view.calibration.overall.ratio === null ? "–" : view.calibration.overall.ratio.toFixed(2)}</strong>.
          </p>
          <figure className="app-chart">
            <CalibrationFunnel id="demand-funnel" title="Observed ÷ expected clients by neighbourhood, funnel plot" calibration={view.calibration} shown={view.observedShown} />
          </figure>
          <p className="nhsuk-body-s">Key: the horizontal line is the overall ratio; dashed curves are 95% limits and solid curves 99.8% limits; filled dots lie outside the 95% limits, open dots within them.</p>
          <ChartDownloads csvHref={csv("calibration")} label="calibration" />
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Calibration table</span>
            </summary>
            <div className="nhsuk-details__text">
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption">Observed (1 to 7 shown as *, others rounded to 5) and expected clients by neighbourhood</caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">Neighbourhood</th>
                    <th scope="col" className="app-numeric">Observed</th>
                    <th scope="col" className="app-numeric">Expected</th>
                    <th scope="col" className="app-numeric">Observed ÷ expected</th>
                    <th scope="col">Against the funnel</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {view.calibration.rows.map((r) => {
                    const shown = view.observedShown[r.code];
                    return (
                      <tr key={r.code}>
                        <th scope="row">{r.name}</th>
                        <td className="app-numeric">{shown === null || shown === undefined ? "*" : whole(shown)}</td>
                        <td className="app-numeric">{whole(r.expected)}</td>
                        <td className="app-numeric">{shown === null || shown === undefined ? "*" : (shown / r.expected).toFixed(2)}</td>
                        <td>{shown === null || shown === undefined ? "Not shown (small count)" : r.position.replace(/-/g, " ").replace("998", "99.8%").replace(/ 95$/, " 95%")}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="nhsuk-body-s">{view.calibration.method}</p>
            </div>
          </details>
        </>
      ) : (
        <p>There is no HJP activity for this ICB yet, so the model cannot be calibrated against observed clients.</p>
      )}

      <h2 id="projection">Projection</h2>
      <p>
        Registered adults grow by {(growthRate * 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}% a year
        (an assumption for the commissioner to set); capacity is held at this scenario&apos;s level and costs are in today&apos;s prices.
      </p>
      <figure className="app-chart">
        <ProjectionChart id="demand-projection" title="Expected clients and funded capacity by year" rows={view.projection} />
      </figure>
      <ChartDownloads csvHref={csv("projection")} label="projection" />
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Projection for the system by year</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Year</th>
            <th scope="col" className="app-numeric">Registered adults</th>
            <th scope="col" className="app-numeric">Expected clients</th>
            <th scope="col" className="app-numeric">Capacity</th>
            <th scope="col" className="app-numeric">Unmet need</th>
            <th scope="col" className="app-numeric">Adviser FTE needed</th>
            <th scope="col" className="app-numeric">Budget needed (80% interval)</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {view.projection.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="app-numeric">{whole(y.registeredAdults)}</td>
              <td className="app-numeric">{whole(y.expectedClients)}</td>
              <td className="app-numeric">{whole(y.capacityClients)}</td>
              <td className="app-numeric">{whole(y.unmetNeedClients)}</td>
              <td className="app-numeric">{fte(y.fteNeeded)}</td>
              <td className="app-numeric">
                {formatPence(y.budgetNeededPence, { whole: true })} <span className="app-demand-note">({formatPence(y.budgetLowerPence, { whole: true })} to {formatPence(y.budgetUpperPence, { whole: true })})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="method">How the figures are made</h2>
      <ul>
        <li>{context.notes.population}</li>
        <li>{context.notes.ltc}</li>
        <li>Capacity: {context.notes.capacity}</li>
        <li>Uncertainty: {result.uncertainty.description} Intervals are 80%; {result.uncertainty.draws.toLocaleString("en-GB")} draws, seed {result.uncertainty.seed}.</li>
      </ul>
      {context.services.length ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Funded HJP services counted as capacity</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="app-numeric">Adviser FTE</th>
              <th scope="col">Shared across</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {context.services.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td className="app-numeric">{fte(s.fundedFte)}</td>
                <td>
                  {s.neighbourhoods} neighbourhood{s.neighbourhoods === 1 ? "" : "s"}: {s.coverage}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No HJP services are recorded for this ICB, so capacity is zero unless a scenario adds some.</p>
      )}
    </>
  );
}
