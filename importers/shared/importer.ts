import type { Tx } from "../../db/client";
import type { SourceParser } from "./types";

export type LoadContext = {
  tx: Tx;
  fileName: string;
  sha256: string;
  /**
   * Set while the first start loads the whole bundle: derived tables (the footprints)
   * are rebuilt once at the end instead of after every file.
   */
  deferDerived: boolean;
};

/** What a load step does with validated records, all inside the runner's transaction. */
export interface Loader<R> {
  /** Called with batches of clean records, in file order. */
  loadBatch(records: R[]): Promise<void>;
  /** Called once after the last batch, still inside the transaction. Returns rows written. */
  finish(): Promise<{ rowsLoaded: number; notes?: string[] }>;
}

export interface Importer<R> {
  source: string;
  description: string;
  parser: SourceParser<R>;
  /** Records per loadBatch call (default 5,000). */
  batchSize?: number;
  /**
   * Opens the load step. It should make the load idempotent, usually by replacing
   * what an earlier run of the same source wrote (delete then insert, or upsert).
   */
  createLoader(ctx: LoadContext): Promise<Loader<R>> | Loader<R>;
}

// Importers are registered with different record types; the registry holds them erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImporter = Importer<any>;
