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
    setupFiles: ["./vitest.setup.ts"],
  },
});
