import { comparisonSentence, COMPARISON_STYLES, directionOf, outcomesFor, summariseOutcomes } from "~/domain/charts/comparison";
import { type BenchmarkLine, type RankedDatum, rankedLayout } from "~/domain/charts/ranked";
import { formatDecimal } from "~/domain/format/numbers";
import type { Polarity } from "~/domain/statistics";
import { ChartSvg, clip, GRID, INK, keyRows, Marker, OutcomeFill, outcomeKey, SECONDARY, SvgKey } from "./chart-svg";

const BENCHMARK_DASH = ["6 3", "2 3", "10 3 2 3"];

/**
 * Areas ranked by value, each with its 95% interval as a whisker, coloured, patterned
 * (bars) or shaped (dots) by its comparison, with benchmark values as dashed lines.
 * Bars start at zero; the dot chart zooms in on the values (used for many PCNs).
 */
export function RankedChart({
  id,
  title,
  data,
  benchmarks,
  comparator,
  polarity,
  unit,
  decimals,
  mode = "bar",
  standalone = false,
}: {
  id: string;
  title: string;
  data: RankedDatum[];
  benchmarks: BenchmarkLine[];
  /** The benchmark the colours compare with. */
  comparator: string;
  polarity: Polarity;
  unit: string;
  decimals: number;
  mode?: "bar" | "dot";
  standalone?: boolean;
}) {
  const width = 760;
  const layout = rankedLayout({ data, benchmarks, width, labelWidth: 230, rowHeight: mode === "dot" || data.length > 30 ? 16 : 20, fromZero: mode === "bar", top: 16 + benchmarks.filter((b) => b.value !== null).length * 14, bottom: 44, rightMargin: 78 });
  const outcomes = outcomesFor(polarity).filter((o) => data.some((d) => d.outcome === o));
  const key = [
    ...outcomeKey(id, outcomes, comparator, mode === "dot" ? (o) => directionOf(o, polarity) : undefined),
    { label: "95% confidence interval", fill: "none", line: { colour: INK, width: 1.5 } },
    ...layout.benchmarks.map((b, i) => ({ label: `${b.label} (${formatDecimal(b.value, decimals)})`, fill: "none", line: { colour: SECONDARY, dash: BENCHMARK_DASH[i % 3], width: 2 } })),
  ];
  const height = layout.height + keyRows(key, width - 32) * 20 + 8;
  const ranked = layout.rows.filter((r) => r.value !== null);
  const description = `${mode === "bar" ? "Bar chart" : "Dot chart"} of ${data.length} areas ranked from the highest value (${unit}) to the lowest, with 95% confidence intervals as whiskers${
    layout.benchmarks.length ? ` and ${layout.benchmarks.map((b) => `${b.label} at ${formatDecimal(b.value, decimals)}`).join(" and ")} as dashed lines` : ""
  }. ${ranked.length ? `Highest: ${ranked[0].label} ${formatDecimal(ranked[0].value, decimals)}; lowest: ${ranked.at(-1)!.label} ${formatDecimal(ranked.at(-1)!.value, decimals)}. ` : ""}${summariseOutcomes(
    data.map((d) => d.outcome),
    polarity,
    comparator,
  )} The same figures are in the table below.`;
  const { plot } = layout;
  return (
    <ChartSvg id={id} title={title} description={description} width={width} height={height} standalone={standalone}>
      {layout.ticks.map((t) => (
        <g key={t.value}>
          <line x1={t.x} x2={t.x} y1={plot.top} y2={plot.bottom} stroke={GRID} />
          <text x={t.x} y={plot.bottom + 16} textAnchor="middle" fill={SECONDARY}>
            {t.label}
          </text>
        </g>
      ))}
      <text x={(plot.left + plot.right) / 2} y={plot.bottom + 34} textAnchor="middle" fill={SECONDARY}>
        {unit}
      </text>
      {layout.rows.map((r) => {
        const sentence = comparisonSentence(r.outcome, comparator);
        const label = `${r.label}: ${r.value === null ? "no value" : formatDecimal(r.value, decimals)}${r.lower !== null && r.upper !== null ? ` (95% CI ${formatDecimal(r.lower, decimals)} to ${formatDecimal(r.upper, decimals)})` : ""}, ${sentence.toLowerCase()}`;
        return (
          <g key={r.code}>
            <text x={plot.left - 8} y={r.cy + 4} textAnchor="end">
              {clip(r.label, 30)}
            </text>
            {mode === "bar" && r.bar ? (
              <OutcomeFill id={id} outcome={r.outcome}>
                {(fill, stroke, overlay) => (
                  <rect x={r.bar!.x} y={r.y + 3} width={Math.max(r.bar!.width, 0.5)} height={layout.rowHeight - 6} fill={fill} stroke={stroke}>
                    {overlay ? null : <title>{label}</title>}
                  </rect>
                )}
              </OutcomeFill>
            ) : null}
            {r.whisker ? (
              <g stroke={INK} strokeWidth={1.5}>
                <line x1={r.whisker.x1} x2={r.whisker.x2} y1={r.cy} y2={r.cy} />
                <line x1={r.whisker.x1} x2={r.whisker.x1} y1={r.cy - 4} y2={r.cy + 4} />
                <line x1={r.whisker.x2} x2={r.whisker.x2} y1={r.cy - 4} y2={r.cy + 4} />
              </g>
            ) : null}
            {mode === "dot" && r.dot ? (
              <Marker x={r.dot.x} y={r.cy} direction={directionOf(r.outcome, polarity)} fill={COMPARISON_STYLES[r.outcome].fill} size={5} title={label} />
            ) : null}
            <text x={plot.right + 8} y={r.cy + 4} fill={SECONDARY}>
              {r.value === null ? "no value" : formatDecimal(r.value, decimals)}
            </text>
          </g>
        );
      })}
      {layout.benchmarks.map((b, i) => (
        <g key={b.key}>
          <line x1={b.x} x2={b.x} y1={plot.top - 2} y2={plot.bottom} stroke={SECONDARY} strokeWidth={2} strokeDasharray={BENCHMARK_DASH[i % 3]} />
          <text x={b.x} y={plot.top - 6 - (layout.benchmarks.length - 1 - i) * 14} textAnchor={b.x > plot.right - 120 ? "end" : "start"} fill={SECONDARY}>
            {b.label} {formatDecimal(b.value, decimals)}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={SECONDARY} />
      <SvgKey x={16} y={layout.height + 4} width={width - 32} items={key} />
    </ChartSvg>
  );
}
