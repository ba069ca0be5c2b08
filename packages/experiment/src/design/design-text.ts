import type { BalanceColumn } from "./balance-table.js";
import type { ExperimentDesign } from "./design-experiment.js";

const num = (v: number | null) => (v === null ? "—" : Number(v.toPrecision(4)).toString());

/** The balance table as aligned text: column, mean per arm, SMD (flagged above 0.1). */
export function formatBalanceTable(balance: readonly BalanceColumn[], arms: readonly string[]): string {
  if (balance.length === 0) return "  (no numeric columns to compare)";
  const header = ["column", ...arms.map((a) => `mean ${a}`), "SMD", "missing"];
  const rows = balance.map((b) => [
    b.column,
    ...arms.map((a) => num(b.means[a] ?? null)),
    b.smd === null ? "—" : `${b.smd.toFixed(3)}${Math.abs(b.smd) > 0.1 ? " !" : ""}`,
    String(b.missing),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  return [header, ...rows]
    .map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c] as number)).join("  ")}`)
    .join("\n");
}

/** The terminal rendering of `uplift experiment design`. */
export function formatDesignText(design: Omit<ExperimentDesign, "assignments">, out: string): string {
  const counts = design.arms.map((a) => `${design.counts[a]} ${a}`).join(" / ");
  const lines = [
    `experiment ${design.name}: ${design.units} units → ${counts} (seed ${design.seed})`,
    `strata: ${design.strata.length} (${design.strata
      .map((s) => `${s.stratum}: ${design.arms.map((a) => s.counts[a]).join("/")}`)
      .slice(0, 8)
      .join(", ")}${design.strata.length > 8 ? ", …" : ""})`,
  ];
  if (design.rerandomization.draws > 1) {
    lines.push(
      `re-randomization: kept draw ${design.rerandomization.chosen_draw + 1} of ${design.rerandomization.draws}, max |SMD| ${design.max_abs_smd.toFixed(3)} (first draw ${design.rerandomization.first_draw_max_abs_smd.toFixed(3)})`,
    );
  }
  lines.push("balance (standardized mean difference against the first arm; ! above 0.1):");
  lines.push(formatBalanceTable(design.balance, design.arms));
  lines.push(
    `ramp-up: ${design.ramp_up_days} days from ${design.starts_at.slice(0, 10)} (excluded from the analysis period)`,
  );
  lines.push(`assignment written to ${out} and stored as experiment "${design.name}"`);
  return lines.join("\n");
}
