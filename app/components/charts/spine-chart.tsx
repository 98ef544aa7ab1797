import { comparisonSentence, COMPARISON_STYLES, directionOf } from "~/domain/charts/comparison";
import { type SpineInput, spineLayout } from "~/domain/charts/spine";
import { formatDecimal } from "~/domain/format/numbers";
import type { BenchmarkOutcome } from "~/domain/statistics";
import { ChartSvg, clip, INK, keyRows, Marker, SECONDARY, SvgKey } from "./chart-svg";

const RANGE = "#d8dde0";
const INTERQUARTILE = "#8c9ba5";

export type SpineRow = SpineInput & {
  key: string;
  label: string;
  outcome: BenchmarkOutcome;
  decimals: number;
  areaTypeLabel: string;
};

/** One spine: grey bars for the range and middle half of areas, England's line at the centre, the area as a marker. */
function SpineMarks({ row, x, y, width, height }: { row: SpineRow; x: number; y: number; width: number; height: number }) {
  const layout = spineLayout(row);
  if (!layout) return null;
  const at = (f: number) => x + f * width;
  const cy = y + height / 2;
  return (
    <g>
      {layout.range ? <rect x={at(layout.range[0])} y={y + 2} width={Math.max(1, at(layout.range[1]) - at(layout.range[0]))} height={height - 4} fill={RANGE} /> : null}
      {layout.interquartile ? <rect x={at(layout.interquartile[0])} y={y + 2} width={Math.max(1, at(layout.interquartile[1]) - at(layout.interquartile[0]))} height={height - 4} fill={INTERQUARTILE} /> : null}
      <line x1={at(0.5)} x2={at(0.5)} y1={y} y2={y + height} stroke={INK} strokeWidth={2} strokeDasharray={layout.centreIs === "median" ? "3 2" : undefined} />
      {layout.value !== null ? <Marker x={at(layout.value)} y={cy} direction={directionOf(row.outcome, row.polarity)} fill={COMPARISON_STYLES[row.outcome].fill} size={Math.min(7, height / 2 - 1)} /> : null}
    </g>
  );
}

/** Words for one spine, for screen readers and tooltips. */
export function spineText(row: SpineRow): string {
  const layout = spineLayout(row);
  if (!layout) return "No spine: neither England nor other areas have a value.";
  const range = row.min !== null && row.max !== null ? ` Across ${row.areaTypeLabel} in England values run from ${formatDecimal(row.min, row.decimals)} to ${formatDecimal(row.max, row.decimals)}, the middle half from ${formatDecimal(row.q25, row.decimals)} to ${formatDecimal(row.q75, row.decimals)}.` : "";
  const centre = layout.centreIs === "england" ? `England ${formatDecimal(row.england, row.decimals)}` : `median of areas ${formatDecimal(row.median, row.decimals)} (England has no value)`;
  return `This area ${row.value === null ? "has no value" : formatDecimal(row.value, row.decimals)}; ${centre}; ${comparisonSentence(row.outcome, "England").toLowerCase()}.${range}`;
}

/** A spine in a table cell: its own small image with its words. */
export function SpineCell({ row }: { row: SpineRow }) {
  const width = 180;
  const height = 20;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={spineText(row)} className="app-spine">
      <SpineMarks row={row} x={2} y={0} width={width - 4} height={height} />
    </svg>
  );
}

/** The spine chart of a whole profile as one image (the download, and the printed page). */
export function SpineChart({ id, title, rows, areaName, standalone = false }: { id: string; title: string; rows: SpineRow[]; areaName: string; standalone?: boolean }) {
  const width = 900;
  const rowHeight = 22;
  const labelWidth = 420;
  const valueWidth = 120;
  const top = 30;
  const spineX = labelWidth + valueWidth;
  const spineWidth = width - spineX - 16;
  const key = [
    { label: "England (centre)", fill: "none", line: { colour: INK, width: 2 } },
    { label: "Lowest to highest area", fill: RANGE, stroke: RANGE },
    { label: "25th to 75th percentile", fill: INTERQUARTILE, stroke: INTERQUARTILE },
    ...(["better", "similar", "worse", "lower", "higher", "not-compared"] as BenchmarkOutcome[])
      .filter((o) => rows.some((r) => r.outcome === o))
      .map((o) => ({ label: o === "not-compared" ? "Not compared with England" : comparisonSentence(o, "England"), fill: COMPARISON_STYLES[o].fill, stroke: COMPARISON_STYLES[o].stroke })),
    { label: "Above England", fill: "#ffffff", marker: "above" as const },
    { label: "Below England", fill: "#ffffff", marker: "below" as const },
    { label: "Similar", fill: "#ffffff", marker: "similar" as const },
  ];
  const bodyHeight = top + rows.length * rowHeight + 12;
  const height = bodyHeight + keyRows(key, width - 32) * 20 + 8;
  const description = `Spine chart of ${rows.length} indicators for ${areaName}. For each, England's value is the centre line, grey bars show the range and middle half of areas of the same type, and a marker shows ${areaName}'s value, coloured and shaped by its comparison with England. For indicators with a polarity the better end is on the right. The same figures are in the profile table.`;
  return (
    <ChartSvg id={id} title={title} description={description} width={width} height={height} standalone={standalone}>
      <text x={8} y={18} fontWeight="bold">
        Indicator
      </text>
      <text x={labelWidth + valueWidth - 12} y={18} textAnchor="end" fontWeight="bold">
        Value
      </text>
      <text x={spineX} y={18} fill={SECONDARY}>
        Lowest or worst
      </text>
      <text x={spineX + spineWidth} y={18} textAnchor="end" fill={SECONDARY}>
        Highest or best
      </text>
      {rows.map((row, i) => {
        const y = top + i * rowHeight;
        return (
          <g key={row.key}>
            {i % 2 === 0 ? <rect x={0} y={y} width={width} height={rowHeight} fill="#f7f9fa" /> : null}
            <text x={8} y={y + 15}>
              {clip(row.label, 62)}
            </text>
            <text x={labelWidth + valueWidth - 12} y={y + 15} textAnchor="end">
              {row.value === null ? "–" : formatDecimal(row.value, row.decimals)}
            </text>
            <SpineMarks row={row} x={spineX} y={y + 2} width={spineWidth} height={rowHeight - 4} />
          </g>
        );
      })}
      <SvgKey x={16} y={bodyHeight + 4} width={width - 32} items={key} />
    </ChartSvg>
  );
}
