import { InputError } from "@uplift/core";
import { coverageGaps } from "@uplift/kb";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

/**
 * `uplift kb gaps [--since DATE] [--min-count N] [--limit N] --json`: frequent questions whose
 * answers were weak, clustered, with counts and an example (docs/kb.md, "Coverage gaps").
 */
export async function gapsCommand(
  global: GlobalOptions,
  options: { since?: string; minCount: string; limit: string },
) {
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const minCount = parseWhole("--min-count", options.minCount);
  const limit = parseWhole("--limit", options.limit);
  await withContext(global, async (ctx) => {
    const report = await coverageGaps(await ctx.store(), { since, minCount, limit });
    ctx.print(report, (r) => {
      const lines = [
        `${r.weak_answers} weak of ${r.answers} answers${r.since ? ` since ${r.since}` : ""}; questions asked weakly at least ${r.min_count} times:`,
      ];
      r.gaps.forEach((gap, i) => {
        const reasons = Object.entries(gap.reasons)
          .filter(([, n]) => n > 0)
          .map(([reason, n]) => `${reason} ${n}`)
          .join(", ");
        lines.push(
          `${i + 1}. ${gap.question}  (${gap.count} weak of ${gap.asked} asked, ${gap.users} user${gap.users === 1 ? "" : "s"}; ${reasons})`,
          ...gap.examples.map((example) => `     also: ${example}`),
        );
      });
      if (r.gaps.length === 0) lines.push("no gaps: no question was answered weakly that often");
      return lines.join("\n");
    });
  });
}

function parseSince(text: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? new Date(`${text.trim()}T00:00:00Z`) : new Date(text);
  if (Number.isNaN(at.getTime()))
    throw new InputError(`--since ${text}: expected a date (2026-11-01) or an ISO 8601 time`);
  return at;
}

function parseWhole(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw new InputError(`${flag} ${text}: expected a whole number of at least 1`);
  return Number(text);
}
