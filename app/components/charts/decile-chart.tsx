import { decileLayout, type QuantileFigure } from "~/domain/charts/inequality";
import { formatDecimal } from "~/domain/format/numbers";
import { ChartSvg, GRID, INK, keyRows, SECONDARY, SvgKey } from "./chart-svg";

const BAR = "#005eb8";

/**
 * An indicator by deprivation decile (1 = most deprived, on the left): bars from zero
 * with 95% intervals, the slope index of inequality's fitted line, and benchmark lines.
 */
export function DecileChart({
  id,
  title,
  figures,
  of,
  fitted,
  benchmarks = [],
  unit,
  decimals,
  siiText,
  standalone = false,
}: {
  id: string;
  title: string;
  figures: QuantileFigure[];
  of: 5 | 10;
  fitted: { quantile: number; value: number }[] | null;
  benchmarks?: { key: string; label: string; value: number | null }[];
  unit: string;
  decimals: number;
  siiText: string;
  standalone?: boolean;
}) {
  const width = 760;
  const layout = decileLayout({ figures, of, fitted, benchmarks, width, height: 360 });
  const { plot } = layout;
  const word = of === 10 ? "decile" : "quintile";
  const key = [
    { label: `Value by ${word}`, fill: BAR, stroke: BAR },
    { label: "95% confidence interval", fill: "none", line: { colour: INK, width: 1.5 } },
    ...(layout.fitted ? [{ label: "Slope index of inequality (fitted line)", fill: "none", line: { colour: "#d5281b", width: 2.5 } }] : []),
    ...layout.benchmarks.map((b) => ({ label: `${b.label} (${formatDecimal(b.value, decimals)})`, fill: "none", line: { colour: SECONDARY, width: 2, dash: "6 3" } })),
  ];
  const height = layout.height + keyRows(key, width - 32) * 20 + 8;
  const description = `Bar chart of the indicator (${unit}) by deprivation ${word}, from the most deprived (1, left) to the least deprived (${of}, right): ${figures
    .map((f) => `${word} ${f.quantile} ${formatDecimal(f.value, decimals)}`)
    .join("; ")}. ${siiText} The same figures are in the table below.`;
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
      <text transform={`translate(16 ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle" fill={SECONDARY}>
        {unit}
      </text>
      {layout.bars.map((b) => (
        <g key={b.quantile}>
          {b.value !== null ? (
            <rect x={b.x} y={b.y} width={layout.bandWidth * 0.7} height={Math.max(b.height, 0.5)} fill={BAR}>
              <title>{`${word} ${b.quantile}: ${formatDecimal(b.value, decimals)}`}</title>
            </rect>
          ) : (
            <text x={b.cx} y={plot.bottom - 6} textAnchor="middle" fill={SECONDARY} fontSize={11}>
              none
            </text>
          )}
          {b.whisker ? (
            <g stroke={INK} strokeWidth={1.5}>
              <line x1={b.cx} x2={b.cx} y1={b.whisker.y1} y2={b.whisker.y2} />
              <line x1={b.cx - 5} x2={b.cx + 5} y1={b.whisker.y1} y2={b.whisker.y1} />
              <line x1={b.cx - 5} x2={b.cx + 5} y1={b.whisker.y2} y2={b.whisker.y2} />
            </g>
          ) : null}
          <text x={b.cx} y={plot.bottom + 18} textAnchor="middle" fill={SECONDARY}>
            {b.quantile}
          </text>
        </g>
      ))}
      <text x={plot.left} y={plot.bottom + 38} fill={SECONDARY}>
        ← most deprived
      </text>
      <text x={plot.right} y={plot.bottom + 38} textAnchor="end" fill={SECONDARY}>
        least deprived →
      </text>
      <text x={(plot.left + plot.right) / 2} y={plot.bottom + 38} textAnchor="middle" fill={SECONDARY}>
        Deprivation {word}
      </text>
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={SECONDARY} />
      {layout.benchmarks.map((b) => (
        <line key={b.key} x1={plot.left} x2={plot.right} y1={b.y} y2={b.y} stroke={SECONDARY} strokeWidth={2} strokeDasharray="6 3" />
      ))}
      {layout.fitted ? <path d={layout.fitted} fill="none" stroke="#d5281b" strokeWidth={2.5} /> : null}
      <SvgKey x={16} y={layout.height + 4} width={width - 32} items={key} />
    </ChartSvg>
  );
}
