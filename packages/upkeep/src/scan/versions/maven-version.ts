import type { VersionScheme } from "./version-scheme.js";

/**
 * Maven version order, as the POM reference's "Version Order Specification" states it
 * (https://maven.apache.org/pom.html#version-order-specification), which OSV uses for Maven:
 * - split into tokens at `.`, `-` and at transitions between digits and letters (a transition
 *   counts as `-`); an empty token is `0`;
 * - trailing "null" tokens (`0`, `""`, `final`, `ga`, `release`) are trimmed from the end, and
 *   again before each remaining `-`, from the end to the start;
 * - the shorter version is padded with null tokens of the other's kind and prefix; then tokens
 *   compare: numbers with the same prefix numerically, qualifiers (either prefix) `alpha < beta < milestone < rc = cr <
 *   snapshot < "" = final = ga = release < sp < anything else (lexically)`; different prefixes →
 *   `.qualifier = -qualifier < -number < .number`;
 * - `a`, `b`, `m` directly followed by a digit mean alpha, beta, milestone.
 */
export interface MavenToken {
  prefix: "." | "-";
  /** A bigint for a number, a string for a qualifier. */
  value: bigint | string;
}

const QUALIFIER_RANK = new Map<string, number>([
  ["alpha", 0],
  ["beta", 1],
  ["milestone", 2],
  ["rc", 3],
  ["cr", 3],
  ["snapshot", 4],
  ["", 5],
  ["final", 5],
  ["ga", 5],
  ["release", 5],
  ["sp", 6],
]);

export const mavenVersionScheme: VersionScheme<MavenToken[]> = {
  name: "maven",
  parse(version) {
    const trimmed = version.trim();
    if (trimmed === "" || /[\s,[\]()]/.test(trimmed)) return undefined;
    return parseMavenVersion(trimmed);
  },
  compare: compareMavenTokens,
};

export function parseMavenVersion(version: string): MavenToken[] {
  const text = version.toLowerCase();
  const tokens: MavenToken[] = [];
  let start = 0;
  let prefix: "." | "-" = ".";
  const push = (end: number, next: "." | "-") => {
    const raw = text.slice(start, end);
    tokens.push({ prefix, value: tokenValue(raw, text[end]) });
    prefix = next;
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "." || c === "-") {
      push(i, c);
      continue;
    }
    const prev = text[i - 1];
    if (i > start && prev !== undefined && isDigit(prev) !== isDigit(c)) {
      // a transition between digits and letters is a `-` separator
      tokens.push({ prefix, value: tokenValue(text.slice(start, i), c) });
      prefix = "-";
      start = i;
    }
  }
  push(text.length, ".");
  return trimNulls(tokens);
}

function tokenValue(raw: string, next: string | undefined): bigint | string {
  if (raw === "") return 0n;
  if (/^\d+$/.test(raw)) return BigInt(raw);
  if (next !== undefined && isDigit(next)) {
    if (raw === "a") return "alpha";
    if (raw === "b") return "beta";
    if (raw === "m") return "milestone";
  }
  return raw;
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isNull(token: MavenToken): boolean {
  return typeof token.value === "bigint" ? token.value === 0n : QUALIFIER_RANK.get(token.value) === 5;
}

function trimNulls(tokens: MavenToken[]): MavenToken[] {
  const out = [...tokens];
  const trimBefore = (end: number) => {
    let i = end - 1;
    while (i >= 1 && isNull(out[i] as MavenToken)) i--;
    out.splice(i + 1, end - (i + 1));
    return i + 1;
  };
  trimBefore(out.length);
  for (let i = out.length - 1; i >= 1; i--) {
    if ((out[i] as MavenToken).prefix === "-") i = trimBefore(i);
  }
  return out;
}

function qualifierKey(value: string): [number, string] {
  const rank = QUALIFIER_RANK.get(value);
  return rank === undefined ? [7, value] : [rank, ""];
}

function compareToken(a: MavenToken, b: MavenToken): number {
  const aNum = typeof a.value === "bigint";
  const bNum = typeof b.value === "bigint";
  if (aNum && bNum && a.prefix === b.prefix) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (!aNum && !bNum) {
    // `.qualifier = -qualifier`: qualifiers compare by value whatever their separator
    const [ra, sa] = qualifierKey(a.value as string);
    const [rb, sb] = qualifierKey(b.value as string);
    return ra !== rb ? ra - rb : sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  return kindRank(a) - kindRank(b);
}

/** `.qualifier = -qualifier < -number < .number` */
function kindRank(token: MavenToken): number {
  if (typeof token.value !== "bigint") return 0;
  return token.prefix === "-" ? 1 : 2;
}

function padFor(other: MavenToken): MavenToken {
  return { prefix: other.prefix, value: typeof other.value === "bigint" ? 0n : "" };
}

export function compareMavenTokens(a: MavenToken[], b: MavenToken[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ta = a[i];
    const tb = b[i];
    const left = ta ?? padFor(tb as MavenToken);
    const right = tb ?? padFor(ta as MavenToken);
    const result = compareToken(left, right);
    if (result !== 0) return result;
  }
  return 0;
}
