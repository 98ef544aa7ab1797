import { Link } from "@remix-run/react";
import { DisclosedTableView } from "~/components/hjp-charts/disclosed-table";
import { seriesFromTable } from "~/components/hjp-charts/chart-data";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { TrendChart } from "~/components/hjp-charts/trend-chart";
import { DISCLOSURE_RULE_SUMMARY } from "~/domain/disclosure/rule";
import type { PartnerOverview } from "~/services/returns/tracker.server";
import { formatDate } from "./return-figures";
import { ReturnsTable } from "./returns-table";

/** A VCSE partner's home page: what is due, late and queried, then their own delivery. */
export function PartnerHome({ overview: o }: { overview: PartnerOverview }) {
  const series = seriesFromTable(o.delivery, [
    { key: "referrals", name: "Referrals" },
    { key: "advised", name: "Clients advised" },
  ]);
  return (
    <>
      <span className="nhsuk-caption-l">{o.organisationName}</span>
      <h1>Your reporting</h1>
      <SyntheticBanner synthetic={o.synthetic} />
      <ul className="nhsuk-list app-return-counts" aria-label="Your returns at a glance">
        <li>
          <strong>{o.queried.length}</strong> queried by the ICB
        </li>
        <li>
          <strong>{o.late.length}</strong> late
        </li>
        <li>
          <strong>{o.due.length}</strong> due
        </li>
        <li>
          <strong>{o.submitted.length}</strong> waiting for the ICB&apos;s review
        </li>
      </ul>
      {o.next ? (
        <p>
          The next returns, for {o.next.label}, will be due on {formatDate(o.next.dueDate)}.
        </p>
      ) : null}
      {o.queried.length ? (
        <>
          <h2 id="queried">Queried by the ICB</h2>
          <p>The ICB has asked you to check these. Open each to see the question, correct the figures and submit again.</p>
          <ReturnsTable id="queried-returns" rows={o.queried} caption="Returns the ICB has queried" showOrganisation={false} />
        </>
      ) : null}
      {o.late.length ? (
        <>
          <h2 id="late">Late</h2>
          <ReturnsTable id="late-returns" rows={o.late} caption="Returns past their due date" showOrganisation={false} />
        </>
      ) : null}
      {o.due.length ? (
        <>
          <h2 id="due">Due</h2>
          <ReturnsTable id="due-returns" rows={o.due} caption="Returns to send" showOrganisation={false} />
        </>
      ) : null}
      <p>
        <Link to="/returns">All your returns</Link>
      </p>
      <h2 id="delivery">Your delivery</h2>
      <TrendChart
        id="chart-delivery"
        title="Referrals and clients advised by quarter"
        description={`Line chart of referrals and clients advised by your services in each of the last ${series.categories.length} complete quarters. The figures are in the table below.`}
        categories={series.categories}
        series={series.series}
      />
      <DisclosedTableView table={o.delivery} downloadHref="/returns/delivery" />
      <p className="nhsuk-body-s">{DISCLOSURE_RULE_SUMMARY}</p>
    </>
  );
}
