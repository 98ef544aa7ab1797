import { date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Indicator metadata: what a figure measures, where it comes from and how it may be
 * compared. Fingertips indicators keep their Fingertips id ("93881"); figures the
 * product derives from reference data have a readable id ("qof-dep").
 */
export const indicators = pgTable("indicators", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  definition: text("definition").notNull(),
  /** Publisher and dataset, e.g. "OHID Fingertips (Active Lives Adult Survey, Sport England)". */
  source: text("source").notNull(),
  /** What the figures were loaded from (bundled file, imported export). */
  sourceFile: text("source_file"),
  /** Unit of the value as shown, e.g. "%", "per 100,000", "years", "score". */
  unit: text("unit").notNull(),
  /** Value = count / denominator × multiplier (100 for percentages, 100,000 for rates, 1 otherwise). */
  multiplier: doublePrecision("multiplier").notNull(),
  valueType: text("value_type", {
    enum: ["proportion", "crude-rate", "directly-standardised-rate", "life-expectancy", "score", "unknown"],
  }).notNull(),
  /** As in the source's metadata (STATISTICS.md §8.1): prevalence carries no judgement. */
  polarity: text("polarity", { enum: ["high-is-good", "low-is-good", "no-judgement", "not-applicable"] }).notNull(),
  comparisonMethod: text("comparison_method", { enum: ["ci-95", "ci-99.8", "ci-two-level", "no-comparison"] }).notNull(),
  disclosureRule: text("disclosure_rule").notNull(),
  caveats: jsonb("caveats").$type<string[]>().notNull().default([]),
  licence: text("licence").notNull(),
  /** How the product may combine areas' rows into a larger area (a custom place): by count and denominator, by weight, or not at all. */
  aggregation: text("aggregation", { enum: ["proportion", "weighted-mean", "none"] }).notNull(),
  /** fingertips: a Fingertips export; extract: a reshaped extract; ons: an ONS table; derived: computed by the product from reference data. */
  origin: text("origin", { enum: ["fingertips", "extract", "ons", "derived"] }).notNull(),
  /** What the source does not hold ("confidence intervals", "counts", …): marked, never invented. */
  lacks: jsonb("lacks").$type<string[]>().notNull().default([]),
  /** Quirks of the source met while loading, each with the rule applied and how often. */
  quirks: jsonb("quirks").$type<{ rule: string; count: number; examples?: string[] }[]>().notNull().default([]),
  /** Whether the metadata came from the product's catalogue or was inferred from the file. */
  metadataBasis: text("metadata_basis", { enum: ["catalogue", "inferred"] }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One figure: an indicator's value for an area, period, sex, age and category. Figures
 * imported as published keep the published value and intervals; figures the product
 * aggregates carry intervals it computed from count and denominator (flag "computed").
 * No foreign key to areas either: the geography rebuild replaces reference areas wholesale.
 */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: serial("id").primaryKey(),
    // No foreign key to indicators: on the embedded database its per-row check
    // doubled the time to load the bundled figures; the store writes an indicator's
    // metadata before its figures and deletes both together.
    indicatorId: text("indicator_id").notNull(),
    areaCode: text("area_code").notNull(),
    /** The area type the figure was published or computed for (slug: england, region, icb, sub-icb, county, ua, district, place, pcn, gp-practice, …). */
    areaType: text("area_type").notNull(),
    /** The parent the source names (Fingertips "Parent Code"), or the footprint parent for derived figures. */
    parentCode: text("parent_code"),
    period: text("period").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    sex: text("sex").notNull(),
    age: text("age").notNull(),
    categoryType: text("category_type").notNull().default(""),
    category: text("category").notNull().default(""),
    count: doublePrecision("count"),
    denominator: doublePrecision("denominator"),
    value: doublePrecision("value"),
    lower95: doublePrecision("lower95"),
    upper95: doublePrecision("upper95"),
    lower998: doublePrecision("lower998"),
    upper998: doublePrecision("upper998"),
    valueNote: text("value_note"),
    /** What is marked about this figure, e.g. "no-interval-published", "computed", "register-exceeds-list". */
    flags: jsonb("flags").$type<string[]>().notNull().default([]),
    /** The source's other columns as published (comparisons, trend, sortable period, …). */
    published: jsonb("published").$type<Record<string, string>>(),
    /**
     * The importer or derived step that wrote the row and the checksum of what it read:
     * with import_runs (source, sha256) this names the file and when it was loaded.
     */
    source: text("source").notNull(),
    sourceSha256: text("source_sha256"),
    sourceLine: integer("source_line"),
  },
  (t) => [
    uniqueIndex("indicator_values_key").on(t.indicatorId, t.areaCode, t.period, t.sex, t.age, t.categoryType, t.category),
    index("indicator_values_area_type_idx").on(t.indicatorId, t.areaType),
  ],
);

export type Indicator = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
export type NewIndicatorValue = typeof indicatorValues.$inferInsert;
