import { linearScale, niceAxis } from "~/domain/charts/scale";
import type { CalibrationResult } from "~/domain/demand/calibration";
import type { ProjectionRow } from "~/domain/demand/view";

const INK = "#212b32";
const GRID = "#d8dde0";
const SECONDARY = "#4c6272";
const NEED = "#d5281b";
const SURPLUS = "#007f3b";
const WIDTH = 760;

const whole = (x: number) => Math.round(x).toLocaleString("en-GB");
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export type GapRow = { code: string; name: string; central: number; lower: number; upper: number };

/**
 * Neighbourhoods ranked by expected clients minus capacity: bars to the right (red) are
 * unmet need, to the left (green) surplus capacity; whiskers show the 80% interval.
 */
export function RankedGapChart({ id, title, rows }: { id: string; title: string; rows: GapRow[] }) {
  if (!rows.length) return <p className="nhsuk-body-s">No data to display.</p>;
  const label = 230;
  const row = rows.length > 40 ? 14 : 20;
  const top = 10;
  const height = top + rows.length * row + 40;
  const lo = Math.min(0, ...rows.map((r) => r.lower));
  const hi = Math.max(0, ...rows.map((r) => r.upper));
  const axis = niceAxis(lo, hi === lo ? lo + 1 : hi, 5);
  const x = linearScale(axis.domain, [label, WIDTH - 70]);
  const need = rows.filter((r) => r.central > 0);
  const description = `Bar chart of ${rows.length} neighbourhoods ranked from the most unmet need to the most surplus capacity, in clients a year, with 80% intervals as whiskers. ${need.length} have unmet need${
    need.length ? `; the most is ${need[0].name} with ${whole(need[0].central)} clients a year` : ""
  }. The same figures are in the table below.`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg" id={id}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {axis.ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={top + rows.length * row} stroke={GRID} />
          <text x={x(t)} y={top + rows.length * row + 16} textAnchor="middle" fontSize={12} fill={SECONDARY}>
            {whole(t)}
          </text>
        </g>
      ))}
      <text x={(label + WIDTH - 70) / 2} y={height - 6} textAnchor="middle" fontSize={12} fill={SECONDARY}>
        Expected clients minus capacity, a year (right: unmet need; left: surplus)
      </text>
      {rows.map((r, i) => {
        const y = top + i * row;
        const x0 = x(0);
        const x1 = x(r.central);
        return (
          <g key={r.code}>
            <text x={label - 6} y={y + row / 2 + 4} textAnchor="end" fontSize={row < 20 ? 10 : 12} fill={INK}>
              {clip(r.name, 34)}
            </text>
            <rect x={Math.min(x0, x1)} y={y + 3} width={Math.max(0.5, Math.abs(x1 - x0))} height={row - 6} fill={r.central > 0 ? NEED : SURPLUS}>
              <title>{`${r.name}: ${r.central > 0 ? `unmet need ${whole(r.central)}` : `surplus ${whole(-r.central)}`} clients a year (80% interval ${whole(r.lower)} to ${whole(r.upper)})`}</title>
            </rect>
            <line x1={x(r.lower)} x2={x(r.upper)} y1={y + row / 2} y2={y + row / 2} stroke={INK} strokeWidth={1.2} />
          </g>
        );
      })}
      <line x1={x(0)} x2={x(0)} y1={top} y2={top + rows.length * row} stroke={INK} strokeWidth={1.5} />
    </svg>
  );
}

/**
 * Calibration funnel: observed ÷ expected clients per neighbourhood against the
 * expected count, with 95% (dashed) and 99.8% (solid) Poisson limits around the
 * overall ratio. Points whose observed count is hidden by disclosure control are not drawn.
 */
