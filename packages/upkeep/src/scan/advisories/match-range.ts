import type { Ecosystem } from "../types.js";
import { CachedScheme, ecosystemScheme, semverRangeScheme } from "../versions/version-scheme.js";
import type { OsvAffected, OsvEvent, OsvRange } from "./osv-schema.js";

/** Parsed-version caches per ecosystem and range type, shared by a whole scan. */
export class SchemeCaches {
  private readonly caches = new Map<Ecosystem, Record<"SEMVER" | "ECOSYSTEM", CachedScheme>>();

  for(ecosystem: Ecosystem, rangeType: "SEMVER" | "ECOSYSTEM"): CachedScheme {
    let pair = this.caches.get(ecosystem);
    if (!pair) {
      pair = {
        SEMVER: new CachedScheme(semverRangeScheme(ecosystem)),
        ECOSYSTEM: new CachedScheme(ecosystemScheme(ecosystem)),
      };
      this.caches.set(ecosystem, pair);
    }
    return pair[rangeType];
  }
}

export interface AffectedMatch {
  /** Smallest `fixed` version above the installed one, or null when none is known. */
  fixed: string | null;
}

type Kind = "introduced" | "fixed" | "last_affected" | "limit";

const KIND_ORDER: Record<Kind, number> = { introduced: 0, last_affected: 1, fixed: 2, limit: 3 };

function eventOf(event: OsvEvent): { kind: Kind; version: string } {
  if ("introduced" in event) return { kind: "introduced", version: event.introduced };
  if ("fixed" in event) return { kind: "fixed", version: event.fixed };
  if ("last_affected" in event) return { kind: "last_affected", version: event.last_affected };
  return { kind: "limit", version: event.limit };
}

/**
 * Whether `version` is affected by one OSV `affected` entry (its `versions` list or its SEMVER
 * and ECOSYSTEM ranges; GIT ranges name commits and are not evaluated), following the OSV
 * schema's evaluation: events sorted by version, `introduced: "0"` first; `introduced` ≤ v
 * opens, `fixed` ≤ v closes, v > `last_affected` closes; v must be below a `limit` when any.
 */
export function matchAffected(
  entry: OsvAffected,
  ecosystem: Ecosystem,
  version: string,
  caches: SchemeCaches,
): AffectedMatch | undefined {
  let affected = false;
  let fixed: { version: string; parsed: unknown; scheme: CachedScheme } | undefined;
  const listed = entry.versions;
  if (listed && listed.length > 0) {
    if (listed.includes(version)) affected = true;
    else {
      const scheme = caches.for(ecosystem, "ECOSYSTEM");
      affected = listed.some((candidate) => scheme.compareStrings(candidate, version) === 0);
    }
  }
  for (const range of entry.ranges ?? []) {
    if (range.type === "GIT") continue;
    const scheme = caches.for(ecosystem, range.type);
    const v = scheme.parse(version);
    if (v === undefined) continue;
    const result = evaluateRange(range, v, scheme);
    if (!result.affected) continue;
    affected = true;
    if (result.fixed && (!fixed || fixed.scheme.compare(result.fixed.parsed, fixed.parsed) < 0)) {
      fixed = { ...result.fixed, scheme };
    }
  }
  return affected ? { fixed: fixed?.version ?? null } : undefined;
}

interface RangeResult {
  affected: boolean;
  fixed?: { version: string; parsed: unknown };
}

interface PreparedEvent {
  kind: Kind;
  version: string;
  /** undefined for `introduced: "0"`, which sorts first. */
  parsed: unknown;
}

/** A range's events parsed and sorted once per scheme, reused for every dependency. */
const prepared = new WeakMap<
  OsvRange,
  { scheme: CachedScheme; events: PreparedEvent[]; limits: unknown[] }
>();

function prepare(range: OsvRange, scheme: CachedScheme) {
  const cached = prepared.get(range);
  if (cached?.scheme === scheme) return cached;
  const events: PreparedEvent[] = [];
  for (const raw of range.events) {
    const event = eventOf(raw);
    if (event.kind === "introduced" && event.version === "0") {
      events.push({ ...event, parsed: undefined });
      continue;
    }
    const parsed = scheme.parse(event.version);
    if (parsed !== undefined) events.push({ ...event, parsed });
  }
  // By version; at one version `introduced` first, so `introduced: X, last_affected: X` is X.
  events.sort(
    (a, b) =>
      (a.parsed === undefined ? -1 : b.parsed === undefined ? 1 : scheme.compare(a.parsed, b.parsed)) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
  const limits = events.filter((e) => e.kind === "limit").map((e) => e.parsed);
  const entry = { scheme, events: events.filter((e) => e.kind !== "limit"), limits };
  prepared.set(range, entry);
  return entry;
}

function evaluateRange(range: OsvRange, v: unknown, scheme: CachedScheme): RangeResult {
  const { events, limits } = prepare(range, scheme);
  if (limits.length > 0 && !limits.some((limit) => scheme.compare(v, limit) < 0)) return { affected: false };

  let affected = false;
  let openedAt = -1;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as PreparedEvent;
    const cmp = event.parsed === undefined ? 1 : scheme.compare(v, event.parsed);
    if (cmp < 0) break; // sorted: no later event applies to v
    if (event.kind === "introduced") {
      affected = true;
      openedAt = i;
    } else if (event.kind === "fixed") affected = false;
    else if (event.kind === "last_affected" && cmp > 0) affected = false;
  }
  if (!affected) return { affected: false };
  for (let i = openedAt + 1; i < events.length; i++) {
    const event = events[i] as PreparedEvent;
    if (event.kind === "fixed" && scheme.compare(event.parsed, v) > 0)
      return { affected: true, fixed: { version: event.version, parsed: event.parsed } };
  }
  return { affected: true };
}
