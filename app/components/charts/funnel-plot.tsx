import { type FunnelData, funnelLayout, funnelSignificanceText } from "~/domain/charts/funnel";
import { formatCount, formatDecimal } from "~/domain/format/numbers";
import { ChartSvg, clip, GRID, INK, keyRows, Marker, SECONDARY, SvgKey } from "./chart-svg";

const OUTSIDE_998 = "#005eb8";
const OUTSIDE_95 = "#7fafdb";
const WITHIN = "#ffffff";

const fillOf = (significance: string) => (significance.includes("0.001") ? OUTSIDE_998 : significance.includes("0.025") ? OUTSIDE_95 : WITHIN);

/**
 * A funnel plot: each area's value against its size, with 95% (dashed) and 99.8%
 * (solid) control limits around the comparator. Points above the limits are ▲, below
 * ▼, within ●; darker fill means outside the 99.8% limits. The five areas furthest
 * outside are labelled by name.
 */
export function FunnelPlot({
  id,
  title,
  data,
  unit,
  decimals,
  standalone = false,
}: {
  id: string;
  title: string;
  data: Extract<FunnelData, { available: true }>;
  unit: string;
  decimals: number;
  standalone?: boolean;
}) {
  const width = 760;
  const layout = funnelLayout(data, { width, height: 440 });
  const { plot } = layout;
  const key = [
    { label: `${data.baseline.label} (${formatDecimal(data.baseline.value, decimals)})`, fill: "none", line: { colour: INK, width: 2 } },
    { label: "95% limits", fill: "none", line: { colour: SECONDARY, width: 1.5, dash: "5 4" } },
    { label: "99.8% limits", fill: "none", line: { colour: SECONDARY, width: 1.5 } },
    { label: "Above 99.8% limit", fill: OUTSIDE_998, marker: "above" as const },
    { label: "Above 95% limit", fill: OUTSIDE_95, marker: "above" as const },
    { label: "Within limits", fill: WITHIN, marker: "similar" as const },
    { label: "Below 95% limit", fill: OUTSIDE_95, marker: "below" as const },
    { label: "Below 99.8% limit", fill: OUTSIDE_998, marker: "below" as const },
  ];
  const height = layout.height + keyRows(key, width - 32) * 20 + 4;
  const counts = new Map<string, number>();
  for (const p of data.points) counts.set(funnelSignificanceText(p.significance), (counts.get(funnelSignificanceText(p.significance)) ?? 0) + 1);
  // The areas furthest outside the limits are named, skipping any label that would overlap one already placed.
  const placed: { x: number; y: number }[] = [];
  const labelled = new Set<string>();
  for (const p of [...layout.points]
    .filter((p) => p.side !== "within")
    .sort((a, b) => Math.abs(b.y - data.baseline.value) * Math.sqrt(b.x) - Math.abs(a.y - data.baseline.value) * Math.sqrt(a.x))) {
    if (labelled.size >= 5) break;
    if (placed.some((q) => Math.abs(q.y - p.py) < 16 && Math.abs(q.x - p.px) < 150)) continue;
    placed.push({ x: p.px, y: p.py });
    labelled.add(p.code);
  }
  const description = `Funnel plot of ${data.points.length} areas: each area's value (${unit}) against its ${data.xLabel.toLowerCase()}, with 95% and 99.8% control limits around ${data.baseline.label}'s value of ${formatDecimal(data.baseline.value, decimals)}. ${[...counts.entries()]
    .map(([text, n]) => `${n} ${text.toLowerCase().replace(/^within/, "within")}`)
    .join("; ")}. The same figures are in the table below.`;
  return (
    <ChartSvg id={id} title={title} description={description} width={width} height={height} standalone={standalone}>
      <defs>
        <clipPath id={`${id}-plot`}>
          <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} />
        </clipPath>
      </defs>
      {layout.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke={GRID} />
          <text x={plot.left - 8} y={t.y + 4} textAnchor="end" fill={SECONDARY}>
            {t.label}
          </text>
        </g>
      ))}
      {layout.xTicks.map((t) => (
        <g key={`x${t.value}`}>
          <line x1={t.x} x2={t.x} y1={plot.bottom} y2={plot.bottom + 5} stroke={SECONDARY} />
          <text x={t.x} y={plot.bottom + 18} textAnchor="middle" fill={SECONDARY}>
            {formatCount(t.value)}
          </text>
        </g>
      ))}
      <text x={(plot.left + plot.right) / 2} y={plot.bottom + 38} textAnchor="middle" fill={SECONDARY}>
        {data.xLabel}
      </text>
      <text transform={`translate(16 ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle" fill={SECONDARY}>
        {unit}
      </text>
      <g clipPath={`url(#${id}-plot)`} fill="none">
        <path d={layout.paths.upper998} stroke={SECONDARY} strokeWidth={1.5} />
        <path d={layout.paths.lower998} stroke={SECONDARY} strokeWidth={1.5} />
        <path d={layout.paths.upper95} stroke={SECONDARY} strokeWidth={1.5} strokeDasharray="5 4" />
        <path d={layout.paths.lower95} stroke={SECONDARY} strokeWidth={1.5} strokeDasharray="5 4" />
        <line x1={plot.left} x2={plot.right} y1={layout.baselineY} y2={layout.baselineY} stroke={INK} strokeWidth={2} />
      </g>
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={SECONDARY} />
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={SECONDARY} />
      {layout.points.map((p) => (
        <Marker
          key={p.code}
          x={p.px}
          y={p.py}
          direction={p.side === "high" ? "above" : p.side === "low" ? "below" : "similar"}
          fill={fillOf(p.significance)}
          size={5}
          title={`${p.label}: ${formatDecimal(p.y, decimals)} at ${formatCount(p.x)}; ${funnelSignificanceText(p.significance).toLowerCase()}`}
        />
      ))}
      {layout.points
        .filter((p) => labelled.has(p.code))
        .map((p) => (
          <text key={`l${p.code}`} x={p.px + (p.px > plot.right - 160 ? -8 : 8)} y={p.py - 7} textAnchor={p.px > plot.right - 160 ? "end" : "start"} fontSize={12} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
            {clip(p.label, 28)}
          </text>
        ))}
      <SvgKey x={16} y={layout.height + 2} width={width - 32} items={key} />
    </ChartSvg>
  );
}
