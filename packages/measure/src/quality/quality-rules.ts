/**
 * How a PR is recognised as a hotfix or a bug fix when no work item says so (case-insensitive
 * JavaScript regular expressions, applied to the title, the head branch, and the labels as stored
 * in `attributes.labels` — a JSON array from GitHub/GitLab or a CSV cell). Configurable per report.
 */
export interface QualityRules {
  hotfixTitle: string;
  hotfixBranch: string;
  hotfixLabels: string;
  bugTitle: string;
  bugLabels: string;
  /** Work-item types that are bugs (`work_items.type`; a PostgreSQL regular expression, matched in SQL). */
  bugWorkItemTypes: string;
}

const WORD = (alternatives: string) => `(^|[^a-z0-9_-])(${alternatives})([^a-z0-9_-]|$)`;

export const DEFAULT_QUALITY_RULES: QualityRules = {
  hotfixTitle: "(^|[^a-z])hot-?fix",
  hotfixBranch: "^(hotfix|hot-fix|hotfixes)[/_-]",
  hotfixLabels: WORD("hotfix|hot-fix|hotfixes|emergency"),
  bugTitle: "^(fix|bugfix|bug)(\\([^)]*\\))?!?:|^(fix|fixes|fixed|bugfix)\\s",
  bugLabels: WORD("bug|defect|regression|type: bug|kind/bug"),
  bugWorkItemTypes: "^(bug|defect|incident|problem)$",
};

/** The default rules with the given ones on top; each must be a valid regular expression. */
export function qualityRules(overrides: Partial<QualityRules> = {}): QualityRules {
  const rules = { ...DEFAULT_QUALITY_RULES };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) rules[key as keyof QualityRules] = value;
  }
  return rules;
}
