import { explain } from "@renovatebot/pep440";

/** A PEP 508 requirement reduced to what a scan needs. */
export interface PythonRequirement {
  name: string;
  /** The version specifiers as written (`>=2.0,<3`), empty when none. */
  specifier: string;
  /** The pinned version (`==`/`===`), or the lowest one the specifiers allow (`>=`, `~=`). */
  version: string | undefined;
  /** A direct URL reference (`name @ https://…`): no version to match. */
  url: boolean;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;
const SPECIFIER = /^(~=|===|==|!=|<=|>=|<|>)\s*([^\s,;]+)$/;

/**
 * Parses one PEP 508 requirement (`requests[socks]>=2.31,<3 ; python_version >= "3.8"`);
 * throws with the reason when it is not one.
 */
export function parsePep508(text: string): PythonRequirement {
  const withoutMarker = text.split(";")[0]?.trim() ?? "";
  const name = NAME.exec(withoutMarker);
  if (!name?.[1]) throw new Error(`"${text}" is not a requirement (a package name must come first)`);
  let rest = withoutMarker.slice(name[0].length).trim();
  if (rest.startsWith("@")) return { name: name[1], specifier: "", version: undefined, url: true };
  if (rest.startsWith("(") && rest.endsWith(")")) rest = rest.slice(1, -1).trim();
  if (rest === "") return { name: name[1], specifier: "", version: undefined, url: false };
  return { name: name[1], specifier: rest, version: lowestAllowed(rest, text), url: false };
}

function lowestAllowed(specifiers: string, text: string): string | undefined {
  let lowest: string | undefined;
  for (const part of specifiers.split(",")) {
    const match = SPECIFIER.exec(part.trim());
    if (!match) throw new Error(`"${text}": "${part.trim()}" is not a version specifier`);
    const [, op, raw] = match as unknown as [string, string, string];
    const version = raw.endsWith(".*") ? raw.slice(0, -2) : raw;
    if (op !== "===" && !explain(version)) throw new Error(`"${text}": "${raw}" is not a PEP 440 version`);
    if (op === "==" || op === "===") return version;
    if (op === ">=" || op === "~=") lowest = version;
  }
  return lowest;
}

/**
 * Poetry's constraint syntax (`^1.2`, `~1.2.3`, `>=1.0,<2.0`, `1.2.3`, `1.2.*`, `*`) → the
 * lowest version it allows; undefined when it has no lower bound.
 */
export function lowestPoetryVersion(constraint: string): string | undefined {
  const first = constraint.split(/,|\|\|/)[0]?.trim() ?? "";
  if (first === "" || first === "*" || /^(<|>(?!=)|!=)/.test(first)) return undefined;
  let version = first.replace(/^(\^|~=|~|>=|===|==|=)\s*/, "").trim();
  if (version.endsWith(".*")) version = version.slice(0, -2);
  return explain(version) ? version : undefined;
}
