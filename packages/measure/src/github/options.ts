import { InputError } from "@uplift/core";

const REPO = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

/** `--repo OWNER/NAME` → its parts; InputError naming the flag otherwise. */
export function parseRepo(repo: string): { owner: string; name: string; repo: string } {
  const match = REPO.exec(repo.trim().replace(/\.git$/, ""));
  if (!match?.[1] || !match[2])
    throw new InputError(`--repo: expected OWNER/NAME (e.g. acme/web), got "${repo}"`);
  return { owner: match[1], name: match[2], repo: `${match[1]}/${match[2]}` };
}

/** `--since DATE` (YYYY-MM-DD or ISO 8601) → ISO instant; InputError naming the flag otherwise. */
export function parseSince(value: string | Date | undefined, flag = "--since"): string | undefined {
  if (value === undefined || value === "") return undefined;
  const ms =
    value instanceof Date
      ? value.getTime()
      : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms))
    throw new InputError(`${flag}: "${String(value)}" is not a date (use YYYY-MM-DD or ISO 8601)`);
  return new Date(ms).toISOString();
}

/** A day as YYYY-MM-DD (UTC) from a flag value or a Date. */
export function parseDay(value: string | Date, flag: string): string {
  const iso = parseSince(value, flag);
  if (!iso) throw new InputError(`${flag}: a date is required`);
  return iso.slice(0, 10);
}

/** `--production-env REGEX` → RegExp (case-insensitive); InputError when it does not compile. */
export function parsePattern(value: string | RegExp | undefined, flag: string): RegExp | undefined {
  if (value === undefined || value instanceof RegExp) return value;
  try {
    return new RegExp(value, "i");
  } catch (error) {
    throw new InputError(
      `${flag}: "${value}" is not a valid regular expression (${(error as Error).message})`,
    );
  }
}
