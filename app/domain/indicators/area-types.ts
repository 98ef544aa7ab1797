/**
 * Area types as sources name them ("Counties & UAs (from Apr 2023)", "ICB
 * sub-locations", "GPs") reduced to stable slugs, so a figure can be asked for by
 * area type whatever the export's vintage called it.
 *
 * Local-authority types are decided by the code, not the label: Fingertips puts a
 * unitary authority under both "Counties & UAs" and "Districts & UAs", and the same
 * authority must not become two areas. So E10 is a county, E07 a district, and
 * E06, E08 and E09 (unitaries, metropolitan districts, London boroughs) are "ua".
 */

/** The footprint levels of the areas table; imported areas never take these names. */
export const FOOTPRINT_LEVELS = ["icb", "sub-icb", "place", "neighbourhood"] as const;

/** Slugs that stand for a set of area types (a unitary is both upper and lower tier). */
export const AREA_TYPE_FAMILIES: Record<string, readonly string[]> = {
  "county-ua": ["county", "ua"],
  "upper-tier": ["county", "ua"],
  "district-ua": ["district", "ua"],
  "lower-tier": ["district", "ua"],
  "local-authority": ["county", "district", "ua"],
};

const slugify = (label: string) =>
  label
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** The local-authority type a code stands for, or null if it is not an authority code. */
export function localAuthorityType(code: string): "county" | "district" | "ua" | "metropolitan-county" | null {
  if (/^E10\d{6}$/.test(code)) return "county";
  if (/^E07\d{6}$/.test(code)) return "district";
  if (/^(E06|E08|E09|W06)\d{6}$/.test(code)) return "ua";
  if (/^E11\d{6}$/.test(code)) return "metropolitan-county";
  return null;
}

/** The type an ONS or ODS code implies, for parents a file names but never lists as areas. */
export function areaTypeFromCode(code: string): string {
  if (code === "E92000001") return "england";
  if (/^E12\d{6}$/.test(code)) return "region";
  if (/^E40\d{6}$/.test(code)) return "nhs-region";
  if (/^E54\d{6}$/.test(code)) return "icb";
  if (/^E38\d{6}$/.test(code)) return "sub-icb";
  if (/^E47\d{6}$/.test(code)) return "combined-authority";
  if (/^U\d{5}$/.test(code)) return "pcn";
  if (/^[A-Z]\d{5}$/.test(code)) return "gp-practice";
  return localAuthorityType(code) ?? "unknown";
}

const LOCAL_AUTHORITY_LABEL = /count(y|ies)|\buas?\b|unitar|district|tier|local authorit|london borough|metropolitan/i;

/**
 * The slug of an area type label for one area. Known NHS and statistical types get
 * fixed slugs; local-authority types go by the code (see above); anything else is the
 * label slugified, so an unfamiliar type still loads and can be asked for.
 */
export function areaTypeSlug(label: string, code: string): string {
  const l = label.trim();
  if (/^england$/i.test(l) || (/^country$/i.test(l) && code === "E92000001")) return "england";
  if (/nhs\s*(england\s*)?region/i.test(l)) return "nhs-region";
  if (/phe centre|ukhsa/i.test(l)) return "phe-centre";
  if (/region/i.test(l)) return "region";
  if (/sub.?icb|icb sub/i.test(l)) return "sub-icb";
  if (/\bicbs?\b|integrated care board/i.test(l)) return "icb";
  if (/\bccgs?\b/i.test(l)) return "ccg";
  if (/\bstps?\b/i.test(l)) return "stp";
  if (/\bpcns?\b|primary care network/i.test(l)) return "pcn";
  if (/^gps?$|gp practice|general practice/i.test(l)) return "gp-practice";
  if (/combined authorit/i.test(l)) return "combined-authority";
  if (LOCAL_AUTHORITY_LABEL.test(l)) return localAuthorityType(code) ?? slugify(l);
  return slugify(l) || "unknown";
}

/**
 * The area types an `areaType=` query asks for: a family ("county-ua") gives its
 * members; a source's label ("Counties & UAs", "ICB sub-locations") is read the way
 * the importer reads it; any other value is taken as a slug.
 */
export function areaTypesForQuery(query: string): string[] {
  const q = query.trim();
  const slug = slugify(q);
  if (AREA_TYPE_FAMILIES[slug]) return [...AREA_TYPE_FAMILIES[slug]];
  if (/count(y|ies).*\buas?\b|upper tier/i.test(q)) return [...AREA_TYPE_FAMILIES["county-ua"]];
  if (/district.*\buas?\b|lower tier/i.test(q)) return [...AREA_TYPE_FAMILIES["district-ua"]];
  return [areaTypeSlug(q, "")];
}

/** The `level` an imported area is recorded with: its type, kept apart from the footprint levels. */
export function importedAreaLevel(slug: string): string {
  return (FOOTPRINT_LEVELS as readonly string[]).includes(slug) ? `other-${slug}` : slug;
}
