/**
 * Deprivation categories for maps: national deciles (1 = most deprived) grouped into
 * quintiles, with a colour-blind-safe sequential palette (ColorBrewer PuBu, darkest =
 * most deprived). Colour is never the only signal: every map sits beside a table.
 */
export const DEPRIVATION_QUINTILES = [
  { key: "1", label: "Most deprived fifth (deciles 1–2)", colour: "#045a8d" },
  { key: "2", label: "Deciles 3–4", colour: "#2b8cbe" },
  { key: "3", label: "Deciles 5–6", colour: "#74a9cf" },
  { key: "4", label: "Deciles 7–8", colour: "#bdc9e1" },
  { key: "5", label: "Least deprived fifth (deciles 9–10)", colour: "#f1eef6" },
] as const;

export function quintileOfDecile(decile: number | null | undefined): string | null {
  if (!decile || decile < 1 || decile > 10) return null;
  return String(Math.ceil(decile / 2));
}
