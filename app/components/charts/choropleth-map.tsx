import { comparisonSentence, COMPARISON_STYLES, directionOf, outcomesFor, summariseOutcomes } from "~/domain/charts/comparison";
import type { ChoroplethGeometry } from "~/domain/charts/map-layout";
import type { BenchmarkOutcome, Polarity } from "~/domain/statistics";
import { ChartSvg, clip, INK, keyRows, Marker, OutcomeFill, outcomeKey, SvgKey } from "./chart-svg";

/**
 * A map of the same categories as the chart beside it: areas filled with the
 * comparison colour and its hatching; areas with no official boundary (PCNs) as
 * points shaped by the comparison (▲ above, ▼ below, ● similar). Every shape has a
 * tooltip; the table of the same figures sits beside the map.
 */
export function ChoroplethMap({
  id,
  title,
  geometry,
  areas,
  pointAreas,
  comparator,
  polarity,
  standalone = false,
}: {
  id: string;
  title: string;
  geometry: ChoroplethGeometry;
  areas: { code: string; name: string; outcome: BenchmarkOutcome; valueText: string }[];
  pointAreas: Record<string, string>;
  comparator: string;
  polarity: Polarity;
  standalone?: boolean;
}) {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const outcomes = outcomesFor(polarity).filter((o) => areas.some((a) => a.outcome === o));
  const hasPoints = geometry.points.length > 0;
  const key = outcomeKey(id, outcomes, comparator, hasPoints ? (o) => directionOf(o, polarity) : undefined);
  const { width } = geometry;
  const height = geometry.height + keyRows(key, width - 24) * 20 + 8;
  const clipId = `${id}-clip`;
  const describe = (code: string) => {
    const a = byCode.get(code);
    return a ? `${a.name}: ${a.valueText}, ${comparisonSentence(a.outcome, comparator).toLowerCase()}` : code;
  };
  const description = `Map of ${areas.length} areas${hasPoints ? " (primary care networks drawn as points at their practices' location, as they have no official boundaries)" : ""}, each coloured${hasPoints ? " and shaped" : " and hatched"} by its comparison with ${comparator}. ${summariseOutcomes(
    areas.map((a) => a.outcome),
    polarity,
    comparator,
  )} The same figures are in the table below.`;
  return (
    <ChartSvg id={id} title={title} description={description} width={width} height={height} standalone={standalone}>
      {geometry.outline ? (
        <defs>
          <clipPath id={clipId}>
            <path d={geometry.outline} />
          </clipPath>
        </defs>
      ) : null}
      <g clipPath={geometry.outline ? `url(#${clipId})` : undefined}>
        {geometry.background.map((s) => (
          <path key={`bg${s.code}`} d={s.d} fill="#f0f4f5" stroke="#aeb7bd" strokeWidth={1} />
        ))}
        {geometry.shapes.map((s) => {
          const area = byCode.get(s.code);
          return (
            <OutcomeFill key={s.code} id={id} outcome={area?.outcome ?? "not-compared"}>
              {(fill, stroke, overlay) => (
                <path d={s.d} fill={fill} stroke={stroke === "none" ? "none" : "#ffffff"} strokeWidth={1.5}>
                  {overlay ? null : <title>{describe(s.code)}</title>}
                </path>
              )}
            </OutcomeFill>
          );
        })}
      </g>
      {geometry.outline ? <path d={geometry.outline} fill="none" stroke={INK} strokeWidth={2} /> : null}
      {geometry.shapes.length <= 25
        ? geometry.shapes.map((s) =>
            s.label ? (
              <text key={`label${s.code}`} x={s.label.x} y={s.label.y} textAnchor="middle" fontSize={11} fontWeight="bold" stroke="#ffffff" strokeWidth={3} paintOrder="stroke" aria-hidden="true">
                {clip(byCode.get(s.code)?.name ?? s.code, 20)}
              </text>
            ) : null,
          )
        : null}
      {geometry.points.map((p) => {
        const code = pointAreas[p.code] ?? p.code;
        const area = byCode.get(code);
        const outcome = area?.outcome ?? "not-compared";
        return <Marker key={p.code} x={p.x} y={p.y} direction={directionOf(outcome, polarity)} fill={COMPARISON_STYLES[outcome].fill} size={6} title={describe(code)} />;
      })}
      <SvgKey x={12} y={geometry.height + 6} width={width - 24} items={key} />
    </ChartSvg>
  );
}
