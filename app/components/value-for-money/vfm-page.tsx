import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FunnelPlot } from "~/components/charts/funnel-plot";
import { BarChart } from "~/components/hjp-charts/bar-chart";
import { barsFromTable, formatCell } from "~/components/hjp-charts/chart-data";
import { DisclosedTableView } from "~/components/hjp-charts/disclosed-table";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { TrendChart } from "~/components/hjp-charts/trend-chart";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { DISCLOSURE_RULE, DISCLOSURE_RULE_SUMMARY } from "~/domain/disclosure/rule";
import type { DisclosedTable } from "~/domain/disclosure/table";
import { financialYearLabel } from "~/domain/value-for-money/rebase";
import type { VfmView } from "~/services/value-for-money/view-types";
import { IntervalChart } from "./interval-chart";
import { QuadrantChart, QuadrantKey } from "./quadrant-chart";

type Section = { id: string; title: string; body: ReactNode };

const num = (v: unknown) => (typeof v === "number" ? v : null);

/**
 * The body of every value-for-money page (ICB, place, neighbourhood, service): the
 * synthetic-data label, the period and price year, the disclosure rule, headline
 * measures, then each chart with its table and CSV and XLSX downloads.
 */
export function VfmPage({ view, basePath }: { view: VfmView; basePath: string }) {
  const table = (id: string) => view.tables.find((t) => t.id === id) ?? null;
  const query = { year: view.period.year, priceYear: view.priceYear.label };
  const download = (id: string, format: "csv" | "xlsx") => `${basePath}/download?${new URLSearchParams({ table: id, format, ...query })}`;
  const block = (t: DisclosedTable | null, chart?: ReactNode, intro?: ReactNode) =>
    t ? (
      <div key={t.id}>
        <h3 id={`${t.id}-heading`}>{t.title}</h3>
        {intro}
        {chart}
        <DisclosedTableView table={t} downloadHref={download(t.id, "csv")} xlsxHref={download(t.id, "xlsx")} />
      </div>
    ) : null;
  const where = view.level === "service" ? "this service" : view.area.name;
  const intervals = (t: DisclosedTable | null, what: string) =>
    t ? (
      <IntervalChart
        id={`chart-${t.id}`}
        title={`${t.title}: % of problems resolved or partly resolved, with 95% confidence intervals`}
        description={`Dot and line chart of the share of problems resolved for ${t.rows.length} ${what}, each with its 95% confidence interval. Intervals that overlap mean the difference may be chance. The figures are in the table below.`}
        rows={t.rows.map((r) => ({ key: r.key, label: r.label, value: num(r.cells.resolved), lower: num(r.cells.resolvedLower), upper: num(r.cells.resolvedUpper) }))}
        format="percent"
      />
    ) : null;

  const sections: Section[] = [];
  if (view.quadrant) {
    const kind = view.quadrant.areaKind === "place" ? "place" : "neighbourhood";
    sections.push({
      id: "spend-outcome",
      title: "Spend against outcome",
      body: block(
        table(kind === "place" ? "places" : "neighbourhoods"),
        <QuadrantChart id="chart-quadrant" title={`Health justice spend against income gained per 1,000 adults, by ${kind}, ${where}, ${view.period.label}`} quadrant={view.quadrant} />,
        <>
          <p>
            Each {kind} is placed by its health justice spend per 1,000 registered adults (across) and the income its clients gained per 1,000 adults (up). The dashed lines are the {view.quadrant.crossingLabel}, so
            each quadrant compares a {kind} with the whole.
          </p>
          <QuadrantKey />
          {view.quadrant.excluded.length ? (
            <p className="nhsuk-body-s">Not plotted: {view.quadrant.excluded.map((e) => `${e.label} (${e.reason})`).join("; ")}.</p>
          ) : null}
        </>
      ),
    });
  }
  if (view.level !== "service") {
    const f = view.funnel;
    sections.push({
      id: "funnel",
      title: "Problems resolved by service",
      body: block(
        table("services"),
        f.available ? (
          <FunnelPlot id="chart-funnel" title={`Funnel plot: % of problems resolved or partly resolved by service, ${where}, ${view.period.label}`} data={f} unit="% resolved" decimals={1} />
        ) : (
          <p className="nhsuk-body-s">{f.reason}</p>
        ),
        <>
          <p>
            Each service's share of problems resolved or partly resolved, against the number of its clients with a recorded result. Services outside the dashed (95%) limits differ from the average by more than
            chance would usually give; outside the solid (99.8%) limits, by much more.
          </p>
          {f.available && f.excluded.length ? <p className="nhsuk-body-s">Not plotted: {f.excluded.map((e) => `${e.label} (${e.reason})`).join("; ")}.</p> : null}
        </>
      ),
    });
  }
  const models = table("delivery-models");
  const settings = table("settings");
  sections.push({
    id: "models",
    title: "Which models work best",
    body: (
      <>
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              These comparisons are observational
            </span>
          </h3>
          <p>{models?.notes?.[0]}</p>
        </div>
        {block(models, intervals(models, "delivery models"))}
        {block(settings, intervals(settings, "settings"))}
      </>
    ),
  });
  const trend = table("trend");
  sections.push({
    id: "trend",
    title: "Trend and funding cliff",
    body: (
      <>
        {block(
          trend,
          <>
            {trend ? (
              <BarChart
                id="chart-spend"
                title={`Spend by financial year, ${where}`}
                description={`Bar chart of spend attributed to each of ${trend.rows.length} financial years from the funding awards. The figures are in the table below.`}
                bars={barsFromTable(trend, "spend")}
                colour="#003087"
              />
            ) : null}
            <TrendChart
              id="chart-gain-trend"
              title={`Income gained per £1 spent by financial year, ${where}`}
              description={`Line chart of recurring income gained a year per £1 (solid line) and one-off income gained per £1 (dashed line) over ${view.trend.categories.length} financial years. Hidden figures leave gaps. The figures are in the table below.`}
              categories={view.trend.categories}
              series={[
                { name: "Recurring gain a year per £1", values: view.trend.recurringPerPound },
                { name: "One-off gain per £1", values: view.trend.oneOffPerPound },
              ]}
            />
          </>
        )}
        {block(table("funding-cliff"))}
      </>
    ),
  });
  if (table("organisations") || table("funders")) {
    sections.push({
      id: "funding",
      title: "Organisations and funders",
      body: (
        <>
          {block(table("organisations"))}
          {block(table("funders"), table("funders") ? <BarChart id="chart-funders" title="Spend by funder" description="Bar chart of spend by funder in the period. The figures are in the table below." bars={barsFromTable(table("funders")!, "spend")} colour="#003087" /> : null)}
        </>
      ),
    });
  }
  const estimate = table("estimate");
  sections.push({
    id: "estimate",
    title: "Value estimate",
    body: (
      <>
        <p>
          <strong>This is an estimate.</strong> It puts a public value on the outcomes recorded, using the unit values listed with their sources, price years and licences. Change the price year above, or the
          values in the <Link to="/value-for-money/unit-costs">unit-cost library</Link> and the <Link to="/value-for-money/inflation-index">inflation index</Link>, and the estimate changes with them.
        </p>
        {block(estimate)}
        <h3>Unit values used</h3>
        <ul>
          {view.estimate.lines.map((l) => (
            <li key={l.unitValue.code}>
              {l.unitValue.code} {l.unitValue.item}: {formatCell(l.unitValue.valuePence, "pence")} {l.unitValue.unit} in {financialYearLabel(l.unitValue.priceYear)} prices.
              Source: {l.unitValue.sourceUrl ? <a href={l.unitValue.sourceUrl}>{l.unitValue.source}</a> : l.unitValue.source}. Licence: {l.unitValue.licence}.
            </li>
          ))}
        </ul>
      </>
    ),
  });

  return (
    <>
      <SyntheticBanner synthetic={view.synthetic} />
      {view.scopeNote ? <p className="nhsuk-inset-text">{view.scopeNote}</p> : null}
      <p>
        What health justice partnership funding bought: spend from the funding awards against clients, income gained, debt, problems resolved and wellbeing. Showing {view.period.label}; referrals from{" "}
        {formatCell(view.period.firstReferral, "date")} to {formatCell(view.period.lastReferral, "date")}.
      </p>
      <Form method="get" className="app-vfm-filter app-no-print">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="year">
            Period
          </label>
          <select className="nhsuk-select" id="year" name="year" defaultValue={view.period.year}>
            {view.period.years.map((y) => (
              <option key={y} value={y}>
                Financial year {y}
              </option>
            ))}
            <option value="all">All years</option>
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="priceYear">
            Price year for the value estimate
          </label>
          <select className="nhsuk-select" id="priceYear" name="priceYear" defaultValue={view.priceYear.label}>
            {view.priceYear.options.map((o) => (
              <option key={o.year} value={o.label}>
                {o.label}
                {o.indexed ? "" : " (no index value)"}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
      </Form>
      <div className="nhsuk-inset-text" id="disclosure-rule">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <strong>How small numbers are protected.</strong> {DISCLOSURE_RULE_SUMMARY} Ratios resting on 1 to 7 people are not shown, and neither is spend shared out by so few clients. Spend itself is about money,
          not people, and is shown in full.
        </p>
        <details className="nhsuk-details nhsuk-u-margin-bottom-0">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">The full rule, and how spend is counted</span>
          </summary>
          <div className="nhsuk-details__text">
            {DISCLOSURE_RULE.map((r) => (
              <p key={r}>{r}</p>
            ))}
            <p>
              Spend is each funding award's amount spread evenly over its days, counted in a period for the days that fall in it; the current year counts to today. Awards to an organisation in general are shared
              between its services by clients. Outcomes count in the year the client was referred.
            </p>
          </div>
        </details>
      </div>
      <h2>Summary</h2>
      <SummaryList rows={view.headline.map((h) => [h.label, h.detail ? `${formatCell(h.value, h.format)} (${h.detail})` : formatCell(h.value, h.format)] as const)} />
      <nav className="nhsuk-contents-list" aria-label="Sections on this page">
        <h2 className="nhsuk-u-visually-hidden">Contents</h2>
        <ol className="nhsuk-contents-list__list">
          {sections.map((s) => (
            <li key={s.id} className="nhsuk-contents-list__item">
              <a className="nhsuk-contents-list__link" href={`#${s.id}`}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id}>{s.title}</h2>
          {s.body}
        </section>
      ))}
    </>
  );
}
