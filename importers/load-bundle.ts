import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../db/client";
import { rebuildGeography } from "../app/services/geography/rebuild.server";
import { importers } from "./all";
import { manifest } from "./reference-data/manifest";
import { formatSummary, runImport } from "./shared/run-import";

export const REFERENCE_DATA_DIR = fileURLToPath(new URL("./reference-data", import.meta.url));

/**
 * Loads every bundled reference file that has not been loaded yet (by checksum), then
 * rebuilds the footprints once. The first start does this; later starts find every
 * file already loaded and return at once.
 */
export async function loadReferenceBundle(database: Database, log: (line: string) => void = () => {}) {
  const t0 = performance.now();
  let loaded = 0;
  for (const entry of manifest) {
    const importer = importers[entry.source];
    if (!importer) throw new Error(`The bundle manifest names an unknown source: ${entry.source}`);
    const summary = await runImport({
      database,
      importer,
      filePath: path.join(REFERENCE_DATA_DIR, entry.file),
      skipIfUnchanged: true,
      deferDerived: true,
    });
    if (summary.status === "failed") throw new Error(`The bundled file ${entry.file} did not load:\n${formatSummary(summary)}`);
    if (summary.status === "loaded") {
      loaded++;
      log(`  loaded ${entry.source}: ${summary.rowsLoaded.toLocaleString("en-GB")} rows (${(summary.durationMs / 1000).toFixed(1)} s)`);
    }
  }
  let notes: string[] = [];
  if (loaded > 0) {
    notes = (await database.db.transaction((tx) => rebuildGeography(tx))).notes;
    for (const note of notes) log(`  ${note}`);
  }
  return { loaded, seconds: (performance.now() - t0) / 1000, notes };
}
