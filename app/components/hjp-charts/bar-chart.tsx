import { linearScale, niceAxis } from "~/domain/charts/scale";
import { type Bar, formatTick, noChartText, wrapLabel } from "./chart-data";

const WIDTH = 640;
const LABEL_WIDTH = 250;
const ROW = 34;
const LINE = 15;
const TOP = 8;

/**
 * A horizontal bar chart drawn on the server as SVG: an image with a title and a
 * description, always beside the table that holds the same figures. A hidden figure
 * (`*`) has no bar and says so.
 */
export function BarChart({ id, title, description, bars, colour = "#005eb8" }: { id: string; title: string; description: string; bars: Bar[]; colour?: string }) {
  if (!bars.length) return <p className="nhsuk-body-s">No data to display.</p>;
  if (!bars.some((b) => b.value !== null && b.value > 0)) return <p className="nhsuk-body-s app-chart__none">{noChartText(bars.map((b) => b.value))}</p>;
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const axis = niceAxis(0, max || 1, 4);
  const x = linearScale(axis.domain, [LABEL_WIDTH, WIDTH - 80]);
  const rows = bars.map((b) => ({ ...b, lines: wrapLabel(b.label, 34).slice(0, 2) }));
  const height = TOP + rows.length * ROW + 24;
  return (
    <figure className="app-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP} y2={TOP + rows.length * ROW} stroke="#d8dde0" />
            <text x={x(t)} y={height - 6} textAnchor="middle" className="app-chart__tick">
              {formatTick(t, bars[0].format)}
            </text>
          </g>
        ))}
        {rows.map((b, i) => {
          const y = TOP + i * ROW;
          const mid = y + ROW / 2;
          return (
            <g key={b.key}>
              <text x={LABEL_WIDTH - 8} y={mid - ((b.lines.length - 1) * LINE) / 2 + 5} textAnchor="end" className="app-chart__label">
                {b.lines.map((line, k) => (
                  <tspan key={k} x={LABEL_WIDTH - 8} dy={k === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              {b.value === null ? (
                <text x={LABEL_WIDTH + 4} y={mid + 5} className="app-chart__value">
                  * (not shown)
                </text>
              ) : (
                <>
                  <rect x={LABEL_WIDTH} y={y + 6} width={Math.max(0, x(b.value) - LABEL_WIDTH)} height={ROW - 12} fill={colour} />
                  <text x={x(b.value) + 4} y={mid + 5} className="app-chart__value">
                    {b.text}
                  </text>
                </>
              )}
            </g>
          );
        })}
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={TOP} y2={TOP + rows.length * ROW} stroke="#4c6272" />
      </svg>
    </figure>
  );
}
