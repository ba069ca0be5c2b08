import type { Ecosystem, Finding } from "../scan/types.js";

export type CampaignKind = "vulnerability" | "upgrade";

/**
 * Where a repository is in its campaign. `created` → `planned` → `patched` (the bump is in the
 * sandbox) → `tests_green` → `pr_open` → `merged`; `failed` (tests still fail, for a human) and
 * `baseline_failed` (tests failed before any change: not the bump's fault) end it early.
 */
export const REPO_STATES = [
  "created",
  "planned",
  "patched",
  "tests_green",
  "pr_open",
  "merged",
  "failed",
  "baseline_failed",
] as const;
export type RepoState = (typeof REPO_STATES)[number];

/** States a rerun of `apply` does not touch again. */
export const FINAL_STATES: readonly RepoState[] = ["pr_open", "merged", "failed", "baseline_failed"];

export interface AdvisoryRef {
  id: string;
  aliases: string[];
  severity: Finding["severity"];
  summary?: string | undefined;
}

/** One package to move to a version in one repository. */
export interface BumpTarget {
  ecosystem: Ecosystem;
  package: string;
  /** Installed version when known (from the scan), else null. */
  from: string | null;
  to: string;
  /** Manifest that declares it, relative to the repository root, when known. */
  file?: string | undefined;
  direct: boolean;
  advisories: AdvisoryRef[];
}

export interface CampaignRepoInput {
  repo: string;
  path: string;
  targets: BumpTarget[];
}

export interface Campaign {
  id: string;
  name: string;
  kind: CampaignKind;
  /** How it was created (`from_scan`, `advisories`, or `package`/`to`). */
  source: Record<string, unknown>;
  createdAt: Date;
}

/** A manifest edit: the file and its lines before and after. */
export interface ManifestEdit {
  file: string;
  package: string;
  from: string;
  to: string;
  before: string;
  after: string;
}

export interface ApiChange {
  kind: "removed" | "added" | "changed";
  name: string;
  /** Declaration text in the old/new version. */
  before?: string | undefined;
  after?: string | undefined;
}

export interface ApiDiff {
  package: string;
  from: string;
  to: string;
  /** Where the declarations came from: the package itself, `@types/…`, or none found. */
  source: string;
  changes: ApiChange[];
  /** CHANGELOG/HISTORY lines between the two versions, when the package ships one. */
  changelog: string[];
  notes: string[];
}

export interface CallSite {
  path: string;
  line: number;
  text: string;
  /** The imported/changed name it uses, when known. */
  symbol?: string | undefined;
}

/** What `plan` computed for one repository; stored as JSON and fed to `apply`. */
export interface RepoPlan {
  repo: string;
  ecosystem: Ecosystem | null;
  edits: ManifestEdit[];
  /** Lock file regeneration: the command, or why it cannot run. */
  lockfile: { tool: string; status: "will_regenerate" | "tool_missing" | "no_lockfile"; note: string };
  install: { command: string[] | null; note: string };
  test: { command: string[] | null; source: string; note: string };
  api: ApiDiff[];
  callSites: CallSite[];
  callSitesSource: "code-index" | "grep";
  notes: string[];
}

export interface CommandOutcome {
  command: string;
  exitCode: number | null;
  ok: boolean;
  /** Tail of stdout+stderr. */
  output: string;
  durationMs: number;
}

/** One repository's row as `status` reports it. */
export interface CampaignRepoStatus {
  repo: string;
  path: string;
  state: RepoState;
  targets: BumpTarget[];
  branch: string | null;
  pr_url: string | null;
  model_lines: number;
  total_lines: number;
  merged_without_edits: boolean | null;
  seconds: number | null;
  reason: string | null;
  attempts: number;
}
