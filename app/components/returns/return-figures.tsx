import { formatCount, formatDecimal, formatPence } from "~/domain/format/numbers";
import { HOUSING_OUTCOMES, labelOf, PROBLEM_AREAS, REFERRAL_SOURCES, type Vocabulary } from "~/domain/hjp/vocabularies";
import { FLAG_LABELS, type PlausibilityFlag } from "~/domain/returns/plausibility";
import { type ReturnAggregates, totalReferrals } from "~/domain/returns/measures";
import { TRACKER_STATUSES, type TrackerStatus } from "~/domain/returns/periods";

export function StatusTag({ status }: { status: TrackerStatus }) {
  const s = TRACKER_STATUSES.find((t) => t.code === status)!;
  return <strong className={`nhsuk-tag ${s.tag}`}>{s.label}</strong>;
}

/** Plausibility flags, each saying what it compared: questions to ask, not errors. */
export function FlagList({ flags, heading = "Figures to check" }: { flags: PlausibilityFlag[]; heading?: string }) {
  if (!flags.length) return null;
  return (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </span>
      </h3>
      <ul>
        {flags.map((f) => (
          <li key={f.code + f.measure + f.message}>
            <strong>{FLAG_LABELS[f.code]}:</strong> {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Line = { label: string; value: string };

function breakdown(record: Record<string, number> | null, vocabulary: Vocabulary): Line[] {
  if (!record) return [];
  return Object.entries(record)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => ({ label: labelOf(vocabulary, k) ?? k, value: formatCount(v) }));
}

/**
 * A return's figures as reported, in tables: the partner's own operational figures for
 * the partner and its commissioners, so they are shown exactly (dashboards apply
 * disclosure control to what they publish from them).
 */
export function ReturnFigures({ aggregates: a, idPrefix }: { aggregates: ReturnAggregates; idPrefix: string }) {
  const blank = "Not reported";
  const count = (n: number | null) => (n === null ? blank : formatCount(n));
  const money = (n: number | null) => (n === null ? blank : formatPence(n));
  const sections: { id: string; title: string; lines: Line[] }[] = [
    {
      id: "headline",
      title: "Clients, gains and debt",
      lines: [
        { label: "Clients advised", value: count(a.clientsAdvised) },
        { label: "Referrals (all sources)", value: count(totalReferrals(a)) },
        { label: "Clients with financial gains", value: count(a.clientsWithGains) },
        { label: "Recurring gains a year", value: money(a.gainsRecurringPence) },
        { label: "One-off gains", value: money(a.gainsOneOffPence) },
        { label: "Clients with debt managed or written off", value: count(a.clientsWithDebtOutcome) },
        { label: "Debt managed", value: money(a.debtManagedPence) },
        { label: "Debt written off", value: money(a.debtWrittenOffPence) },
        { label: "Clients with wellbeing scores", value: count(a.wellbeingN) },
        { label: "Average change in SWEMWBS (points)", value: a.wellbeingMeanChange === null ? blank : formatDecimal(a.wellbeingMeanChange, 2) },
      ],
    },
    { id: "sources", title: "Referrals by source", lines: breakdown(a.referralsBySource, REFERRAL_SOURCES) },
    { id: "problems", title: "Problem mix (clients with each kind of problem)", lines: breakdown(a.problemMix, PROBLEM_AREAS as unknown as Vocabulary) },
    { id: "housing", title: "Housing outcomes", lines: breakdown(a.housingOutcomes, HOUSING_OUTCOMES) },
  ];
  return (
    <div className="app-return-figures">
      {sections.map((s) =>
        s.lines.length ? (
          <table className="nhsuk-table" key={s.id} id={`${idPrefix}-${s.id}`}>
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">{s.title}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Measure
                </th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                  Figure
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {s.lines.map((l) => (
                <tr className="nhsuk-table__row" key={l.label}>
                  <th scope="row" className="nhsuk-table__header">
                    {l.label}
                  </th>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{l.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null,
      )}
      {a.caseStudies ? (
        <>
          <h4 className="nhsuk-heading-xs">Case studies</h4>
          <p className="app-preserve-lines">{a.caseStudies}</p>
        </>
      ) : null}
    </div>
  );
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));
export const formatDate = (iso: string) => DATE.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
