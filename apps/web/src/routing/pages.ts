/** The dashboard's sections, in navigation order. `available: false` shows the honest placeholder. */
export interface PageDef {
  id: "overview" | "metrics" | "experiments" | "knowledge" | "code" | "models" | "campaigns";
  path: string;
  label: string;
  available: boolean;
  /** What the section will show, for the placeholder. */
  purpose: string;
  /** The CLI command that does it today. */
  command: string;
}

export const PAGES: readonly PageDef[] = [
  {
    id: "overview",
    path: "/",
    label: "Overview",
    available: true,
    purpose: "Instance health",
    command: "uplift serve",
  },
  {
    id: "metrics",
    // not "/metrics": that path is the Prometheus endpoint, so a reload or deep link would never reach the page
    path: "/measure",
    label: "Metrics",
    available: true,
    purpose: "PR, DORA and Flow metrics over time, per team and per experiment arm.",
    command: "uplift measure metrics --json",
  },
  {
    id: "experiments",
    path: "/experiments",
    label: "Experiments",
    available: true,
    purpose: "A/B rollouts of assistants: assignment, effects with confidence intervals, guardrails.",
    command: "uplift experiment analyze --json",
  },
  {
    id: "knowledge",
    path: "/knowledge",
    label: "Knowledge",
    available: true,
    purpose: "Knowledge-base sources, sync status, cited answers and their feedback.",
    command: 'uplift kb ask "QUESTION" --json',
  },
  {
    id: "code",
    path: "/code",
    label: "Code",
    available: true,
    purpose: "The organisation-wide code index: repositories, search and similar code.",
    command: 'uplift code search "QUERY" --json',
  },
  {
    id: "models",
    path: "/models",
    label: "Models",
    available: true,
    purpose:
      "The company model registry: eval results side by side, gate decisions, routes by experiment arm.",
    command: "uplift model list --json",
  },
  {
    id: "campaigns",
    path: "/campaigns",
    label: "Campaigns",
    available: true,
    purpose:
      "Upkeep campaigns: repositories by state, time per repository, the model's share of the changes.",
    command: "uplift upkeep campaign status NAME --json",
  },
];

/** The page for a location path; unknown paths show the Overview. */
export function pageForPath(path: string): PageDef {
  const normalized = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return PAGES.find((page) => page.path === normalized) ?? (PAGES[0] as PageDef);
}
