import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { adminUrl, testDatabaseUrl, withDatabase } from "../db-urls";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string | null;
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
  await pg.close();
  project.provide("pgliteDump", dumpPath);

  let template: string | null = null;
  let admin: postgres.Sql | null = null;
  const url = testDatabaseUrl();
  if (url) {
    template = `hjp_template_${process.pid}`;
    admin = postgres(adminUrl(url), { onnotice: () => {}, max: 1 });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const tpl = await openDatabase({ url: withDatabase(url, template) });
    await tpl.close();
  }
  project.provide("postgresTemplate", template);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (admin && template) {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}
