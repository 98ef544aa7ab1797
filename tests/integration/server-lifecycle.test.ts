import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../db-urls";
import { freePort } from "../setup/free-port";

// These tests start the real server process (tsx app/server/main.ts over the built app).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-server-"));

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn("node_modules/.bin/tsx", ["app/server/main.ts"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), SKIP_REFERENCE_DATA: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = (async () => {
    for (let i = 0; i < 2400; i++) {
      if (child.exitCode !== null) return false;
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return true;
      } catch {
        // not yet listening
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  })();
  return { child, port, exited, ready, output: () => output };
}

describe("the server process", () => {
  beforeAll(() => {
    if (!fs.existsSync("build/index.js")) {
      expect(spawnSync("node_modules/.bin/remix", ["build"], { stdio: "ignore" }).status).toBe(0);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const drivers = testDatabaseUrl() ? (["pglite", "postgres"] as const) : (["pglite"] as const);
  it.each(drivers)("exits cleanly on SIGTERM and on SIGINT (%s)", async (driver) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const env: Record<string, string> =
        driver === "postgres" ? { DATABASE_URL: testDatabaseUrl()!, DEMO: "1" } : { DATABASE_URL: "", PGLITE_DIR: path.join(dir, `sig-${signal}-${driver}`) };
      const server = await startServer(env);
      expect(await server.ready, server.output()).toBe(true);
      server.child.kill(signal);
      // Exit code 0: it closed the listener and the database itself; a hang would be
      // cut off by the server's own 10-second guard with exit code 1.
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain(`${signal} received`);
    }
    // Two server starts on a busy 2-core machine: allow for slow starts.
  }, 300_000);

  it("refuses to start a second server on the same embedded database, naming the first", async () => {
    const dataDir = path.join(dir, "shared");
    const first = await startServer({ DATABASE_URL: "", PGLITE_DIR: dataDir });
    try {
      expect(await first.ready, first.output()).toBe(true);
      const second = await startServer({ DATABASE_URL: "", PGLITE_DIR: dataDir });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain("is in use by another process");
      expect(second.output()).toContain("the web server");
      // The first server is unaffected.
      expect((await fetch(`http://127.0.0.1:${first.port}/healthz`)).status).toBe(200);
    } finally {
      first.child.kill("SIGTERM");
      await first.exited;
    }
  }, 300_000);

  it("refuses to start without a session secret when demo mode is off", async () => {
    const server = await startServer({ DATABASE_URL: "", DEMO: "0", SESSION_SECRET: "", PGLITE_DIR: path.join(dir, "nodemo") });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("SESSION_SECRET is required");
  });

  it.runIf(testDatabaseUrl())("runs WEB_CONCURRENCY server processes on PostgreSQL, restarts one that dies, and stops them all on SIGTERM", async () => {
    const server = await startServer({ DATABASE_URL: testDatabaseUrl()!, DEMO: "1", WEB_CONCURRENCY: "2" });
    expect(await server.ready, server.output()).toBe(true);
    expect(server.output()).toContain("Started 2 server processes");
    const workers = () => [...server.output().matchAll(/Serving http:\/\/localhost:\d+ \(ready in/g)].length;
    for (let i = 0; i < 600 && workers() < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(workers()).toBe(2);
    // A worker killed outright is replaced, and the port keeps answering meanwhile.
    // tsx runs the server as its child; the workers are that process's children.
    const childrenOf = (pid: number | string) => spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean);
    const children = childrenOf(server.child.pid!).flatMap(childrenOf);
    expect(children.length).toBe(2);
    process.kill(Number(children[0]), "SIGKILL");
    for (let i = 0; i < 600 && workers() < 3; i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toContain("starting another");
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).ok).toBe(true);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    for (const pid of children.slice(1)) expect(() => process.kill(Number(pid), 0)).toThrow();
  }, 300_000);
});
