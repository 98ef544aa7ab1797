import { ChartSvg, clip, GRID, INK, SECONDARY } from "~/components/charts/chart-svg";
import { formatTick } from "~/components/hjp-charts/chart-data";
import { linearScale, niceAxis } from "~/domain/charts/scale";
import { QUADRANTS } from "~/domain/value-for-money/quadrant";
import type { VfmQuadrant } from "~/services/value-for-money/view-types";

const WIDTH = 720;
const HEIGHT = 460;
const PLOT = { left: 88, right: WIDTH - 24, top: 24, bottom: HEIGHT - 64 };

/** Shapes as well as colours tell the quadrants apart. */
const STYLE: Record<string, { fill: string; shape: "circle" | "square" | "diamond" | "triangle" }> = {
  "low-spend-high-outcome": { fill: "#007f3b", shape: "circle" },
  "high-spend-high-outcome": { fill: "#005eb8", shape: "square" },
  "low-spend-low-outcome": { fill: "#ffb81c", shape: "diamond" },
  "high-spend-low-outcome": { fill: "#d5281b", shape: "triangle" },
};

function Shape({ x, y, shape, fill, title }: { x: number; y: number; shape: string; fill: string; title: string }) {
  const s = 6;
  const common = { fill, stroke: INK, strokeWidth: 1 };
  const body =
    shape === "circle" ? (
      <circle cx={x} cy={y} r={s} {...common} />
    ) : shape === "square" ? (
      <rect x={x - s} y={y - s} width={2 * s} height={2 * s} {...common} />
    ) : shape === "diamond" ? (
      <path d={`M${x},${y - s - 1}L${x + s + 1},${y}L${x},${y + s + 1}L${x - s - 1},${y}Z`} {...common} />
    ) : (
      <path d={`M${x},${y - s - 1}L${x + s + 1},${y + s}L${x - s - 1},${y + s}Z`} {...common} />
    );
  return (
    <g>
      <title>{title}</title>
      {body}
    </g>
  );
}

/**
 * The SPOT-style quadrant: spend per 1,000 adults (across) against income gained per
 * 1,000 adults (up), with the footprint's own averages as the crossing lines. Each
 * quadrant is named in the corners; every point is labelled and listed in the table.
 */
export function QuadrantChart({ id, title, quadrant }: { id: string; title: string; quadrant: VfmQuadrant }) {
  if (!quadrant.points.length) return <p className="nhsuk-body-s app-chart__none">The chart is not drawn: no area has both figures to show (see the table).</p>;
  const xs = [...quadrant.points.map((p) => p.spend), quadrant.crossing.spend];
  const ys = [...quadrant.points.map((p) => p.outcome), quadrant.crossing.outcome];
  const xAxis = niceAxis(0, Math.max(...xs) * 1.05 || 1, 5);
  const yAxis = niceAxis(0, Math.max(...ys) * 1.05 || 1, 5);
  const x = linearScale(xAxis.domain, [PLOT.left, PLOT.right]);
  const y = linearScale(yAxis.domain, [PLOT.bottom, PLOT.top]);
  const cx = x(quadrant.crossing.spend);
  const cy = y(quadrant.crossing.outcome);
  const counts = QUADRANTS.map((q) => `${quadrant.points.filter((p) => p.quadrant === q.key).length} ${q.label.toLowerCase()}`).join("; ");
  const description = `Scatter chart of ${quadrant.points.length} ${quadrant.areaKind === "place" ? "places" : "neighbourhoods"}: spend per 1,000 registered adults across, income clients gained per 1,000 adults up, with lines at the ${quadrant.crossingLabel} (${formatTick(quadrant.crossing.spend, "pence")} spent and ${formatTick(quadrant.crossing.outcome, "pence")} gained per 1,000 adults). ${counts}. ${quadrant.excluded.length ? `${quadrant.excluded.length} not plotted (see the table). ` : ""}The same figures are in the table below.`;
  const corner = (key: string, px: number, py: number, anchor: "start" | "end") => (
    <text x={px} y={py} textAnchor={anchor} fill={SECONDARY} fontSize={12}>
      {QUADRANTS.find((q) => q.key === key)!.label}
    </text>
  );
  return (
    <ChartSvg id={id} title={title} description={description} width={WIDTH} height={HEIGHT}>
      {yAxis.ticks.map((t) => (
        <g key={`y${t}`}>
          <line x1={PLOT.left} x2={PLOT.right} y1={y(t)} y2={y(t)} stroke={GRID} />
          <text x={PLOT.left - 8} y={y(t) + 4} textAnchor="end" fill={SECONDARY}>
            {formatTick(t, "pence")}
          </text>
        </g>
      ))}
      {xAxis.ticks.map((t) => (
        <g key={`x${t}`}>
          <line x1={x(t)} x2={x(t)} y1={PLOT.bottom} y2={PLOT.bottom + 5} stroke={SECONDARY} />
          <text x={x(t)} y={PLOT.bottom + 18} textAnchor="middle" fill={SECONDARY}>
            {formatTick(t, "pence")}
          </text>
        </g>
      ))}
      <text x={(PLOT.left + PLOT.right) / 2} y={PLOT.bottom + 40} textAnchor="middle" fill={SECONDARY}>
        Spend per 1,000 registered adults
      </text>
      <text transform={`translate(18 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`} textAnchor="middle" fill={SECONDARY}>
        Income gained per 1,000 adults
      </text>
      <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} stroke={SECONDARY} />
      <line x1={PLOT.left} x2={PLOT.left} y1={PLOT.top} y2={PLOT.bottom} stroke={SECONDARY} />
      <line x1={cx} x2={cx} y1={PLOT.top} y2={PLOT.bottom} stroke={INK} strokeWidth={1.5} strokeDasharray="6 4" />
      <line x1={PLOT.left} x2={PLOT.right} y1={cy} y2={cy} stroke={INK} strokeWidth={1.5} strokeDasharray="6 4" />
      {corner("low-spend-high-outcome", PLOT.left + 6, PLOT.top + 12, "start")}
      {corner("high-spend-high-outcome", PLOT.right - 6, PLOT.top + 12, "end")}
      {corner("low-spend-low-outcome", PLOT.left + 6, PLOT.bottom - 8, "start")}
      {corner("high-spend-low-outcome", PLOT.right - 6, PLOT.bottom - 8, "end")}
      {quadrant.points.map((p) => {
        const style = STYLE[p.quadrant];
        const px = x(p.spend);
        const py = y(p.outcome);
        const right = px > PLOT.right - 150;
        return (
          <g key={p.key}>
            <Shape x={px} y={py} shape={style.shape} fill={style.fill} title={`${p.label}: ${formatTick(p.spend, "pence")} spent and ${formatTick(p.outcome, "pence")} gained per 1,000 adults`} />
            <text x={px + (right ? -10 : 10)} y={py + 4} textAnchor={right ? "end" : "start"} fontSize={12} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
              {clip(p.label, 24)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}

/** The quadrants in words, with the shape each is drawn with. */
export function QuadrantKey() {
  return (
    <dl className="app-vfm-quadrant-key">
      {QUADRANTS.map((q) => (
        <div key={q.key}>
          <dt>
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <Shape x={8} y={8} shape={STYLE[q.key].shape} fill={STYLE[q.key].fill} title="" />
            </svg>
            {q.label}
          </dt>
          <dd>{q.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
