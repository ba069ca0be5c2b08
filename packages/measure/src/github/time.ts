/** An instant as ISO 8601 UTC (`2026-03-03T09:00:00.000Z`); undefined for null, empty or unreadable input. */
export function toInstant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The earliest of some instants (undefined when none). */
export function earliest(values: readonly (string | null | undefined)[]): string | undefined {
  let best: number | undefined;
  for (const value of values) {
    const ms = value ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(ms) && (best === undefined || ms < best)) best = ms;
  }
  return best === undefined ? undefined : new Date(best).toISOString();
}

/** True for GitHub/GitLab automation accounts: type "Bot", a `[bot]` login, or a bot flag. */
export function isBotAccount(login: string | undefined, type?: string, flag?: boolean): boolean {
  return flag === true || type === "Bot" || (login ?? "").endsWith("[bot]");
}
