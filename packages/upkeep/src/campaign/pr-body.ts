import type { BumpTarget, Campaign, RepoPlan } from "./types.js";

/** Labels on every campaign pull request: measure tells campaign work apart by them (or the branch prefix). */
export function campaignLabels(campaignId: string): string[] {
  return ["uplift-campaign", `uplift-campaign-${campaignId}`];
}

/** Branch of a campaign in every repository it changes. */
export function campaignBranch(campaignId: string): string {
  return `uplift/campaign-${campaignId}`;
}

export function prTitle(campaign: Campaign, targets: readonly BumpTarget[]): string {
  const what = targets.map((t) => `${t.package} to ${t.to}`).join(", ");
  return `${campaign.kind === "vulnerability" ? "fix(deps)" : "chore(deps)"}: bump ${what} [uplift ${campaign.id}]`;
}

export interface PrBodyInput {
  campaign: Campaign;
  targets: readonly BumpTarget[];
  plan: RepoPlan;
  baseline: string;
  finalTest: string;
  modelAttempts: number;
  modelId: string | null;
  /** The lines the model's patches add, with where they land. */
  modelLines: { path: string; line: number; text: string }[];
  /** Changed lines (added + removed) outside lock files: the model's and all. */
  modelChangedLines: number;
  totalLines: number;
}

/** The description: advisories, the bump, test results, and every line the model wrote. */
export function prBody(input: PrBodyInput): string {
  const { campaign, plan } = input;
  const advisories = input.targets.flatMap((t) =>
    t.advisories.map(
      (a) =>
        `| ${a.id} | ${a.aliases.join(", ") || "—"} | ${a.severity} | ${t.package} | ${a.summary ?? ""} |`,
    ),
  );
  const lines: string[] = [
    `Campaign **${campaign.name}** (\`${campaign.id}\`, ${campaign.kind}) opened this change with \`uplift upkeep campaign apply\`.`,
    "",
  ];
  if (advisories.length)
    lines.push(
      "### Advisories",
      "",
      "| advisory | aliases | severity | package | summary |",
      "|---|---|---|---|---|",
      ...advisories,
      "",
    );
  lines.push(
    "### Bump",
    "",
    ...plan.edits.map((e) => `- \`${e.package}\` ${e.from} → ${e.to} in \`${e.file}\``),
    `- lock file: ${plan.lockfile.note}`,
    "",
    "### Tests",
    "",
    `- before the change: ${input.baseline}`,
    `- after the change: ${input.finalTest}`,
    "",
    "### Lines written by the model",
    "",
  );
  if (input.modelLines.length === 0) lines.push("None: the deterministic bump alone passes the tests.");
  else {
    lines.push(
      `\`${input.modelId}\` wrote ${input.modelChangedLines} of the ${input.totalLines} changed line(s) outside lock files ` +
        `(${input.modelAttempts} attempt(s)); the lines it added:`,
      "",
      "```",
      ...input.modelLines.map((l) => `${l.path}:${l.line}: ${l.text}`),
      "```",
    );
  }
  lines.push(
    "",
    `<sub>Tagged for metrics: label \`uplift-campaign-${campaign.id}\`, branch \`${campaignBranch(campaign.id)}\`.</sub>`,
  );
  return lines.join("\n");
}
