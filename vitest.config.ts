import { defineConfig } from "vitest/config";

/** One runner for the whole monorepo; workspace packages resolve to their sources via the "source" condition. */
export default defineConfig({
  resolve: { conditions: ["@uplift/source"] },
  ssr: { resolve: { conditions: ["@uplift/source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker per core minus one: a single worker on a 2-core machine, where
    // most test files wait on CLI child processes and PGlite. Two keep both cores busy.
    maxWorkers: 2,
    setupFiles: ["./vitest.setup.ts"],
  },
});
