import type { Database } from "../../db/client";
import type { ServerConfig } from "./config";

/**
 * Everything a fresh database needs before the first request: the bundled reference
 * data (loaded once, by checksum) and, in demo mode, the demo users and synthetic data.
 */
export async function bootstrap(_args: { database: Database; config: ServerConfig; log: (line: string) => void }) {}
