import { changedLine, type ManifestBumper, type ManifestRewrite } from "./types.js";

/**
 * go.mod: the module's version in a `require` line or block is replaced (`// indirect` kept);
 * a module not required yet is added as its own `require` line. go.sum is regenerated only by
 * `go mod tidy` (the plan says whether the go tool is installed).
 */
export const goBumper: ManifestBumper = {
  matches: (name) => name === "go.mod",
  rewrite(file, text, target): ManifestRewrite | undefined {
    const to = target.to.startsWith("v") ? target.to : `v${target.to}`;
    const module = target.package.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    const pattern = new RegExp(`^(\\s*(?:require\\s+)?${module}\\s+)(v[^\\s]+)`, "m");
    const found = pattern.exec(text);
    let after: string;
    let from: string;
    if (found) {
      from = found[2] ?? "";
      if (from === to) return undefined;
      after = text.replace(pattern, `$1${to}`);
    } else {
      if (target.direct) return undefined;
      from = target.from ?? "(indirect)";
      after = `${text.replace(/\n*$/, "\n")}\nrequire ${target.package} ${to} // indirect\n`;
    }
    return {
      file,
      text: after,
      edit: { file, package: target.package, from, to, ...changedLine(text, after) },
    };
  },
};
