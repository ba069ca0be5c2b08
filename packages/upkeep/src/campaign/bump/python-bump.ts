import { changedLine, type ManifestBumper, type ManifestRewrite } from "./types.js";

/** PEP 503 normalised name: `Foo_Bar.baz` and `foo-bar-baz` are the same project. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/**
 * requirements*.txt and pyproject.toml (PEP 621 `dependencies = ["requests==2.25.0"]` and Poetry
 * `requests = "^2.25.0"`): the requirement is pinned to the fixed version (`==` stays `==`,
 * `>=`/`~=` are raised), extras and environment markers kept.
 */
export const pythonBumper: ManifestBumper = {
  matches: (name) => /^requirements.*\.txt$/.test(name) || name === "pyproject.toml",
  rewrite(file, text, target): ManifestRewrite | undefined {
    const wanted = normalise(target.package);
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i += 1) {
      const line = lines[i] ?? "";
      const next = rewriteLine(line, wanted, target.to);
      if (next === undefined || next.text === line) continue;
      lines[i] = next.text;
      const after = lines.join("\n");
      return {
        file,
        text: after,
        edit: { file, package: target.package, from: next.from, to: target.to, ...changedLine(text, after) },
      };
    }
    return undefined;
  },
};

function rewriteLine(line: string, wanted: string, to: string): { text: string; from: string } | undefined {
  // PEP 508 requirement, bare (requirements.txt) or quoted (pyproject dependencies arrays)
  const pep508 =
    /^(\s*["']?)([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?(\s*)(==|>=|~=|===)(\s*)([^\s,;"'#]+)/.exec(line);
  if (pep508 && normalise(pep508[2] ?? "") === wanted) {
    const op = pep508[5] === "===" ? "===" : pep508[5] === "==" ? "==" : pep508[5];
    const head = `${pep508[1]}${pep508[2]}${pep508[3] ?? ""}${pep508[4]}${op}${pep508[6]}`;
    return { text: head + to + line.slice(pep508[0].length), from: pep508[7] ?? "" };
  }
  // Poetry: name = "^2.25.0" or name = { version = "^2.25.0", … }
  const poetry =
    /^(\s*)([A-Za-z0-9][A-Za-z0-9._-]*)(\s*=\s*(?:\{[^}]*version\s*=\s*)?")([~^=<>!]*)([^"]+)(")/.exec(line);
  if (poetry && normalise(poetry[2] ?? "") === wanted) {
    const head = `${poetry[1]}${poetry[2]}${poetry[3]}${poetry[4]}`;
    return { text: head + to + line.slice(poetry[0].length - 1), from: poetry[5] ?? "" };
  }
  return undefined;
}
