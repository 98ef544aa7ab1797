import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only record of every change made through the product. A trigger (migration
 * 0002_audit_append_only) refuses UPDATE, DELETE and TRUNCATE, so no code path — not
 * even a bug in this one — can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for changes made by the system itself (bootstrap, importers run from the command line). */
    actorUserId: integer("actor_user_id"),
    /** A copy, so the entry stays readable if the account is later renamed or deactivated. */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** The ICB whose commissioners may read this entry (null: admins only). */
    icbCode: text("icb_code"),
    organisationId: integer("organisation_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    summary: text("summary"),
  },
  (t) => [index("audit_log_icb_at_idx").on(t.icbCode, t.at), index("audit_log_entity_idx").on(t.entityType, t.entityId)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
