import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";

// The CLI opens the embedded database itself, so it gets its own directory.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-cli-"));
const dataDir = path.join(dir, "pglite");
const run = (args: string[], input: string, env: Record<string, string> = {}) =>
  spawnSync("node_modules/.bin/tsx", ["db/cli/create-user.ts", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir, ...env },
  });

describe("npm run user:create", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("creates the first admin with a password read from standard input", async () => {
    const result = run(["--role", "admin", "--email", "First.Admin@nhs.net", "--name", "First Admin"], "a-long-enough-password\n", { DEMO: "0" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/Created admin first.admin@nhs.net/);
    const database = await openDatabase({ url: "", dataDir });
    const rows = await database.rows<{ email: string; role: string; password_hash: string }>("select email, role, password_hash from users");
    await database.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: "first.admin@nhs.net", role: "admin" });
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it("refuses the demo password outside demo mode, and a short password, with the reason", () => {
    const demo = run(["--role", "admin", "--email", "second@nhs.net"], "demo-password\n", { DEMO: "0" });
    expect(demo.status).toBe(1);
    expect(demo.stderr).toContain("The demo password cannot be used outside demo mode");
    const short = run(["--role", "admin", "--email", "third@nhs.net"], "short\n", { DEMO: "0" });
    expect(short.status).toBe(2);
    expect(short.stderr).toContain("Password must be 12 characters or more");
  });

  it("asks for an ICB for a commissioner", () => {
    const result = run(["--role", "commissioner", "--email", "c@nhs.net"], "a-long-enough-password\n", { DEMO: "0" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Select the ICB this person works for");
  });
});
