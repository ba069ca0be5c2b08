import { type RepositoryStatus, repositoryStatuses } from "@uplift/code";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

/** `uplift code repos`: the org index per repository (`--json`: `{ repositories: [...] }`). */
export async function codeReposCommand(global: GlobalOptions) {
  await withContext(global, async (ctx) => {
    const repositories = await repositoryStatuses(await ctx.store());
    ctx.print({ repositories }, ({ repositories }) =>
      repositories.length
        ? repositories.map(render).join("\n")
        : "no repository indexed yet (uplift code index --path DIR)",
    );
  });
}

function render(r: RepositoryStatus): string {
  const languages = Object.entries(r.languages)
    .map(([language, n]) => `${language} ${n}`)
    .join(", ");
  const health = [
    r.unparsed_files ? `${r.unparsed_files} as text` : "",
    r.files_with_syntax_errors ? `${r.files_with_syntax_errors} with syntax errors` : "",
  ].filter(Boolean);
  return (
    `${r.repo}  ${count(r.files, "file")}, ${count(r.lines, "line")}, ${count(r.symbols, "symbol")} (${languages || "no source"})` +
    `${health.length ? `; ${health.join(", ")}` : ""}; indexed ${r.indexed_at} via ${r.listing}` +
    `${r.packages.length ? `; packages ${r.packages.join(", ")}` : ""}\n  ${r.root}`
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
