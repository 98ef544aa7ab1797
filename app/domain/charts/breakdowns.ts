/**
 * Which breakdown of an indicator a view shows when the address does not say: the
 * latest period, persons, the broadest age and the overall figure (no category);
 * and, for an area profile, which section an indicator belongs to.
 */

export type Breakdown = { indicatorId: string; period: string; periodStart: string; sex: string; age: string };

/** "All ages" first, then open-ended ages from the youngest ("18+ yrs" before "65+ yrs"), then bands. */
function ageRank(age: string): [number, number, string] {
  if (/^all ages$/i.test(age.trim())) return [0, 0, age];
  const open = age.match(/^(\d+)\s*\+/);
  if (open) return [1, Number(open[1]), age];
  const band = age.match(/^(\d+)/);
  return [2, band ? Number(band[1]) : 999, age];
}

export function compareAges(a: string, b: string): number {
  const [x, y] = [ageRank(a), ageRank(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
}

/**
 * The headline figures of an area: per indicator, its latest period (or the chosen
 * one); persons where the source has persons, otherwise each sex (life expectancy
 * is published for men and women); and the broadest age.
 */
export function headlineBreakdowns<T extends Breakdown>(figures: readonly T[], period?: string): T[] {
  const byIndicator = new Map<string, T[]>();
  for (const f of figures) byIndicator.set(f.indicatorId, [...(byIndicator.get(f.indicatorId) ?? []), f]);
  const out: T[] = [];
  for (const list of byIndicator.values()) {
    const inPeriod = period ? list.filter((f) => f.period === period) : list;
    if (!inPeriod.length) continue;
    const latest = inPeriod.reduce((m, f) => (f.periodStart > m ? f.periodStart : m), "");
    const current = inPeriod.filter((f) => f.periodStart === latest);
    const persons = current.filter((f) => /^persons$/i.test(f.sex));
    const sexes = persons.length ? persons : current;
    const bySex = new Map<string, T[]>();
    for (const f of sexes) bySex.set(f.sex, [...(bySex.get(f.sex) ?? []), f]);
    for (const sex of [...bySex.keys()].sort((a, b) => (/^female/i.test(a) ? 1 : 0) - (/^female/i.test(b) ? 1 : 0) || a.localeCompare(b))) {
      const ages = bySex.get(sex)!.sort((a, b) => compareAges(a.age, b.age));
      out.push(ages[0]);
    }
  }
  return out;
}

export const PROFILE_SECTIONS = [
  "Recorded prevalence (QOF 2022-23)",
  "Modelled prevalence estimates",
  "Life expectancy and mortality",
  "Population and deprivation",
  "Other indicators",
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

export function profileSection(meta: { id: string; valueType: string; source: string; name: string }): ProfileSection {
  if (meta.id.startsWith("qof-")) return "Recorded prevalence (QOF 2022-23)";
  if (/modelled/i.test(meta.source) || /^estimated prevalence/i.test(meta.name)) return "Modelled prevalence estimates";
  if (meta.valueType === "life-expectancy" || /mortality|deaths/i.test(meta.name)) return "Life expectancy and mortality";
  if (meta.id.startsWith("census-") || /depriv/i.test(meta.name)) return "Population and deprivation";
  return "Other indicators";
}

export type Available = { period: string; periodStart: string; sex: string; age: string; categoryType: string; category: string };

export type ChosenBreakdown = {
  period: string;
  sex: string;
  age: string;
  categoryType: string;
  category: string;
  /** What could be chosen instead, for the selection form. */
  periods: string[];
  sexAges: { sex: string; age: string }[];
  categories: { categoryType: string; category: string }[];
};

const sexOrder = (s: string) => (/^persons$/i.test(s) ? 0 : /^male$/i.test(s) ? 1 : /^female$/i.test(s) ? 2 : 3);

/**
 * The breakdown asked for where it exists, otherwise the default: the latest period,
 * persons (else the first sex), the broadest age, the overall figure (else the first
 * category). Null when nothing is available.
 */
export function chooseBreakdown(available: readonly Available[], asked: Partial<Omit<Available, "periodStart">>): ChosenBreakdown | null {
  if (!available.length) return null;
  const starts = new Map<string, string>();
  for (const a of available) if (!starts.has(a.period) || a.periodStart < starts.get(a.period)!) starts.set(a.period, a.periodStart);
  const periods = [...starts.keys()].sort((a, b) => starts.get(a)!.localeCompare(starts.get(b)!) || a.localeCompare(b));
  const period = asked.period && starts.has(asked.period) ? asked.period : periods.at(-1)!;
  const inPeriod = available.filter((a) => a.period === period);
  const pairs = new Map<string, { sex: string; age: string }>();
  for (const a of inPeriod) pairs.set(`${a.sex}\u001f${a.age}`, { sex: a.sex, age: a.age });
  const sexAges = [...pairs.values()].sort((a, b) => sexOrder(a.sex) - sexOrder(b.sex) || a.sex.localeCompare(b.sex) || compareAges(a.age, b.age));
  const sex = asked.sex && sexAges.some((p) => p.sex === asked.sex) ? asked.sex : sexAges[0].sex;
  const ages = sexAges.filter((p) => p.sex === sex);
  const age = asked.age && ages.some((p) => p.age === asked.age) ? asked.age : ages[0].age;
  const cats = new Map<string, { categoryType: string; category: string }>();
  for (const a of inPeriod) if (a.sex === sex && a.age === age) cats.set(`${a.categoryType}\u001f${a.category}`, { categoryType: a.categoryType, category: a.category });
  const categories = [...cats.values()].sort((a, b) => (a.categoryType === "" ? -1 : 0) - (b.categoryType === "" ? -1 : 0) || a.categoryType.localeCompare(b.categoryType) || a.category.localeCompare(b.category));
  const askedCategory = categories.find((c) => c.categoryType === (asked.categoryType ?? "") && c.category === (asked.category ?? ""));
  const chosen = askedCategory ?? categories[0];
  return { period, sex, age, categoryType: chosen.categoryType, category: chosen.category, periods, sexAges, categories };
}

const AREA_TYPE_PLURALS: Record<string, string> = {
  pcn: "primary care networks",
  place: "places",
  ua: "unitary authorities",
  county: "counties",
  district: "districts",
  icb: "ICBs",
  "sub-icb": "sub-ICB locations",
  region: "regions",
  "gp-practice": "GP practices",
};

/** "primary care networks" for pcn: what the spine's range is taken across. */
export function areaTypePlural(slug: string): string {
  return AREA_TYPE_PLURALS[slug] ?? `${slug.replace(/-/g, " ")} areas`;
}
