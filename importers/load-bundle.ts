import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../db/client";
import { rebuildGeography } from "../app/services/geography/rebuild.server";
import { ensureDerivedIndicators } from "../app/services/indicators/derived.server";
import { importers } from "./all";
import { indicatorManifest, manifest } from "./reference-data/manifest";
import { formatSummary, runImport } from "./shared/run-import";

export const REFERENCE_DATA_DIR = fileURLToPath(new URL("./reference-data", import.meta.url));

/**
 * Loads every bundled reference file that has not been loaded yet (by checksum), then
 * rebuilds the footprints once, then the indicators derived from the reference tables
 * (when their inputs changed), then the bundled indicator files. The first start does
 * this; later starts find every file already loaded and return at once.
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
  const derived = await ensureDerivedIndicators(database.db);
  if (derived.status !== "unchanged") {
    for (const note of derived.notes) log(`  ${note}`);
    if (derived.status === "built") log(`  derived indicators: ${derived.figures.toLocaleString("en-GB")} figures (${derived.seconds.toFixed(1)} s)`);
    notes.push(...derived.notes);
  }
  // After the footprints, so that a code the geography lacks is told from one it has.
  for (const entry of indicatorManifest) {
    const importer = importers[entry.source];
    if (!importer) throw new Error(`The bundle manifest names an unknown source: ${entry.source}`);
    const summary = await runImport({ database, importer, filePath: path.join(REFERENCE_DATA_DIR, entry.file), skipIfUnchanged: true });
    if (summary.status === "failed") throw new Error(`The bundled file ${entry.file} did not load:\n${formatSummary(summary)}`);
    if (summary.status === "loaded") {
      loaded++;
      log(`  loaded ${entry.source} ${entry.file.split("/").pop()}: ${summary.rowsLoaded.toLocaleString("en-GB")} figures (${(summary.durationMs / 1000).toFixed(1)} s)`);
    }
  }
  return { loaded, seconds: (performance.now() - t0) / 1000, notes };
}
