import { useEffect, useRef } from "react";

export type SummaryError = { href: string; text: string };

/**
 * NHS.UK error summary: "There is a problem", each message linking to its field.
 * Focus moves here on a failed submit so screen-reader users hear it first.
 */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.href + e.text).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {errors.map((e) => (
            <li key={e.href + e.text}>
              <a href={e.href}>{e.text}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
