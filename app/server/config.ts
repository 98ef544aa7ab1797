import { z } from "zod";

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl?: string;
  pgliteDir?: string;
  /** Demo users and synthetic demo data are created (embedded database, or DEMO=1). */
  demo: boolean;
  /** Skip loading the bundled reference data (tests that bring their own). */
  skipReferenceData: boolean;
  /** Server processes sharing the port (PostgreSQL only: the embedded database belongs to one process). */
  webConcurrency: number;
  sessionSecret: string;
  /** Memory for rendered pages per process (app/server/page-cache.ts); 0 turns the cache off. */
  pageCacheBytes: number;
  production: boolean;
  startupNotes: string[];
};

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  PGLITE_DIR: z.string().optional(),
  DEMO: z.enum(["0", "1"]).optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SKIP_REFERENCE_DATA: z.enum(["0", "1"]).optional(),
  WEB_CONCURRENCY: z.coerce.number().int().min(1, "WEB_CONCURRENCY must be at least 1").max(64, "WEB_CONCURRENCY must be at most 64").default(1),
  PAGE_CACHE_MB: z.coerce.number().int().min(0, "PAGE_CACHE_MB must be 0 (off) or more").max(4096, "PAGE_CACHE_MB must be at most 4096").default(64),
  NODE_ENV: z.string().optional(),
});

/** Checks the environment once at boot and fails fast with the variable's name. */
export function loadServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  // An empty variable means "not set" (CI and shells often export empty values).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The server cannot start: invalid environment\n${problems}`);
  }
  const e = parsed.data;
  // Demo mode is on with the embedded database, and on PostgreSQL only when DEMO=1.
  const demo = e.DATABASE_URL ? e.DEMO === "1" : e.DEMO !== "0";
  if (!demo && !e.SESSION_SECRET) {
    throw new Error(
      "The server cannot start: SESSION_SECRET is required when demo mode is off " +
        "(set a random string of at least 32 characters, or DEMO=1 for a demonstration).",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    demo,
    skipReferenceData: e.SKIP_REFERENCE_DATA === "1",
    webConcurrency: e.WEB_CONCURRENCY,
    sessionSecret: e.SESSION_SECRET ?? "demo-mode-session-secret-not-for-production-use",
    pageCacheBytes: e.PAGE_CACHE_MB * 1024 * 1024,
    production: e.NODE_ENV === "production",
    startupNotes: [],
  };
}
