import { comparisonSentence, COMPARISON_STYLES, directionOf, outcomesFor } from "~/domain/charts/comparison";
import type { BenchmarkOutcome, Polarity } from "~/domain/statistics";

const SYMBOL = { above: "▲", below: "▼", similar: "●", none: "◇" } as const;

/**
 * A comparison as a coloured tag with a symbol and words ("▲ Higher"), so that the
 * colour is never the only signal; screen readers hear the full sentence.
 */
export function OutcomeTag({ outcome, polarity, benchmark }: { outcome: BenchmarkOutcome; polarity: Polarity; benchmark: string }) {
  const style = COMPARISON_STYLES[outcome];
  return (
    <span className={`app-outcome app-outcome--${outcome}`}>
      <span aria-hidden="true">
        {SYMBOL[directionOf(outcome, polarity)]} {style.label}
      </span>
      <span className="nhsuk-u-visually-hidden">{comparisonSentence(outcome, benchmark)}</span>
    </span>
  );
}

/** The key to the tags, in words: what each colour and symbol means for this indicator. */
export function OutcomeKey({ polarity, benchmark, method }: { polarity: Polarity; benchmark: string; method: string }) {
  const outcomes = outcomesFor(polarity);
  return (
    <div className="app-outcome-key">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        {method === "no-comparison" ? "This indicator is not compared with a benchmark." : `Compared with ${benchmark} by whether the area's ${method === "ci-99.8" ? "99.8%" : "95%"} confidence interval includes ${benchmark}'s value:`}
      </p>
      <ul className="app-outcome-key__list">
        {outcomes.map((o) => (
          <li key={o}>
            <OutcomeTag outcome={o} polarity={polarity} benchmark={benchmark} />{" "}
            <span className="nhsuk-body-s">{o === "not-compared" ? "no interval or no benchmark value" : comparisonSentence(o, benchmark).replace(/^\w+ /, (w) => w.toLowerCase())}</span>
          </li>
        ))}
      </ul>
      {polarity === "no-judgement" ? <p className="nhsuk-body-s">This indicator carries no judgement: higher is not better or worse.</p> : null}
    </div>
  );
}
