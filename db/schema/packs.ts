import { relations, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";

export const PACK_STATUSES = ["draft", "published"] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

/**
 * A strategy evidence pack: the figures, charts and narrative an integrated care
 * partnership pastes into its strategy or joint forward plan, for a whole ICB or one of
 * its places. What it shows lives in its versions; the pack is the thing people share.
 */
export const packs = pgTable(
  "packs",
  {
    id: serial("id").primaryKey(),
    icbCode: text("icb_code").notNull(),
    /** Null for a whole-system pack. */
    placeCode: text("place_code"),
    title: text("title").notNull(),
    status: text("status", { enum: PACK_STATUSES }).notNull().default("draft"),
    /** VCSE organisations that may read the published pack. */
    sharedWithOrganisationIds: integer("shared_with_organisation_ids").array().notNull().default(sql`'{}'::integer[]`),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [index("packs_icb_idx").on(t.icbCode)],
);

/**
 * Every save of a pack is a new version (who, when, which sections with which options
 * and narrative). Publishing stores the figures of every section with the version, so a
 * published pack shows what it showed on the day, whatever is imported later.
 */
export const packVersions = pgTable(
  "pack_versions",
  {
    id: serial("id").primaryKey(),
    packId: integer("pack_id")
      .notNull()
      .references(() => packs.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    authorId: integer("author_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The chosen sections: kind, options and narrative text (validated by app/domain/packs). */
    sections: jsonb("sections").notNull(),
    /** The frozen figures of every section, set when this version is published. */
    snapshot: jsonb("snapshot"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("pack_versions_pack_version_key").on(t.packId, t.version),
    check("pack_versions_snapshot_when_published", sql`(${t.publishedAt} is null) = (${t.snapshot} is null)`),
  ],
);

export const packsRelations = relations(packs, ({ many }) => ({ versions: many(packVersions) }));
export const packVersionsRelations = relations(packVersions, ({ one }) => ({ pack: one(packs, { fields: [packVersions.packId], references: [packs.id] }) }));

export type Pack = typeof packs.$inferSelect;
export type NewPack = typeof packs.$inferInsert;
export type PackVersion = typeof packVersions.$inferSelect;
export type NewPackVersion = typeof packVersions.$inferInsert;
