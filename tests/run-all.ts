/**
 * `npm test`: every test, in order — the type check, a production build, vitest (unit and
 * integration, against PGlite, or PostgreSQL when DATABASE_URL is set), then
 * Playwright in Debian's Chromium. Prints one plain "N passed, N failed" line
 * (CI reads it) and writes the counts to test-results/summary.json.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (c: Counts) => {
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
};

fs.mkdirSync("test-results", { recursive: true });
const bin = (name: string) => `node_modules/.bin/${name}`;
const run = (label: string, cmd: string, args: string[]) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: process.env }).status ?? 1;
};

// 1. Types: a strict type error is a failing test.
const tsc = run("typecheck", bin("tsc"), ["--noEmit"]);
add(tsc === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

// 2. Build: the server-process integration tests and Playwright both use it.
const build = run("build", bin("remix"), ["build"]);
add(build === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

// 3. vitest.
const vitestJson = "test-results/vitest-results.json";
fs.rmSync(vitestJson, { force: true });
const vitestStatus = run("vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const r = JSON.parse(fs.readFileSync(vitestJson, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  // A test file that fails to load has no assertion results: count it as one failure.
  const brokenFiles = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  add({ passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests });
} else {
  add({ passed: 0, failed: Math.max(1, vitestStatus ? 1 : 0), skipped: 0 });
}

// 4. Playwright end-to-end against the built server.
if (build === 0) {
  const e2eJson = "test-results/e2e-results.json";
  fs.rmSync(e2eJson, { force: true });
  const e2eStatus = run("playwright", bin("playwright"), ["test"]);
  if (fs.existsSync(e2eJson)) {
    const r = JSON.parse(fs.readFileSync(e2eJson, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      errors?: unknown[];
    };
    add({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0), skipped: r.stats.skipped });
  } else {
    add({ passed: 0, failed: e2eStatus === 0 ? 0 : 1, skipped: 0 });
  }
}

fs.writeFileSync("test-results/summary.json", JSON.stringify(total));
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
