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
 * Where each point's name goes: to the right of the point, else to the left, above or
 * below, whichever first clears the names already placed (points nearest the top first).
 * A name that fits nowhere is left off; every point is named in the table and its tooltip.
 */
function labelPositions(points: { key: string; text: string; x: number; y: number }[]) {
  const placed: { key: string; text: string; x: number; y: number; anchor: "start" | "end"; box: [number, number, number, number] }[] = [];
  const width = (t: string) => t.length * 6.5;
  for (const p of [...points].sort((a, b) => a.y - b.y)) {
    const w = width(p.text);
    const options: { x: number; y: number; anchor: "start" | "end" }[] = [
      { x: p.x + 10, y: p.y + 4, anchor: "start" },
      { x: p.x - 10, y: p.y + 4, anchor: "end" },
      { x: p.x + 8, y: p.y - 10, anchor: "start" },
      { x: p.x + 8, y: p.y + 18, anchor: "start" },
    ];
    for (const o of options) {
      const left = o.anchor === "start" ? o.x : o.x - w;
      const box: [number, number, number, number] = [left, o.y - 11, left + w, o.y + 3];
      const inside = box[0] >= PLOT.left && box[2] <= PLOT.right && box[1] >= PLOT.top && box[3] <= PLOT.bottom;
      const clash = placed.some((q) => box[0] < q.box[2] && box[2] > q.box[0] && box[1] < q.box[3] && box[3] > q.box[1]);
      if (inside && !clash) {
        placed.push({ key: p.key, text: p.text, ...o, box });
        break;
      }
    }
  }
  return placed;
}

/**
 * The SPOT-style quadrant: spend per 1,000 adults (across) against income gained per
 * 1,000 adults (up), with the footprint's own averages as the crossing lines. Each
 * quadrant is named in the corners; points are named where there is room, and all are in the table.
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
        return <Shape key={p.key} x={x(p.spend)} y={y(p.outcome)} shape={style.shape} fill={style.fill} title={`${p.label}: ${formatTick(p.spend, "pence")} spent and ${formatTick(p.outcome, "pence")} gained per 1,000 adults`} />;
      })}
      {labelPositions(quadrant.points.map((p) => ({ key: p.key, text: clip(p.label, 24), x: x(p.spend), y: y(p.outcome) }))).map((l) => (
        <text key={`l${l.key}`} x={l.x} y={l.y} textAnchor={l.anchor} fontSize={12} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
          {l.text}
        </text>
      ))}
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
