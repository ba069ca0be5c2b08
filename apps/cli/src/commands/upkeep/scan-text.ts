import type { ScanReport } from "@uplift/upkeep";

/** Text rendering of a scan: one table per repository, then the organisation roll-up. */
export function renderScanReport(report: ScanReport): string {
  const out: string[] = [];
  for (const repo of report.repositories) {
    out.push(
      `${repo.repo} (${repo.path}): ${count(repo.dependencies, "dependency", "dependencies")}, ` +
        count(repo.findings.length, "finding") +
        (repo.errors.length ? `, ${count(repo.errors.length, "file")} skipped` : ""),
    );
    if (repo.findings.length > 0)
      out.push(
        table(
          ["severity", "advisory", "package", "installed", "fixed in", "via"],
          repo.findings.map((f) => [
            f.severity + (f.cvss_score !== undefined ? ` ${f.cvss_score.toFixed(1)}` : ""),
            f.advisory_id,
            f.package,
            f.version,
            f.fixed_version ?? "—",
            `${f.direct ? "direct" : f.path.join(" > ")} (${f.file})`,
          ]),
        ),
      );
    for (const error of repo.errors) out.push(`  skipped ${named(error)}`);
    out.push("");
  }
  out.push("Organisation roll-up");
  if (report.rollup.length === 0) out.push("  no advisory matches any repository");
  else
    out.push(
      table(
        ["advisory", "severity", "package", "repositories", "fixed in"],
        report.rollup.map((r) => [
          r.advisory_id,
          r.severity,
          `${r.package} (${r.ecosystem})`,
          String(r.repositories),
          r.fixed_version ?? "—",
        ]),
      ),
    );
  const s = report.summary;
  const a = report.advisories;
  out.push(
    "",
    `${a.loaded} advisories loaded` +
      (a.skipped.length ? `, ${a.skipped.length} files skipped` : "") +
      (a.withdrawn ? `, ${a.withdrawn} withdrawn` : "") +
      (a.git_ranges_ignored ? `, ${a.git_ranges_ignored} GIT ranges not evaluated` : ""),
  );
  for (const skipped of a.skipped) out.push(`  skipped ${named(skipped)}`);
  if (s)
    out.push(
      `${s.repositories} repositories, ${s.dependencies} dependencies, ${s.findings} findings ` +
        `(critical ${s.by_severity.critical}, high ${s.by_severity.high}, medium ${s.by_severity.medium}, ` +
        `low ${s.by_severity.low}, unknown ${s.by_severity.unknown}) in ${s.duration_ms} ms`,
    );
  return out.join("\n");
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `file: message`, unless the message already starts with the file (parsers name it with the line). */
const named = (e: { file: string; message: string }) =>
  e.message.startsWith(e.file) ? e.message : `${e.file}: ${e.message}`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
