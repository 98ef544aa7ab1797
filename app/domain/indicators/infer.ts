/**
 * Metadata for a Fingertips indicator the catalogue does not know, from what its
 * export shows: the polarity from the published comparisons with England (a figure
 * above England marked "Worse" means low is good), the comparison method from the
 * intervals present. What cannot be read from the file is said to be missing.
 */
import type { Polarity } from "../statistics";
import { OGL, type IndicatorMeta } from "./catalogue";
import type { Figure } from "./figures";

export const COMPARED_TO_ENGLAND = "Compared to England value or percentiles";

const benchmarkKey = (f: Pick<Figure, "period" | "sex" | "age">) => `${f.period}\u001f${f.sex}\u001f${f.age}`;

/** The polarity the published comparisons imply, or null when they imply none. */
export function inferPolarity(figures: readonly Figure[]): Polarity | null {
  const england = new Map<string, number>();
  for (const f of figures) {
    if (f.areaCode === "E92000001" && f.categoryType === "" && f.value !== null) england.set(benchmarkKey(f), f.value);
  }
  let highIsGood = 0;
  let lowIsGood = 0;
  let neutral = 0;
  for (const f of figures) {
    const said = f.published[COMPARED_TO_ENGLAND]?.trim().toLowerCase();
    if (!said) continue;
    if (said === "higher" || said === "lower") {
      neutral++;
      continue;
    }
    if (said !== "better" && said !== "worse") continue;
    const benchmark = england.get(benchmarkKey(f));
    if (benchmark === undefined || f.value === null || f.value === benchmark) continue;
    const above = f.value > benchmark;
    if ((said === "better") === above) highIsGood++;
    else lowIsGood++;
  }
  if (highIsGood + lowIsGood === 0) return neutral > 0 ? "no-judgement" : null;
  // Votes rather than the first row: a figure can sit on the other side of England's
  // value and still be marked by an interval the export rounded.
  return highIsGood >= lowIsGood ? "high-is-good" : "low-is-good";
}

export function inferMetadata(id: string, name: string, figures: readonly Figure[]): IndicatorMeta {
  const polarity = inferPolarity(figures);
  const has95 = figures.some((f) => f.lower95 !== null && f.upper95 !== null);
  const has998 = figures.some((f) => f.lower998 !== null && f.upper998 !== null);
  return {
    id,
    name,
    definition: `Not in the export: see Fingertips indicator ${id} for its definition.`,
    source: `OHID Fingertips indicator ${id} (imported export)`,
    unit: "not stated in the export",
    multiplier: 1,
    valueType: "unknown",
    polarity: polarity ?? "no-judgement",
    comparisonMethod: has95 ? "ci-95" : has998 ? "ci-99.8" : "no-comparison",
    disclosureRule: "As published: figures the source withholds are absent; the product suppresses nothing further",
    caveats: [
      polarity
        ? `Metadata inferred from the export: polarity (${polarity}) from its published comparisons with England.`
        : "Metadata inferred from the export: it states no polarity and makes no better/worse comparison, so none is made (higher, similar or lower).",
      "The unit, multiplier and value type are not in a Fingertips export.",
    ],
    licence: OGL,
    aggregation: "none",
    origin: "fingertips",
  };
}
