import type { ProjectedMap } from "~/domain/maps/projection";

export type MapCategory = { key: string; label: string; colour: string };

/**
 * A server-rendered SVG map: areas filled by category (with a legend), and points
 * (PCNs, which have no official boundaries) drawn as circles. The map is an image
 * with a text alternative; the page always shows a table of the same numbers.
 */
export function AreaMap({
  title,
  description,
  map,
  shapes,
  points,
  categories,
  pointLabel = "Primary care network (at its practices' locations)",
}: {
  title: string;
  description: string;
  /** Shapes and points already projected on the server (no map library reaches the browser). */
  map: ProjectedMap;
  shapes: { code: string; name: string; category: string | null }[];
  points: { code: string; name: string }[];
  categories: MapCategory[];
  pointLabel?: string;
}) {
  const { width, height } = map;
  const colourOf = new Map(categories.map((c) => [c.key, c.colour]));
  const nameOf = new Map([...shapes, ...points].map((s) => [s.code, s.name]));
  const categoryOf = new Map(shapes.map((s) => [s.code, s.category]));
  const clipId = `clip-${title.replace(/[^a-z0-9]/gi, "").slice(0, 24)}`;
  return (
    <figure className="app-map">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${clipId}-title ${clipId}-desc`} className="app-map__svg">
        <title id={`${clipId}-title`}>{title}</title>
        <desc id={`${clipId}-desc`}>{description}</desc>
        {map.outline ? (
          <defs>
            <clipPath id={clipId}>
              <path d={map.outline} />
            </clipPath>
          </defs>
        ) : null}
        {/* Authorities split between ICBs extend beyond it: the ICB's outline clips them. */}
        <g clipPath={map.outline ? `url(#${clipId})` : undefined}>
          {map.shapes.map((s) => (
            <path key={s.code} d={s.d} fill={colourOf.get(categoryOf.get(s.code) ?? "") ?? "#d8dde0"} stroke="#ffffff" strokeWidth={1.5}>
              <title>{nameOf.get(s.code)}</title>
            </path>
          ))}
        </g>
        {map.outline ? <path d={map.outline} fill="none" stroke="#212b32" strokeWidth={2} /> : null}
        {map.points.map((p) => (
          <circle key={p.code} cx={p.x} cy={p.y} r={4} fill="#212b32" stroke="#ffffff" strokeWidth={1.2}>
            <title>{nameOf.get(p.code)}</title>
          </circle>
        ))}
      </svg>
      <figcaption>
        <ul className="app-map__legend" aria-label="Map key">
          {categories.map((c) => (
            <li key={c.key}>
              <span className="app-map__swatch" style={{ background: c.colour }} aria-hidden="true" />
              {c.label}
            </li>
          ))}
          {points.length ? (
            <li>
              <span className="app-map__dot" aria-hidden="true" />
              {pointLabel}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}
