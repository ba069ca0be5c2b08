import {
  type ModuleTarget,
  moduleTargets,
  pathMatchesTarget,
  type RepoPackage,
} from "../packages/resolve-module.js";
import type { CodeImport } from "../parse/types.js";
import type { StoredSymbol } from "../store/code-reader.js";
import { isTestPath } from "../walk/file-filters.js";
import type { LanguageId } from "../walk/languages.js";
import type { NearIdentifier } from "./cursor.js";

/** A definition in test code, offered to a file that is not itself a test, counts this much. */
export const TEST_DEFINITION_FACTOR = 0.5;

/** How much a resolution is trusted, times the identifier's weight near the cursor. */
export const RESOLUTION_WEIGHT = {
  /** The symbol lives where the import that binds the name resolves (package map, relative path, namespace). */
  imported: 1,
  /** Same repository, no import needed (same package/namespace, or a global); ÷ √(namesakes in the repository). */
  sameRepo: 0.6,
  /** Another repository, found by name only: shared among the namesakes. */
  byNameOnly: 0.3,
} as const;

/** The open file as the resolver sees it. */
export interface OpenFile {
  repo: string | undefined;
  path: string;
  language: LanguageId | undefined;
  imports: readonly CodeImport[];
  namespace: string;
  /** Names the file binds to values itself (`locallyBoundNames`): looked up only through imports. */
  locals?: ReadonlySet<string>;
}

export interface DefinitionCandidate {
  symbol: StoredSymbol;
  score: number;
  /** What bound the name: "import" (with the module) or "name". */
  via: string;
}

interface Binding {
  /** Names to look up (the imported name, which an alias may hide). */
  lookup: string;
  module: string;
  /** Java/C#: a class the name is a member of (static import, `Format.formatAmount`). */
  container: string | undefined;
}

/**
 * The names to look up for the identifiers near the cursor: each identifier itself, plus the
 * original name behind an import alias (`import { formatAmount as fa }`).
 */
export function lookupNames(near: readonly NearIdentifier[], imports: readonly CodeImport[]): string[] {
  const names = new Set(near.map((n) => n.name));
  for (const n of near)
    for (const binding of bindingsOf(n, imports)) if (binding.lookup !== "*") names.add(binding.lookup);
  return [...names];
}

/**
 * Ranks stored definitions of the identifiers near the cursor. A definition scores the
 * identifier's weight times how it was resolved: through the file's imports and the org's
 * package map (or Java package / C# namespace), within the same repository, or by name only.
 * Definitions in the open file itself are skipped: the editor already shows them.
 */
export function rankDefinitions(
  near: readonly NearIdentifier[],
  file: OpenFile,
  symbols: readonly StoredSymbol[],
  packages: readonly RepoPackage[],
): DefinitionCandidate[] {
  const byName = new Map<string, StoredSymbol[]>();
  for (const symbol of symbols) {
    if (symbol.repo === file.repo && symbol.path === file.path) continue;
    const list = byName.get(symbol.name) ?? [];
    list.push(symbol);
    byName.set(symbol.name, list);
  }
  const best = new Map<string, DefinitionCandidate>();
  const offer = (symbol: StoredSymbol, score: number, via: string) => {
    const key = `${symbol.repo}\0${symbol.path}\0${symbol.start_line}`;
    const existing = best.get(key);
    if (!existing || existing.score < score) best.set(key, { symbol, score, via });
  };
  const fromTest = isTestPath(file.path);
  for (const identifier of near) {
    const bindings = bindingsOf(identifier, file.imports);
    const local = file.locals?.has(identifier.name) === true;
    const targets = new Map<Binding, ModuleTarget[]>(
      bindings.map((b) => [
        b,
        file.language ? moduleTargets(b.module, file.path, file.language, packages) : [],
      ]),
    );
    const names = new Set([identifier.name, ...bindings.map((b) => b.lookup).filter((n) => n !== "*")]);
    for (const name of names) {
      const candidates = byName.get(name) ?? [];
      const sameRepo = candidates.filter((c) => c.repo === file.repo).length;
      for (const symbol of candidates) {
        const shape =
          shapeFactor(symbol, identifier) *
          (!fromTest && isTestPath(symbol.path) ? TEST_DEFINITION_FACTOR : 1);
        const binding = bindings.find((b) => bindingMatches(b, targets.get(b) ?? [], symbol, file));
        if (binding)
          offer(symbol, identifier.weight * RESOLUTION_WEIGHT.imported * shape, `import ${binding.module}`);
        else if (local) continue;
        else if (symbol.repo === file.repo)
          offer(
            symbol,
            (identifier.weight * RESOLUTION_WEIGHT.sameRepo * shape) / Math.sqrt(sameRepo),
            "name",
          );
        else
          offer(
            symbol,
            (identifier.weight * RESOLUTION_WEIGHT.byNameOnly * shape) / candidates.length,
            "name",
          );
      }
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** Top-level functions/classes beat members; a qualifier naming the container (`Format.formatAmount`) restores a member. */
function shapeFactor(symbol: StoredSymbol, identifier: NearIdentifier): number {
  if (identifier.qualifier && symbol.container === identifier.qualifier) return 1;
  return symbol.top_level ? 1 : 0.8;
}

/** The imports that bind an identifier: by its local name, or through its qualifier (`ns.name`, a Go package, a C# using). */
function bindingsOf(identifier: NearIdentifier, imports: readonly CodeImport[]): Binding[] {
  const bindings: Binding[] = [];
  for (const imp of imports) {
    for (const name of imp.names) {
      if (name.local === identifier.name && name.imported !== "*")
        bindings.push({
          lookup: name.imported === "default" ? identifier.name : name.imported,
          module: imp.module,
          container: undefined,
        });
      else if (identifier.qualifier && name.local === identifier.qualifier)
        bindings.push(
          name.imported === "*"
            ? { lookup: identifier.name, module: imp.module, container: undefined }
            : { lookup: identifier.name, module: imp.module, container: name.imported },
        );
      else if (name.imported === "*" && (name.local === "*" || name.local === ""))
        bindings.push({ lookup: identifier.name, module: imp.module, container: identifier.qualifier });
    }
  }
  return bindings;
}

/** Languages whose files declare their package or namespace (`package com.acme.money;`). */
const NAMESPACE_LANGUAGES: ReadonlySet<string> = new Set(["java", "kotlin", "csharp"]);

function bindingMatches(
  binding: Binding,
  targets: readonly ModuleTarget[],
  symbol: StoredSymbol,
  file: OpenFile,
): boolean {
  if (targets.some((t) => (t.repo ?? file.repo) === symbol.repo && pathMatchesTarget(symbol.path, t)))
    return true;
  // Java/Kotlin packages and C# namespaces are declared in the files: match them through the symbol table
  if (NAMESPACE_LANGUAGES.has(symbol.language)) {
    if (symbol.namespace === binding.module)
      return !binding.container || symbol.container === binding.container;
    const dot = binding.module.lastIndexOf(".");
    return (
      dot > 0 &&
      symbol.namespace === binding.module.slice(0, dot) &&
      symbol.container === binding.module.slice(dot + 1)
    );
  }
  return false;
}
