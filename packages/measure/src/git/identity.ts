import { normalizeAlias } from "../store/identities.js";

/** A person (or bot) as Git records them, after .mailmap. */
export interface GitIdentity {
  name: string;
  email: string;
  /**
   * The Git-only key: the GitHub login of a `[ID+]login@users.noreply.github.com` address,
   * else the lower-cased email, else the name.
   */
  key: string;
  /**
   * What `prs.author` and `commits.author` hold: the developer login that the `identities`
   * table maps the email, the key or the name to (in that order), else the key.
   */
  login: string;
  isBot: boolean;
}

const GITHUB_NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

/**
 * Bots by name or email: GitHub App authors end in "[bot]"; the others are the usual
 * dependency and CI bots that commit under a plain name.
 */
export const BOT_PATTERNS: readonly RegExp[] = [
  /\[bot\]/i,
  /(^|[^a-z])(dependabot|renovate|greenkeeper|snyk-bot|github-actions|mergify|pre-commit-ci|imgbot|allcontributors|semantic-release-bot|depfu|pyup-bot|whitesource|mend-bolt|codecov)([^a-z]|$)/i,
];

/** True when the name or the email looks like a bot's (see {@link BOT_PATTERNS}). */
export function isBotIdentity(name: string, email: string): boolean {
  return BOT_PATTERNS.some((pattern) => pattern.test(name) || pattern.test(email));
}

/** The identity key of {@link GitIdentity.key}. */
export function identityKey(name: string, email: string): string {
  const trimmed = email.trim();
  const noreply = GITHUB_NOREPLY.exec(trimmed);
  if (noreply?.[1]) return noreply[1].toLowerCase();
  if (trimmed) return trimmed.toLowerCase();
  return name.trim() || "unknown";
}

/**
 * Hands out one shared {@link GitIdentity} per (name, email), so a large history holds each
 * once, resolved through `aliases` (alias → login, as `loadIdentityMap` returns it).
 */
export class IdentityTable {
  readonly #byNameEmail = new Map<string, GitIdentity>();

  constructor(private readonly aliases: ReadonlyMap<string, string> = new Map()) {}

  get(name: string, email: string): GitIdentity {
    const id = `${name}\0${email}`;
    let identity = this.#byNameEmail.get(id);
    if (!identity) {
      const key = identityKey(name, email);
      const login = [email, key, name]
        .filter((alias) => alias.trim() !== "")
        .map((alias) => this.aliases.get(normalizeAlias(alias)))
        .find((mapped) => mapped !== undefined);
      identity = { name, email, key, login: login ?? key, isBot: isBotIdentity(name, email) };
      this.#byNameEmail.set(id, identity);
    }
    return identity;
  }

  get size(): number {
    return this.#byNameEmail.size;
  }
}
