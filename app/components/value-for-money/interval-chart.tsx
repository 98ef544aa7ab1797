import { formatCell } from "~/components/hjp-charts/chart-data";
import { linearScale, niceAxis } from "~/domain/charts/scale";
import type { CellFormat } from "~/domain/disclosure/table";

export type IntervalRow = { key: string; label: string; value: number | null; lower: number | null; upper: number | null };

const WIDTH = 640;
const LABEL = 230;
const ROW = 34;

/**
 * A value with its 95% confidence interval per row (a dot and a line), drawn on the
 * server; a hidden value says so. Overlapping intervals mean the difference may be chance.
 */
export function IntervalChart({ id, title, description, rows, format }: { id: string; title: string; description: string; rows: IntervalRow[]; format: CellFormat }) {
  const shown = rows.filter((r) => r.value !== null);
  if (!shown.length) return <p className="nhsuk-body-s app-chart__none">The chart is not drawn: every figure in it is hidden to protect privacy or not known (see the table).</p>;
  const values = shown.flatMap((r) => [r.value!, r.lower ?? r.value!, r.upper ?? r.value!]);
  // A dot plot need not start at zero: the axis spans the intervals, so that they can be told apart.
  const span = Math.max(...values) - Math.min(...values) || Math.abs(values[0]) || 1;
  const [low, high] = [Math.min(...values) - span * 0.1, Math.max(...values) + span * 0.1];
  const axis = format === "percent" ? niceAxis(Math.max(0, low), Math.min(100, high), 5) : niceAxis(low, high, 5);
  const x = linearScale(axis.domain, [LABEL, WIDTH - 24]);
  const height = rows.length * ROW + 36;
  return (
    <figure className="app-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={4} y2={rows.length * ROW + 4} stroke="#d8dde0" />
            <text x={x(t)} y={height - 8} textAnchor="middle" className="app-chart__tick">
              {formatCell(t, format)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const mid = 4 + i * ROW + ROW / 2;
          return (
            <g key={r.key}>
              <text x={LABEL - 8} y={mid + 5} textAnchor="end" className="app-chart__label">
                {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
              </text>
              {r.value === null ? (
                <text x={LABEL + 4} y={mid + 5} className="app-chart__value">
                  * (not shown)
                </text>
              ) : (
                <>
                  {r.lower !== null && r.upper !== null ? <line x1={x(r.lower)} x2={x(r.upper)} y1={mid} y2={mid} stroke="#212b32" strokeWidth={2} /> : null}
                  <circle cx={x(r.value)} cy={mid} r={6} fill="#005eb8" stroke="#212b32" />
                </>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
