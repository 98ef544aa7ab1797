import type { ReactNode } from "react";

/**
 * A chart in the page: its heading, the image, what is worth knowing about it, and
 * links to download it as SVG and its figures as CSV (the selection travels in the
 * query string).
 */
export function ChartFigure({ id, heading, children, note, svgHref, csvHref }: { id: string; heading: string; children: ReactNode; note?: ReactNode; svgHref: string; csvHref: string }) {
  return (
    <figure className="app-ind-chart" id={id} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="nhsuk-heading-s">
        {heading}
      </h3>
      {children}
      <figcaption>
        {note ? <div className="nhsuk-body-s app-ind-chart__note">{note}</div> : null}
        <ul className="app-ind-chart__downloads app-no-print">
          <li>
            <a href={svgHref} download>
              Download this chart (SVG)
              <span className="nhsuk-u-visually-hidden">: {heading}</span>
            </a>
          </li>
          <li>
            <a href={csvHref} download>
              Download its figures (CSV)
              <span className="nhsuk-u-visually-hidden">: {heading}</span>
            </a>
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
