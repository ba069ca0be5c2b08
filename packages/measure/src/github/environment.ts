/** Production by name: "production", "prod" and those with a suffix ("production-eu", "prod/us"). */
export const DEFAULT_PRODUCTION_PATTERN = /^prod(uction)?([-_/ .:].*)?$/i;

/**
 * The `environment` of a deployment record: "production" when the forge marks the environment
 * as production (GitHub `production_environment`, GitLab tier `production`) or its name matches
 * `pattern`; otherwise the forge's name. The original name is kept in `attributes.environment_name`.
 */
export function recordEnvironment(
  name: string,
  markedProduction: boolean | undefined,
  pattern: RegExp,
): string {
  return markedProduction === true || pattern.test(name) ? "production" : name;
}

/** `--production-env REGEX` → a case-insensitive RegExp (InputError text when invalid is the caller's). */
export function productionPattern(source: string | RegExp | undefined): RegExp {
  if (source === undefined) return DEFAULT_PRODUCTION_PATTERN;
  return typeof source === "string" ? new RegExp(source, "i") : source;
}
