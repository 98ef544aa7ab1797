import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { loadReferenceBundle } from "../../importers/load-bundle";
import { adminUrl, testDatabaseUrl, withDatabase } from "../db-urls";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    pgliteReferenceDump: string;
    postgresTemplate: string | null;
    postgresReferenceTemplate: string | null;
  }
}

/**
 * Migrates a database once per run and hands tests a template of it: a PGlite dump
 * (initdb in WASM costs ~4 s, loading a dump ~1 s) and, when DATABASE_URL is set,
 * a PostgreSQL template database each test file copies with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-test-"));
  const dumpPath = path.join(dir, "migrated.tar");
  const pg = await openDatabase({ dataDir: "memory://", url: "" });
  const dump = await pg.pglite!.dumpDataDir("none");
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", dumpPath);
  // A second template with the bundled reference data loaded, for the many tests
  // that need real geography; loading it costs ~30 s once instead of per file.
  const referenceDumpPath = path.join(dir, "reference.tar");
  await loadReferenceBundle(pg);
  await pg.rows("checkpoint");
  const referenceDump = await pg.pglite!.dumpDataDir("none");
  fs.writeFileSync(referenceDumpPath, Buffer.from(await referenceDump.arrayBuffer()));
  await pg.close();
  project.provide("pgliteReferenceDump", referenceDumpPath);

  let template: string | null = null;
  let referenceTemplate: string | null = null;
  let admin: postgres.Sql | null = null;
  const url = testDatabaseUrl();
  if (url) {
    template = `hjp_template_${process.pid}`;
    admin = postgres(adminUrl(url), { onnotice: () => {}, max: 1 });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const tpl = await openDatabase({ url: withDatabase(url, template) });
    await tpl.close();
    referenceTemplate = `hjp_reference_template_${process.pid}`;
    await admin.unsafe(`drop database if exists ${referenceTemplate}`);
    await admin.unsafe(`create database ${referenceTemplate} template ${template}`);
    const ref = await openDatabase({ url: withDatabase(url, referenceTemplate) });
    await loadReferenceBundle(ref);
    await ref.close();
  }
  project.provide("postgresTemplate", template);
  project.provide("postgresReferenceTemplate", referenceTemplate);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (admin && template) {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      if (referenceTemplate) await admin.unsafe(`drop database if exists ${referenceTemplate} with (force)`);
      await admin.end();
    }
  };
}
