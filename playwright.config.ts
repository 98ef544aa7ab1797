import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const usePostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  // One server, one database: journeys that change data must not race each other.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: usePostgres
      ? "tsx app/server/main.ts"
      : "rm -rf .data/e2e .data/e2e.lock && tsx app/server/main.ts",
    url: `http://127.0.0.1:${PORT}/healthz`,
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      PGLITE_DIR: ".data/e2e",
      NODE_ENV: "production",
      ...(usePostgres ? { DEMO: "1" } : {}),
    },
    stdout: "pipe",
    timeout: 600_000,
    reuseExistingServer: false,
  },
});
