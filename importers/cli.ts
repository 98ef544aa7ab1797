import fs from "node:fs";
import { openDatabase } from "../db/client";
import { DatabaseLockedError } from "../db/lock";
import { importers } from "./all";
import { createProgress } from "./shared/progress";
import { formatSummary, runImport } from "./shared/run-import";

const USAGE = `Usage: npm run import -- <source> <file> [--dry-run]

Sources:
${Object.values(importers)
  .map((i) => `  ${i.source.padEnd(22)} ${i.description}`)
  .join("\n")}

--dry-run   check and load the file inside a transaction, then roll it back`;

async function main(argv: string[]) {
  const flags = argv.filter((a) => a.startsWith("--"));
  const args = argv.filter((a) => !a.startsWith("--"));
  const unknownFlags = flags.filter((f) => f !== "--dry-run" && f !== "--help");
  if (flags.includes("--help") || args.length !== 2 || unknownFlags.length) {
    if (unknownFlags.length) console.error(`Unknown option: ${unknownFlags.join(", ")}`);
    console.error(USAGE);
    return 2;
  }
  const [source, filePath] = args;
  const importer = importers[source];
  if (!importer) {
    console.error(`Unknown source "${source}".\n\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) {
    console.error(`File not found: ${filePath}`);
    return 2;
  }
  let database;
  try {
    database = await openDatabase({ purpose: `an import of ${source}` });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(error.message);
      return 3;
    }
    throw error;
  }
  const progress = createProgress(source);
  try {
    const summary = await runImport({
      database,
      importer,
      filePath,
      dryRun: flags.includes("--dry-run"),
      onProgress: progress.update,
    });
    progress.stop();
    console.log(formatSummary(summary));
    return summary.status === "failed" ? 1 : 0;
  } finally {
    progress.stop();
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