export function CalibrationFunnel({ id, title, calibration, shown }: { id: string; title: string; calibration: CalibrationResult; shown: Record<string, number | null> }) {
  const points = calibration.rows.filter((r) => r.ratio !== null && shown[r.code] !== null && shown[r.code] !== undefined);
  if (!points.length || !calibration.funnel.length) return <p className="nhsuk-body-s">No neighbourhood has enough observed activity to plot.</p>;
  const height = 400;
  const plot = { left: 60, right: WIDTH - 20, top: 16, bottom: height - 50 };
  const maxX = Math.max(...calibration.funnel.map((f) => f.expected));
  const maxY = Math.min(Math.max(2, ...points.map((p) => (shown[p.code]! / p.expected) * 1.1)), 6);
  const xAxis = niceAxis(0, maxX, 5);
  const yAxis = niceAxis(0, maxY, 5);
  const x = linearScale(xAxis.domain, [plot.left, plot.right]);
  const y = linearScale(yAxis.domain, [plot.bottom, plot.top]);
  const line = (key: "lower95" | "upper95" | "lower998" | "upper998") =>
    calibration.funnel.map((f, i) => `${i ? "L" : "M"}${x(f.expected).toFixed(1)},${y(Math.min(f[key], yAxis.domain[1])).toFixed(1)}`).join("");
  const outside = calibration.rows.filter((r) => r.position.startsWith("above") || r.position.startsWith("below")).length;
  const description = `Funnel plot of ${points.length} neighbourhoods: observed clients divided by the model's expected clients, against expected clients, with 95% and 99.8% limits around the overall ratio of ${calibration.centre.toFixed(2)}. ${outside} lie outside the 95% limits. The same figures are in the table below.`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg" id={id}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <clipPath id={`${id}-clip`}>
          <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} />
        </clipPath>
      </defs>
      {yAxis.ticks.map((t) => (
        <g key={`y${t}`}>
          <line x1={plot.left} x2={plot.right} y1={y(t)} y2={y(t)} stroke={GRID} />
          <text x={plot.left - 6} y={y(t) + 4} textAnchor="end" fontSize={12} fill={SECONDARY}>
            {t.toFixed(1)}
          </text>
        </g>
      ))}
      {xAxis.ticks.map((t) => (
        <text key={`x${t}`} x={x(t)} y={plot.bottom + 16} textAnchor="middle" fontSize={12} fill={SECONDARY}>
          {whole(t)}
        </text>
      ))}
      <text x={(plot.left + plot.right) / 2} y={height - 14} textAnchor="middle" fontSize={12} fill={SECONDARY}>
        Expected clients in the period (model)
      </text>
      <text transform={`translate(14 ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill={SECONDARY}>
        Observed ÷ expected
      </text>
      <g clipPath={`url(#${id}-clip)`} fill="none">
        <path d={line("upper998")} stroke={SECONDARY} strokeWidth={1.5} />
        <path d={line("lower998")} stroke={SECONDARY} strokeWidth={1.5} />
        <path d={line("upper95")} stroke={SECONDARY} strokeWidth={1.5} strokeDasharray="5 4" />
        <path d={line("lower95")} stroke={SECONDARY} strokeWidth={1.5} strokeDasharray="5 4" />
        <line x1={plot.left} x2={plot.right} y1={y(calibration.centre)} y2={y(calibration.centre)} stroke={INK} strokeWidth={2} />
      </g>
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={SECONDARY} />
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={SECONDARY} />
      {points.map((p) => {
        const ratio = shown[p.code]! / p.expected;
        const out = p.position !== "within";
        return (
          <circle key={p.code} cx={x(p.expected)} cy={y(Math.min(ratio, yAxis.domain[1]))} r={4.5} fill={out ? "#005eb8" : "#ffffff"} stroke={INK} strokeWidth={1.2}>
            <title>{`${p.name}: observed ÷ expected ${ratio.toFixed(2)} at ${whole(p.expected)} expected (${p.position.replace(/-/g, " ")})`}</title>
          </circle>
        );
      })}
    </svg>
  );
}

/** Expected clients and capacity by year (bars and line), under the growth assumption. */
export function ProjectionChart({ id, title, rows }: { id: string; title: string; rows: ProjectionRow[] }) {
  if (!rows.length) return null;
  const height = 300;
  const plot = { left: 70, right: WIDTH - 20, top: 16, bottom: height - 60 };
  const axis = niceAxis(0, Math.max(1, ...rows.map((r) => Math.max(r.expectedClients, r.capacityClients))), 5);
  const yScale = linearScale(axis.domain, [plot.bottom, plot.top]);
  const band = (plot.right - plot.left) / rows.length;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const description = `Bar chart of expected clients a year from ${first.year} to ${last.year} (${whole(first.expectedClients)} to ${whole(last.expectedClients)}), with funded capacity (${whole(first.capacityClients)} clients a year) as a line. The same figures are in the table below.`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg" id={id}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {axis.ticks.map((t) => (
        <g key={t}>
          <line x1={plot.left} x2={plot.right} y1={yScale(t)} y2={yScale(t)} stroke={GRID} />
          <text x={plot.left - 6} y={yScale(t) + 4} textAnchor="end" fontSize={12} fill={SECONDARY}>
            {whole(t)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => (
        <g key={r.year}>
          <rect x={plot.left + i * band + band * 0.2} y={yScale(r.expectedClients)} width={band * 0.6} height={plot.bottom - yScale(r.expectedClients)} fill="#005eb8">
            <title>{`${r.year}: ${whole(r.expectedClients)} expected clients`}</title>
          </rect>
          <text x={plot.left + i * band + band / 2} y={plot.bottom + 16} textAnchor="middle" fontSize={12} fill={SECONDARY}>
            {r.year}
          </text>
        </g>
      ))}
      <path d={rows.map((r, i) => `${i ? "L" : "M"}${plot.left + i * band + band / 2},${yScale(r.capacityClients)}`).join("")} stroke={NEED} strokeWidth={2.5} fill="none" strokeDasharray="6 3" />
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={SECONDARY} />
      <g transform={`translate(${plot.left} ${height - 22})`} fontSize={12} fill={INK}>
        <rect width={14} height={14} y={-11} fill="#005eb8" />
        <text x={20}>Expected clients a year</text>
        <line x1={200} x2={230} y1={-4} y2={-4} stroke={NEED} strokeWidth={2.5} strokeDasharray="6 3" />
        <text x={236}>Funded capacity (clients a year)</text>
      </g>
    </svg>
  );
}
