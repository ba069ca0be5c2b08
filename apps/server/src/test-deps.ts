import { configSchema, silentLogger } from "@uplift/core";
import type { AuthenticatedUser, ServerDeps } from "./deps.js";

/** The token `testServerDeps` accepts, and the user it reads as. */
export const TEST_TOKEN = "upl_test_token";
export const TEST_USER: AuthenticatedUser = { login: "ada", groups: ["eng"] };

/**
 * ServerDeps for tests and local runs: default config, silent logger, one accepted token,
 * every dependency healthy. Override any field.
 */
export function testServerDeps(overrides: Partial<ServerDeps> = {}): ServerDeps {
  return {
    config: configSchema.parse({}),
    logger: silentLogger(),
    authenticate: async (token) => (token === TEST_TOKEN ? TEST_USER : undefined),
    health: async () => ({
      store: { ok: true, detail: "pglite" },
      queue: { ok: true, detail: "in-process" },
    }),
    version: "0.0.0-test",
    ...overrides,
  };
}
