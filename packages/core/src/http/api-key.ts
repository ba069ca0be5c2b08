import type { Logger } from "../logger.js";

/**
 * The API key from the environment variable named by `<section>.api_key_env` (keys are never
 * stored in config). Named but unset or empty: a warning, and requests go without a key (a
 * local server may need none; a remote one answers 401, and that error names the variable).
 */
export function readApiKey(
  name: string | undefined,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  section: string,
): string | undefined {
  if (!name) return undefined;
  const value = env[name]?.trim();
  if (!value)
    logger.warn(
      `${section}.api_key_env names $${name}, which is not set: sending requests without an API key`,
    );
  return value || undefined;
}
