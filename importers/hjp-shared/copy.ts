/**
 * COPY … FROM STDIN inside the runner's transaction, on either driver. For the
 * million-row activity file this is the load path: an INSERT from json_to_recordset
 * measured at under half of COPY's throughput on PostgreSQL (the server spends the
 * difference parsing JSON), which misses the importer's target.
 *
 * drizzle does not expose COPY, so this reaches the transaction's own connection:
 * postgres.js's TransactionSql (`copy … from stdin` as a writable stream) or
 * PGlite's transaction (`copy … from '/dev/blob'` with the text as a Blob). Both
 * are covered by the HJP activity integration tests on each driver.
 */
import type { Tx } from "../../db/client";

type PostgresJsClient = { unsafe(query: string): Promise<unknown> & { writable(): Promise<NodeJS.WritableStream> } };

/** The code of the error copyRows throws when PostgreSQL refused the rows, reason unknown (postgres.js drops it). */
export const COPY_REFUSED = "HJP_COPY_REFUSED";
type PgliteClient = { query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown> };

function connectionOf(tx: Tx): PostgresJsClient | PgliteClient {
  const client = (tx as unknown as { _: { session: { client?: unknown } } })._.session.client;
  if (!client) throw new Error("copyRows: the transaction exposes no client (drizzle internals changed?)");
  return client as PostgresJsClient | PgliteClient;
}

/** Rows in COPY text format: tab-separated, one per line, \N for null. */
export async function copyRows(tx: Tx, table: string, columns: readonly string[], text: string): Promise<void> {
  const target = `"${table}" (${columns.map((c) => `"${c}"`).join(", ")})`;
  const client = connectionOf(tx);
  if ("unsafe" in client) {
    const stream = await client.unsafe(`copy ${target} from stdin`).writable();
    await new Promise<void>((resolve, reject) => {
      stream.once("error", reject);
      stream.write(text, (error) => (error ? reject(error) : resolve()));
    });
    stream.end();
    // postgres.js resolves a COPY with its stream and then drops an error the server
    // sends at the end (a key clash, say): the stream never finishes and nothing
    // rejects. The next statement on the connection tells instead, failing when the
    // COPY did because the transaction is then aborted.
    try {
      await client.unsafe("select 1");
    } catch (error) {
      throw Object.assign(new Error(`the database refused the rows copied into ${table}`), { code: COPY_REFUSED, cause: error });
    }
    return;
  }
  await client.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) });
}

/** One value in COPY text format. Text has its backslashes, tabs and line breaks escaped. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (Array.isArray(value)) return escapeText(`{${value.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`);
  return escapeText(JSON.stringify(value));
}

const SPECIAL = /[\\\t\n\r]/;

function escapeText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
