import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "db/**/*.test.ts",
      "importers/**/*.test.ts",
      "tests/integration/**/*.test.ts",
    ],
    environment: "node",
    // Each integration test file opens its own database; PGlite is single-threaded
    // WASM and about 0.9 GB per instance, so files run one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    globalSetup: ["tests/setup/global-setup.ts"],
  },
});
