import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { AreaMap } from "~/components/maps/area-map";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { DISCLOSURE_RULE, DISCLOSURE_RULE_SUMMARY } from "~/domain/disclosure/rule";
import type { DisclosedTable } from "~/domain/disclosure/table";
import type { HjpView } from "~/services/hjp/view-types";
import { BarChart } from "./bar-chart";
import { barsFromTable, formatCell, hiddenCount, seriesFromTable } from "./chart-data";
import { DisclosedTableView } from "./disclosed-table";
import { SyntheticBanner } from "./synthetic-banner";
import { TrendChart } from "./trend-chart";

type Section = { id: string; title: string; body: ReactNode };

const NOT_AREAS = new Set(["outside-icb", "not-known", "no-place", "total"]);

/**
 * The body of every HJP dashboard page (ICB, place, neighbourhood, service): the
 * synthetic-data label where it applies, the disclosure rule, headline figures, then
 * each chart with its table and CSV download. Sections appear when the page has their
 * tables.
 */
export function HjpDashboard({ view, basePath, banner = true }: { view: HjpView; basePath: string; /** False when the page shows the synthetic-data label itself, above its own summary. */ banner?: boolean }) {
  const table = (id: string) => view.tables.find((t) => t.id === id) ?? null;
  const download = (id: string) => `${basePath}/download?${new URLSearchParams({ table: id, ...(view.period.year ? { year: view.period.year } : {}) })}`;
  const block = (t: DisclosedTable | null, chart?: ReactNode) =>
    t ? (
      <div key={t.id}>
        <h3 id={`${t.id}-heading`}>{t.title}</h3>
        {chart}
        <DisclosedTableView table={t} downloadHref={download(t.id)} />
      </div>
    ) : null;
  const bars = (t: DisclosedTable | null, column: string, what: string, colour?: string, skip?: (k: string) => boolean) => {
    if (!t) return null;
    const data = barsFromTable(t, column, { skip });
    const hidden = data.filter((b) => b.value === null).length;
    return (
      <BarChart
        id={`chart-${t.id}`}
        title={`${t.title}: ${what}`}
        description={`Bar chart of ${what.toLowerCase()} for ${data.length} rows. ${hidden ? `${hidden} figures are not shown to protect privacy. ` : ""}The same figures are in the table below.`}
        bars={data}
        colour={colour}
      />
    );
  };
  const trend = table("trend");
  const trendSeries = trend
    ? seriesFromTable(trend, [
        { key: "referrals", name: "Referrals" },
        { key: "attended", name: "Clients attended" },
      ])
    : null;
  const where = view.level === "service" ? "this service" : view.area.name;

  const sections: Section[] = [];
  sections.push({
    id: "activity",
    title: "Activity over time",
    body: (
      <>
        {block(
          trend,
          trendSeries ? (
            <TrendChart
              id="chart-trend"
              title={`Referrals and clients attended by quarter, ${where}`}
              description={`Line chart of referrals and clients attended in each of ${trendSeries.categories.length} quarters, from ${trendSeries.categories[0]} to ${
                trendSeries.categories[trendSeries.categories.length - 1]
              }. ${hiddenCount(trendSeries.series) ? `${hiddenCount(trendSeries.series)} points are not shown to protect privacy and leave gaps. ` : ""}The figures are in the table below.`}
              categories={trendSeries.categories}
              series={trendSeries.series}
            />
          ) : null
        )}
        {block(table("years"), bars(table("years"), "referrals", "Referrals by financial year"))}
      </>
    ),
  });
  sections.push({
    id: "referrals",
    title: "Who refers: the critical noticers",
    body: (
      <>
        {block(table("sources"), bars(table("sources"), "referrals", "Referrals by source"))}
        {block(table("training"))}
      </>
    ),
  });
  sections.push({ id: "problems", title: "Problems clients bring", body: block(table("problems"), bars(table("problems"), "referrals", "Clients referred with each problem", "#330072")) });
  sections.push({
    id: "outcomes",
    title: "Outcomes",
    body: (
      <>
        {block(table("income"), bars(table("income"), "recurring", "Recurring income gained a year, by financial year of referral", "#007f3b"))}
        {block(table("debt"))}
        {block(table("housing"), bars(table("housing"), "clients", "Clients by housing outcome", "#7c2855"))}
        {block(table("damp-mould"))}
        {block(table("resolved"))}
        {block(table("wellbeing"))}
      </>
    ),
  });
  if (table("places") || table("neighbourhoods")) {
    const places = table("places");
    sections.push({
      id: "footprints",
      title: view.level === "service" ? "Where clients are registered" : "Places and neighbourhoods",
      body: (
        <>
          {view.map ? (
            <AreaMap
              title={`Map of ${view.area.name}: places by clients a year per 1,000 adults, and GP practices where services work`}
              description={`${view.map.shapes.length} places shaded by clients who attended in ${view.period.reach.label} per 1,000 registered adults (darker is more), with ${view.map.points.length} GP practices where health justice services work drawn as points. Services in hospitals, mental health, maternity and hospice settings and by telephone are listed in the services table. The same figures are in the places table below.`}
              map={view.map.map}
              shapes={view.map.shapes}
              points={view.map.points}
              categories={view.map.categories}
              pointLabel="GP practice where a health justice service works"
            />
          ) : null}
          {block(places, places && view.level === "icb" ? bars(places, "reach", `Clients a year per 1,000 adults (${view.period.reach.label})`, "#005eb8", (k) => NOT_AREAS.has(k)) : null)}
          {block(table("neighbourhoods"))}
        </>
      ),
    });
  }
  if (table("reach")) {
    sections.push({
      id: "reach",
      title: "Reach against need",
      body: (
        <>
          {block(table("reach-deprivation"), bars(table("reach-deprivation"), "rate", "Clients a year per 1,000 adults by neighbourhood deprivation", "#005eb8"))}
          {block(table("reach"))}
        </>
      ),
    });
  }
  sections.push({
    id: "deprivation",
    title: "Clients by deprivation",
    body: block(
      table("deciles"),
      bars(table("deciles"), "referrals", "Referrals by deprivation decile of where the client lives", "#005eb8", (k) => k === "not-known")
    ),
  });
  sections.push({
    id: "settings",
    title: "Settings and delivery models",
    body: (
      <>
        {block(table("settings"))}
        {block(table("delivery-models"))}
      </>
    ),
  });
  if (table("services")) sections.push({ id: "services", title: "Services", body: block(table("services")) });
  if (table("funders") || table("awards")) {
    sections.push({
      id: "funding",
      title: "Funding",
      body: (
        <>
          {block(table("funders"), bars(table("funders"), "amount", "Amount awarded by funder (awards running today)", "#003087"))}
          {block(table("awards"))}
          {block(table("funding-cliff"))}
        </>
      ),
    });
  }

  return (
    <>
      {banner ? <SyntheticBanner synthetic={view.synthetic} /> : null}
      {view.scopeNote ? <p className="nhsuk-inset-text">{view.scopeNote}</p> : null}
      <p>
        Health justice partnership activity, outcomes and funding: referrals from {formatCell(view.period.firstReferral, "date")} to {formatCell(view.period.lastReferral, "date")}
        {view.period.year ? `, showing the financial year ${view.period.year}` : ""}.
      </p>
      {view.period.years.length > 1 ? (
        <Form method="get" className="app-year-filter app-no-print">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="year">
              Financial year
            </label>
            <select className="nhsuk-select" id="year" name="year" defaultValue={view.period.year ?? ""}>
              <option value="">All years</option>
              {view.period.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
            <button type="submit" className="nhsuk-button nhsuk-button--secondary app-year-filter__button">
              Show
            </button>
          </div>
        </Form>
      ) : null}
      <div className="nhsuk-inset-text" id="disclosure-rule">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <strong>How small numbers are protected.</strong> {DISCLOSURE_RULE_SUMMARY}
        </p>
        <details className="nhsuk-details nhsuk-u-margin-bottom-0">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">The full rule</span>
          </summary>
          <div className="nhsuk-details__text">
            {DISCLOSURE_RULE.map((r) => (
              <p key={r}>{r}</p>
            ))}
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
