import { relations, sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const ROLES = ["admin", "commissioner", "strategist", "vcse"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Organisations other than ICBs: the VCSE organisations that run health justice
 * partnerships (and, later, other funders). ICBs are areas, identified by their code.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["vcse", "local-authority", "nhs-trust", "charitable-funder", "other"] })
      .notNull()
      .default("vcse"),
    charityNumber: text("charity_number"),
    companyNumber: text("company_number"),
    /** 360Giving organisation identifier, e.g. GB-CHC-1234567 or GB-COH-01234567. */
    giving360Id: text("giving360_id"),
    /** The ICB the organisation mainly works with (used to scope what commissioners see). */
    primaryIcbCode: text("primary_icb_code"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisations_name_key").on(sql`lower(${t.name})`), uniqueIndex("organisations_giving360_key").on(t.giving360Id)],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Stored lower-case: people type their address in any case. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Commissioners and strategists belong to one ICB. */
    icbCode: text("icb_code"),
    /** VCSE users belong to one organisation. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check(
      "users_scope_matches_role",
      sql`(${t.role} = 'admin' and ${t.icbCode} is null and ${t.organisationId} is null)
       or (${t.role} in ('commissioner', 'strategist') and ${t.icbCode} is not null and ${t.organisationId} is null)
       or (${t.role} = 'vcse' and ${t.organisationId} is not null and ${t.icbCode} is null)`,
    ),
  ],
);

/**
 * Server-side sessions: the cookie carries a random token, the table only its SHA-256,
 * so a copy of the table cannot be replayed. Revocable, expiring, renewed on use.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Sessions never outlive this, however often they are renewed. */
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_hash_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/** Failed sign-in counters, per account (email) and per client address. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});

export const usersRelations = relations(users, ({ one, many }) => ({
  organisation: one(organisations, { fields: [users.organisationId], references: [organisations.id] }),
  sessions: many(sessions),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
