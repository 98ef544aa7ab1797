import { comparisonSentence, COMPARISON_STYLES, directionOf, outcomesFor } from "~/domain/charts/comparison";
import { type TrendPoint, type TrendSeries, trendLayout } from "~/domain/charts/trend";
import { formatDecimal } from "~/domain/format/numbers";
import type { Polarity } from "~/domain/statistics";
import { ChartSvg, clip, GRID, INK, keyRows, Marker, outcomeKey, SECONDARY, SvgKey } from "./chart-svg";

const SERIES_DASH = ["6 4", "2 3"];

/**
 * An area's values over time: markers coloured and shaped by the comparison with
 * England in each period, 95% intervals as whiskers, and England (and the
 * comparator) as dashed lines.
 */
export function TrendChart({
  id,
  title,
  areaName,
  periods,
  points,
  benchmarks,
  polarity,
  unit,
  decimals,
  standalone = false,
}: {
  id: string;
  title: string;
  areaName: string;
  periods: string[];
  points: TrendPoint[];
  benchmarks: TrendSeries[];
  polarity: Polarity;
  unit: string;
  decimals: number;
  standalone?: boolean;
}) {
  const width = 760;
  const layout = trendLayout({ periods, points, benchmarks, width, height: 380 });
  const { plot } = layout;
  const outcomes = outcomesFor(polarity).filter((o) => points.some((p) => p.outcome === o));
  const key = [
    { label: areaName, fill: "none", line: { colour: INK, width: 2.5 } },
    ...benchmarks.map((b, i) => ({ label: b.label, fill: "none", line: { colour: SECONDARY, width: 2, dash: SERIES_DASH[i % 2] } })),
    ...outcomeKey(id, outcomes, "England", (o) => directionOf(o, polarity)),
    { label: "95% confidence interval", fill: "none", line: { colour: INK, width: 1.2 } },
  ];
  const height = layout.height + keyRows(key, width - 32) * 20 + 8;
  const withValue = points.filter((p) => p.value !== null);
  const first = withValue[0];
  const last = withValue.at(-1);
  const description = `Line chart of ${areaName}'s values (${unit}) over ${periods.length} periods, from ${periods[0]} to ${periods.at(-1)}${
    first && last ? `: ${formatDecimal(first.value, decimals)} in ${first.period} and ${formatDecimal(last.value, decimals)} in ${last.period}` : ""
  }, with ${benchmarks.map((b) => b.label).join(" and ")} for comparison. Each point is marked by its comparison with England. The same figures are in the table below.`;
  const step = periods.length > 1 ? (plot.right - plot.left) / (periods.length - 1) : 200;
  const rotate = step < 64;
  return (
    <ChartSvg id={id} title={title} description={description} width={width} height={height} standalone={standalone}>
      {layout.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke={GRID} />
          <text x={plot.left - 8} y={t.y + 4} textAnchor="end" fill={SECONDARY}>
            {t.label}
          </text>
        </g>
      ))}
      {layout.periods.map((p) => (
        <text
          key={p.period}
          x={p.x}
          y={plot.bottom + 18}
          textAnchor={rotate ? "end" : "middle"}
          transform={rotate ? `rotate(-35 ${p.x} ${plot.bottom + 18})` : undefined}
          fill={SECONDARY}
          fontSize={12}
        >
          {p.period}
        </text>
      ))}
      <text transform={`translate(16 ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle" fill={SECONDARY}>
        {unit}
      </text>
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={SECONDARY} />
      {layout.benchmarks.map((b, i) => (
        <g key={b.key}>
          <path d={b.path} fill="none" stroke={SECONDARY} strokeWidth={2} strokeDasharray={SERIES_DASH[i % 2]} />
          {b.last ? (
            <text x={b.last.x + 8} y={b.last.y + 4 + i * 14} fill={SECONDARY} fontSize={12}>
              {clip(b.label, 16)}
            </text>
          ) : null}
        </g>
      ))}
      <path d={layout.line} fill="none" stroke={INK} strokeWidth={2.5} />
      {layout.points.map((p) =>
        p.y === null ? null : (
          <g key={p.period}>
            {p.whisker ? (
              <g stroke={INK} strokeWidth={1.2}>
                <line x1={p.x} x2={p.x} y1={p.whisker.y1} y2={p.whisker.y2} />
                <line x1={p.x - 4} x2={p.x + 4} y1={p.whisker.y1} y2={p.whisker.y1} />
                <line x1={p.x - 4} x2={p.x + 4} y1={p.whisker.y2} y2={p.whisker.y2} />
              </g>
            ) : null}
            <Marker
              x={p.x}
              y={p.y}
              direction={directionOf(p.outcome, polarity)}
              fill={COMPARISON_STYLES[p.outcome].fill}
              size={6}
              title={`${p.period}: ${formatDecimal(p.value, decimals)}, ${comparisonSentence(p.outcome, "England").toLowerCase()}`}
            />
          </g>
        ),
      )}
      <SvgKey x={16} y={layout.height + 4} width={width - 32} items={key} />
    </ChartSvg>
  );
}
