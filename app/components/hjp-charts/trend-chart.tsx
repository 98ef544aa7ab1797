import { linearScale, niceAxis } from "~/domain/charts/scale";
import { noChartText, quarterTick, type Series } from "./chart-data";

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 56;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 56;

/** Distinguishable without colour: solid and dashed lines, circles and squares. */
const STYLES = [
  { colour: "#005eb8", dash: undefined, marker: "circle" },
  { colour: "#007f3b", dash: "6 4", marker: "square" },
] as const;

/**
 * Lines over quarters, drawn on the server as SVG with a title, description and key; a
 * hidden point (`*` in the table) is a gap in its line.
 */
export function TrendChart({ id, title, description, categories, series }: { id: string; title: string; description: string; categories: string[]; series: Series[] }) {
  if (!categories.length) return <p className="nhsuk-body-s">No data to display.</p>;
  if (!series.some((s) => s.values.some((v) => v !== null && v > 0))) return <p className="nhsuk-body-s app-chart__none">{noChartText(series.flatMap((s) => s.values))}</p>;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const axis = niceAxis(0, Math.max(1, ...values), 5);
  const x = linearScale([0, Math.max(1, categories.length - 1)], [LEFT + 12, WIDTH - RIGHT - 12]);
  const y = linearScale(axis.domain, [HEIGHT - BOTTOM, TOP]);
  const segments = (vals: (number | null)[]) => {
    const out: string[] = [];
    let current = "";
    vals.forEach((v, i) => {
      if (v === null) {
        if (current) out.push(current);
        current = "";
        return;
      }
      current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    if (current) out.push(current);
    return out;
  };
  return (
    <figure className="app-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} stroke="#d8dde0" />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="app-chart__tick">
              {t.toLocaleString("en-GB")}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#4c6272" />
        {categories.map((c, i) => {
          const [quarter, year] = quarterTick(c, i);
          return (
            <text key={c} x={x(i)} y={HEIGHT - BOTTOM + 18} textAnchor="middle" className="app-chart__tick">
              <tspan x={x(i)}>{quarter}</tspan>
              {year ? (
                <tspan x={x(i)} dy={16}>
                  {year}
                </tspan>
              ) : null}
            </text>
          );
        })}
        {series.map((s, k) => {
          const style = STYLES[k % STYLES.length];
          return (
            <g key={s.name}>
              {segments(s.values).map((d, j) => (
                <path key={j} d={d} fill="none" stroke={style.colour} strokeWidth={2.5} strokeDasharray={style.dash} />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : style.marker === "circle" ? (
                  <circle key={i} cx={x(i)} cy={y(v)} r={3.5} fill={style.colour} />
                ) : (
                  <rect key={i} x={x(i) - 3.5} y={y(v) - 3.5} width={7} height={7} fill={style.colour} />
                )
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="app-chart__legend" aria-label="Chart key">
          {series.map((s, k) => (
            <li key={s.name}>
              <svg width="28" height="12" aria-hidden="true" focusable="false">
                <line x1="0" x2="28" y1="6" y2="6" stroke={STYLES[k % STYLES.length].colour} strokeWidth="2.5" strokeDasharray={STYLES[k % STYLES.length].dash} />
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
