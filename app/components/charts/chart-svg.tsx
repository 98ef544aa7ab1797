import type { ReactNode } from "react";
import { type ComparisonStyle, COMPARISON_STYLES, type Direction } from "~/domain/charts/comparison";
import type { BenchmarkOutcome } from "~/domain/statistics";

export const FONT = "Frutiger W01, Arial, Helvetica, sans-serif";
export const INK = "#212b32";
export const SECONDARY = "#4c6272";
export const GRID = "#d8dde0";

/**
 * The root of every chart: an image with a title and a description (read by screen
 * readers through aria-labelledby), in the page or as a downloaded SVG file. In the
 * page it scales to its column; as a file it keeps its size and carries its fonts.
 */
export function ChartSvg({
  id,
  title,
  description,
  width,
  height,
  standalone = false,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  standalone?: boolean;
  children: ReactNode;
}) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={standalone ? width : "100%"}
      height={standalone ? height : undefined}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="app-ind-chart__svg"
      fontFamily={FONT}
      fontSize={13}
      fill={INK}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {standalone ? <rect x={0} y={0} width={width} height={height} fill="#ffffff" /> : null}
      <PatternDefs id={id} />
      {children}
    </svg>
  );
}

/** Hatching drawn over a fill, so that categories differ in texture as well as colour. */
export function PatternDefs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-stripes`} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
        <line x1={0} y1={0} x2={0} y2={6} stroke={INK} strokeWidth={1.2} strokeOpacity={0.55} />
      </pattern>
      <pattern id={`${id}-dots`} patternUnits="userSpaceOnUse" width={6} height={6}>
        <circle cx={3} cy={3} r={1.1} fill="#ffffff" fillOpacity={0.9} />
      </pattern>
      <pattern id={`${id}-cross`} patternUnits="userSpaceOnUse" width={8} height={8}>
        <path d="M0,0L8,8M8,0L0,8" stroke="#768692" strokeWidth={0.8} />
      </pattern>
    </defs>
  );
}

export function patternUrl(id: string, style: ComparisonStyle): string | null {
  return style.pattern === "none" ? null : `url(#${id}-${style.pattern})`;
}

/** A filled shape for an outcome, with its pattern laid over it (the overlay carries no tooltip of its own). */
export function OutcomeFill({ id, outcome, children }: { id: string; outcome: BenchmarkOutcome; children: (fill: string, stroke: string, overlay: boolean) => ReactNode }) {
  const style = COMPARISON_STYLES[outcome];
  const pattern = patternUrl(id, style);
  return (
    <>
      {children(style.fill, style.stroke, false)}
      {pattern ? <g pointerEvents="none">{children(pattern, "none", true)}</g> : null}
    </>
  );
}

/** A marker whose shape says where the value lies: ▲ above the benchmark, ▼ below, ● similar, ◇ not compared. */
export function Marker({ x, y, direction, fill, stroke = INK, size = 6, title }: { x: number; y: number; direction: Direction; fill: string; stroke?: string; size?: number; title?: string }) {
  const t = title ? <title>{title}</title> : null;
  if (direction === "above") {
    return (
      <path d={`M${x},${y - size}L${x + size},${y + size * 0.8}L${x - size},${y + size * 0.8}Z`} fill={fill} stroke={stroke} strokeWidth={1}>
        {t}
      </path>
    );
  }
  if (direction === "below") {
    return (
      <path d={`M${x},${y + size}L${x + size},${y - size * 0.8}L${x - size},${y - size * 0.8}Z`} fill={fill} stroke={stroke} strokeWidth={1}>
        {t}
      </path>
    );
  }
  if (direction === "none") {
    return (
      <path d={`M${x},${y - size}L${x + size},${y}L${x},${y + size}L${x - size},${y}Z`} fill={fill} stroke={stroke} strokeWidth={1}>
        {t}
      </path>
    );
  }
  return (
    <circle cx={x} cy={y} r={size * 0.8} fill={fill} stroke={stroke} strokeWidth={1}>
      {t}
    </circle>
  );
}

/** Text that is cut with an ellipsis when longer than a rough character budget (SVG text does not wrap). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export type KeyItem = { label: string; fill: string; stroke?: string; pattern?: string | null; marker?: Direction; line?: { dash?: string; colour: string; width?: number } };

/** The key of a chart, drawn inside it so a downloaded or printed chart still explains itself. Wraps onto new rows. */
export function SvgKey({ x, y, width, items }: { x: number; y: number; width: number; items: KeyItem[] }) {
  let cx = x;
  let cy = y;
  const placed = items.map((item) => {
    const w = 28 + item.label.length * 6.6;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += 20;
    }
    const at = { item, x: cx, y: cy };
    cx += w + 14;
    return at;
  });
  return (
    <g aria-hidden="true">
      {placed.map(({ item, x: px, y: py }) => (
        <g key={item.label}>
          {item.line ? (
            <line x1={px} x2={px + 20} y1={py} y2={py} stroke={item.line.colour} strokeWidth={item.line.width ?? 2} strokeDasharray={item.line.dash} />
          ) : item.marker ? (
            <Marker x={px + 8} y={py} direction={item.marker} fill={item.fill} stroke={item.stroke ?? INK} size={6} />
          ) : (
            <>
              <rect x={px} y={py - 7} width={20} height={14} fill={item.fill} stroke={item.stroke ?? SECONDARY} />
              {item.pattern ? <rect x={px} y={py - 7} width={20} height={14} fill={item.pattern} /> : null}
            </>
          )}
          <text x={px + 26} y={py + 4.5}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** How many rows SvgKey needs for these items, to size a chart before drawing it. */
export function keyRows(items: { label: string }[], width: number): number {
  let cx = 0;
  let rows = items.length ? 1 : 0;
  for (const item of items) {
    const w = 28 + item.label.length * 6.6;
    if (cx + w > width && cx > 0) {
      cx = 0;
      rows++;
    }
    cx += w + 14;
  }
  return rows;
}

/** Key items for the comparison outcomes an indicator can take. */
export function outcomeKey(id: string, outcomes: BenchmarkOutcome[], benchmark: string, marker?: (o: BenchmarkOutcome) => Direction): KeyItem[] {
  return outcomes.map((o) => {
    const style = COMPARISON_STYLES[o];
    return {
      label: o === "not-compared" ? "Not compared" : `${style.label} than ${benchmark}`.replace("Similar than", "Similar to"),
      fill: style.fill,
      stroke: style.stroke,
      pattern: marker ? null : patternUrl(id, style),
      marker: marker?.(o),
    };
  });
}
