import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The licence of a repository as SPDX: the `license` field of package.json / Cargo.toml /
 * pyproject.toml (an SPDX expression), else the text of LICENSE/LICENCE/COPYING recognised by
 * the distinctive sentences of the common licences. `unknown` when neither says.
 */
export interface RepositoryLicence {
  /** SPDX expression, or "unknown". */
  spdx: string;
  /** Where it was read: `package.json`, `LICENSE`, … */
  source: string | undefined;
}

/** The permissive licences kept by default (The Stack's permissive set, narrowed to SPDX ids seen in practice). */
export const DEFAULT_LICENCE_ALLOW_LIST: readonly string[] = [
  "MIT",
  "MIT-0",
  "Apache-2.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "0BSD",
  "ISC",
  "Unlicense",
  "CC0-1.0",
  "Zlib",
  "BSL-1.0",
  "Python-2.0",
  "PostgreSQL",
  "X11",
];

/** Distinctive sentences of licence texts, most specific first. */
const LICENCE_TEXTS: ReadonlyArray<readonly [string, RegExp]> = [
  ["AGPL-3.0", /GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/i],
  ["LGPL-3.0", /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i],
  ["LGPL-2.1", /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1/i],
  ["GPL-3.0", /GNU GENERAL PUBLIC LICENSE\s+Version 3/i],
  ["GPL-2.0", /GNU GENERAL PUBLIC LICENSE\s+Version 2/i],
  ["MPL-2.0", /Mozilla Public License,?\s+(Version|v\.?)\s*2\.0/i],
  ["Apache-2.0", /Apache License,?\s+Version 2\.0/i],
  ["Unlicense", /This is free and unencumbered software released into the public domain/i],
  ["CC0-1.0", /CC0 1\.0 Universal/i],
  ["BSL-1.0", /Boost Software License - Version 1\.0/i],
  [
    "0BSD",
    /Permission to use, copy, modify, and\/or distribute this software for any purpose with or without fee is hereby granted\.\s+THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS/i,
  ],
  [
    "ISC",
    /Permission to use, copy, modify, and\/or distribute this software for any\s+purpose with or without fee is hereby granted, provided that the above\s+copyright notice/i,
  ],
  ["MIT", /Permission is hereby granted, free of charge, to any person obtaining/i],
  ["BSD-3-Clause", /Redistribution and use in source and binary forms[\s\S]*Neither the name/i],
  ["BSD-2-Clause", /Redistribution and use in source and binary forms/i],
  ["Zlib", /This software is provided 'as-is', without any express or implied\s+warranty/i],
];

const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt|rst))?$|^(licen[cs]e|copying)[-_.]/i;

/** Reads the licence of the repository at `root`. */
export async function detectLicence(root: string): Promise<RepositoryLicence> {
  const fromManifest = await manifestLicence(root);
  if (fromManifest) return fromManifest;
  const names = (await readdir(root).catch(() => [] as string[])).filter((n) => LICENCE_FILE.test(n)).sort();
  for (const name of names) {
    const text = await readFile(path.join(root, name), "utf8").catch(() => "");
    const spdx = licenceOfText(text);
    if (spdx) return { spdx, source: name };
  }
  return { spdx: "unknown", source: undefined };
}

/** The SPDX id of a licence text, or undefined. */
export function licenceOfText(text: string): string | undefined {
  const head = text.slice(0, 20_000).replace(/\r\n/g, "\n");
  return LICENCE_TEXTS.find(([, pattern]) => pattern.test(head))?.[0];
}

async function manifestLicence(root: string): Promise<RepositoryLicence | undefined> {
  const json = await readFile(path.join(root, "package.json"), "utf8").catch(() => undefined);
  if (json) {
    try {
      const pkg = JSON.parse(json) as { license?: unknown; licenses?: unknown };
      const field = pkg.license ?? (Array.isArray(pkg.licenses) ? pkg.licenses[0] : undefined);
      const spdx = typeof field === "string" ? field : (field as { type?: unknown } | undefined)?.type;
      if (typeof spdx === "string" && spdx.trim() && !/^SEE LICEN[CS]E/i.test(spdx))
        return { spdx: spdx.trim(), source: "package.json" };
    } catch {
      // a malformed package.json says nothing about the licence; the LICENSE file may
    }
  }
  for (const name of ["Cargo.toml", "pyproject.toml"]) {
    const toml = await readFile(path.join(root, name), "utf8").catch(() => undefined);
    const match = toml ? /^\s*license\s*=\s*(?:"([^"]+)"|\{\s*text\s*=\s*"([^"]+)")/m.exec(toml) : null;
    const spdx = match?.[1] ?? match?.[2];
    if (spdx) return { spdx: spdx.trim(), source: name };
  }
  return undefined;
}

/**
 * Whether an SPDX expression is allowed: `A OR B` when either is, `A AND B` when both are
 * (parentheses and `WITH` exceptions understood; ids compared case-insensitively, `-only` /
 * `-or-later` suffixes folded).
 */
export function licenceAllowed(expression: string, allowList: readonly string[]): boolean {
  const allowed = new Set(allowList.map(canonical));
  const tokens = expression.replace(/[()]/g, " $& ").split(/\s+/).filter(Boolean);
  let at = 0;
  const parseOr = (): boolean => {
    let value = parseAnd();
    while (tokens[at]?.toUpperCase() === "OR") {
      at++;
      const right = parseAnd();
      value = value || right;
    }
    return value;
  };
  const parseAnd = (): boolean => {
    let value = parseAtom();
    while (tokens[at]?.toUpperCase() === "AND") {
      at++;
      const right = parseAtom();
      value = value && right;
    }
    return value;
  };
  const parseAtom = (): boolean => {
    const token = tokens[at++];
    if (token === "(") {
      const value = parseOr();
      if (tokens[at] === ")") at++;
      return value;
    }
    if (tokens[at]?.toUpperCase() === "WITH") at += 2;
    return token !== undefined && allowed.has(canonical(token));
  };
  return parseOr();
}

function canonical(id: string): string {
  return id
    .toLowerCase()
    .replace(/\+$/, "")
    .replace(/-(only|or-later)$/, "");
}
