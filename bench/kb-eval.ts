/**
 * Retrieval quality of `uplift kb` on the Kestrel Labs handbook (the corpus below: 40
 * Markdown pages, 60 judged questions, written for Uplift): nDCG@10, Recall@10 and MRR@10 for
 * BM25 at chunk sizes of 256, 512 and 800 tokens, with and without the title/heading boosts.
 * Each configuration syncs the pages into a fresh data dir through the package API (as
 * `uplift kb sync` does) and evaluates as `uplift kb eval` does. Run after `npx tsc -b`:
 *   node bench/kb-eval.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { coreMigrations, openSearchIndex, openStore, silentLogger } from "@uplift/core";
import {
  ANONYMOUS_READER,
  addSource,
  DEFAULT_CHUNK_OPTIONS,
  DEFAULT_FIELD_BOOSTS,
  evaluateRetrieval,
  type FieldBoosts,
  KbSearcher,
  kbMigrations,
  syncKnowledgeBase,
} from "@uplift/kb";

// ---- the corpus ----------------------------------------------------------------------

/**
 * A small documentation QA set written for the kb benchmark: the engineering handbook of a
 * fictional company (Kestrel Labs), 40 Markdown pages, 60 questions with graded relevance
 * (2: the page that answers, 1: a page that helps). Written by hand for Uplift; no outside data.
 * Every section gets some of the shared boilerplate paragraphs, as real handbooks have, so pages
 * are 300–1,500 tokens long and share much of their vocabulary; 20 team pages mention the
 * handbook's topics without answering the questions (distractors).
 */

interface CorpusDoc {
  id: string;
  title: string;
  sections: [heading: string, text: string][];
}

interface CorpusQuery {
  id: string;
  text: string;
  /** doc id → grade */
  qrels: Record<string, number>;
}

const BOILERPLATE = [
  "This page is owned by the platform team. If something here is out of date, open a pull request against the handbook repository and ask the owning team for a review; small fixes can be merged by anyone after one approval.",
  "Exceptions to this practice are possible but must be agreed with the owning team in advance and written down in the service's README, together with the reason and the date when the exception will be reviewed again.",
  "Teams are expected to follow this guidance for every production service. New services adopt it from their first release; older services adopt it the next time they make a significant change to the affected area.",
  "Questions about this topic can be asked in the engineering help channel. Answers that turn out to be useful for more people should be added back to this page so that the next engineer finds them here.",
  "The practice described here was introduced after several incidents showed that doing things differently in every team made on-call harder. Consistency matters more than the details of any single choice.",
  "Automation checks most of these rules in the pipeline. When a check fails, the error message links back to this section; please read it before asking for the check to be disabled for your repository.",
  "Engineering managers review adherence once per quarter as part of the operational review. The goal is to find where the guidance does not fit the work, not to blame teams for deviating from it.",
  "If you are new to Kestrel Labs, ask your onboarding buddy to walk you through this section with a real example from your team's services, since the examples here are simplified on purpose.",
];

const corpusDocs: CorpusDoc[] = [
  {
    id: "deploying-services",
    title: "Deploying services",
    sections: [
      [
        "Overview",
        "All services are deployed through Runway, our deployment pipeline. A deploy starts automatically when a change is merged to main and the build is green.",
      ],
      [
        "Canary stage",
        "Every deploy first goes to the canary, which receives 5% of production traffic. Watch the canary dashboards for fifteen minutes before promoting; Runway promotes automatically if no alert fires in that window.",
      ],
      [
        "Promoting",
        "To promote a release by hand, run `runway promote SERVICE`. Promotion rolls the new version out region by region, starting with eu-west.",
      ],
      [
        "Deploy freeze",
        "There are no deploys on Friday after 15:00 local time or during company-wide freezes announced in the engineering channel. Emergency fixes during a freeze need approval from the incident commander.",
      ],
    ],
  },
  {
    id: "rollbacks",
    title: "Rolling back a release",
    sections: [
      [
        "When to roll back",
        "Roll back first and investigate later whenever a release increases errors or latency for customers. A rollback is always cheaper than debugging in production.",
      ],
      [
        "How to roll back",
        "Run `runway rollback SERVICE --to previous`. A rollback takes about three minutes and skips the canary stage.",
      ],
      [
        "Database changes",
        "Because rollbacks must always be safe, database migrations have to stay backward compatible with the previous two releases. Never drop a column in the same release that stops using it.",
      ],
    ],
  },
  {
    id: "on-call",
    title: "On-call rotation",
    sections: [
      [
        "Rotation",
        "Each team runs a weekly on-call rotation that starts on Monday at 10:00. The outgoing engineer writes a handover note listing open incidents and noisy alerts.",
      ],
      [
        "Primary and secondary",
        "Pages go to the primary first. If the primary does not acknowledge within ten minutes, Beacon escalates to the secondary automatically.",
      ],
      [
        "Compensation",
        "On-call engineers receive a fixed weekly allowance and a day off after any night with more than two pages between 22:00 and 07:00.",
      ],
      [
        "Paging tool",
        "We use Beacon for paging. Install the Beacon mobile app and test your notification settings before your first shift.",
      ],
    ],
  },
  {
    id: "incident-severity",
    title: "Incident severity levels",
    sections: [
      [
        "SEV1",
        "A SEV1 is a customer-facing outage or data loss. Declare it in Beacon, which assigns an incident commander and opens a war-room channel. The status page must be updated within twenty minutes.",
      ],
      [
        "SEV2",
        "A SEV2 is a partial degradation with a workaround. The owning team handles it during working hours with an hourly update in the incident channel.",
      ],
      [
        "SEV3",
        "A SEV3 is a minor issue with no customer impact. It is handled the next business day as a normal ticket.",
      ],
    ],
  },
  {
    id: "postmortems",
    title: "Writing postmortems",
    sections: [
      [
        "Blameless reviews",
        "Every SEV1 and SEV2 gets a blameless postmortem. We look for what in the system made the mistake easy, never for who made it.",
      ],
      [
        "Deadline",
        "The postmortem document is due within five business days of the incident and is reviewed in the weekly reliability meeting.",
      ],
      [
        "Template and action items",
        "Use the postmortem template in Ledger. Action items are tracked as tickets with the label `pm-action` and must have an owner and a due date.",
      ],
    ],
  },
  {
    id: "code-review",
    title: "Code review guidelines",
    sections: [
      [
        "Approvals",
        "Changes to tier 1 services need two approvals; all other repositories need one. The author may not approve their own change.",
      ],
      [
        "Response time",
        "Reviewers respond within one business day. If you cannot review in time, say so and suggest someone else.",
      ],
      [
        "Pull request size",
        "Keep pull requests under 400 changed lines. Split larger changes into a stack of smaller ones that can be reviewed separately.",
      ],
      [
        "Tone",
        "Comments explain the why and distinguish blocking issues from suggestions by prefixing suggestions with `nit:`.",
      ],
    ],
  },
  {
    id: "branching",
    title: "Branching and merging",
    sections: [
      [
        "Trunk-based development",
        "We practise trunk-based development: branches live for less than two days and are merged to main behind feature flags when the work is unfinished.",
      ],
      [
        "Merging",
        "Pull requests are squash-merged so that main has one commit per change. The commit message is the pull request title and description.",
      ],
      [
        "Protected main",
        "Main is protected: direct pushes are blocked, status checks must pass and the branch must be up to date before merging.",
      ],
    ],
  },
  {
    id: "ci-pipeline",
    title: "Continuous integration with Forge",
    sections: [
      [
        "Pipeline",
        "Forge runs the CI pipeline for every pull request: lint, type check, unit tests, integration tests and a container build.",
      ],
      [
        "Build cache",
        "Builds use the shared remote cache, so unchanged packages are not rebuilt. Clear the cache for a branch with `forge cache purge`.",
      ],
      [
        "Time budget",
        "A pipeline must finish in under fifteen minutes. Pipelines that are slower get a ticket for the owning team.",
      ],
      [
        "Flaky tests",
        "A flaky test is quarantined with the label `flaky` and fixed within two weeks; quarantined tests still run but do not fail the build.",
      ],
    ],
  },
  {
    id: "testing-strategy",
    title: "Testing strategy",
    sections: [
      [
        "Test pyramid",
        "Most tests are fast unit tests, fewer are integration tests against real dependencies in containers, and only critical journeys have end-to-end tests.",
      ],
      [
        "Contract tests",
        "Services that call each other over HTTP use Pact contract tests. The provider verifies every consumer's contract in its pipeline.",
      ],
      [
        "Coverage",
        "New code should have at least 80% line coverage. Coverage is reported on the pull request but never blocks the merge on its own.",
      ],
    ],
  },
  {
    id: "feature-flags",
    title: "Feature flags with Switchboard",
    sections: [
      [
        "Creating flags",
        "Feature flags live in Switchboard. Name them `team.feature`, for example `payments.new-checkout`, and give each flag an owner.",
      ],
      [
        "Rollout",
        "Roll out by percentage of users, starting with internal staff, then 1%, 10%, 50% and 100%.",
      ],
      [
        "Cleanup",
        "Remove a flag from the code within thirty days after it reached 100%. Switchboard reports stale flags to their owners every Monday.",
      ],
    ],
  },
  {
    id: "secrets",
    title: "Managing secrets",
    sections: [
      [
        "Vault",
        "Secrets are stored in Vault, never in the repository and never in committed environment files. Read them at runtime with the Vault agent sidecar.",
      ],
      ["Local access", "To read a secret locally, run `kest secrets get PATH` after logging in with SSO."],
      [
        "Rotation",
        "Secrets are rotated every ninety days, and immediately if they may have been exposed, for example in a log line or a screenshot.",
      ],
    ],
  },
  {
    id: "production-access",
    title: "Requesting production access",
    sections: [
      [
        "Gatekeeper",
        "Access to production systems is requested in Gatekeeper. Your team lead approves the request.",
      ],
      [
        "Duration",
        "Production access is temporary and expires after eight hours. Request it again the next day if you still need it.",
      ],
      [
        "Break-glass",
        "In an emergency, the break-glass role grants access without approval, pages the security team and requires a written justification within one day.",
      ],
    ],
  },
  {
    id: "onboarding",
    title: "Onboarding for engineers",
    sections: [
      [
        "Laptop setup",
        "Run `bootstrap.sh` from the dev-setup repository on your first day. It installs the toolchain, configures Git and sets up SSO.",
      ],
      [
        "Buddy",
        "Every new engineer gets an onboarding buddy from their team for the first six weeks, who reviews their first pull requests.",
      ],
      [
        "First week",
        "In the first week you ship a small change to production, join an on-call shadow shift and read the architecture overview.",
      ],
    ],
  },
  {
    id: "local-development",
    title: "Local development environment",
    sections: [
      [
        "devstack",
        "Run `devstack up` to start the local environment with Docker Compose: PostgreSQL, Redis, Kafka and the services your service depends on.",
      ],
      [
        "Seed data",
        "The local database is seeded with fictional customers. Run `devstack seed --reset` to restore the seed data.",
      ],
      [
        "Hot reload",
        "Services started with `devstack dev SERVICE` reload automatically when you save a file.",
      ],
    ],
  },
  {
    id: "database-migrations",
    title: "Database migrations",
    sections: [
      [
        "Tooling",
        "Schema migrations are written as plain SQL files and applied by the migrate job during deploys.",
      ],
      [
        "Expand and contract",
        "Use expand and contract: add the new column, backfill, switch reads and writes, and only then remove the old column in a later release.",
      ],
      [
        "Large tables",
        "Migrations that touch tables with more than ten million rows must be reviewed by the database guild and run online, in batches.",
      ],
    ],
  },
  {
    id: "api-guidelines",
    title: "HTTP API design guidelines",
    sections: [
      [
        "Style",
        "Public APIs are REST over HTTPS with JSON bodies. Field names use snake_case and timestamps are ISO 8601 in UTC.",
      ],
      [
        "Versioning",
        "Breaking changes get a new major version in the URL path, such as `/v2/orders`. The previous version is supported for twelve months.",
      ],
      [
        "Pagination",
        "List endpoints use cursor-based pagination with a default page size of 50 and a maximum of 200 items.",
      ],
      [
        "Errors",
        "Errors return a JSON body with a stable `code`, a human-readable `message` and the request id.",
      ],
    ],
  },
  {
    id: "grpc-services",
    title: "gRPC services and protobuf schemas",
    sections: [
      ["Schemas repository", "All protobuf files live in the schemas repository, one folder per domain."],
      [
        "Linting",
        "Buf lints every proto change and runs the breaking-change check against main; a breaking change needs a new package version.",
      ],
      ["Deadlines", "Every gRPC call sets a deadline. The default client deadline is two seconds."],
    ],
  },
  {
    id: "observability",
    title: "Observability: metrics, logs and traces",
    sections: [
      [
        "Metrics",
        "Services expose Prometheus metrics on `/metrics`. Dashboards are built in Grafana from the shared service template.",
      ],
      [
        "Logs",
        "Logs are structured JSON shipped to Loki and kept for fourteen days. Never log secrets or personal data.",
      ],
      [
        "Traces",
        "Tracing uses OpenTelemetry. Ten percent of requests are sampled, and every error trace is kept.",
      ],
    ],
  },
  {
    id: "alerting",
    title: "Alerting guidelines",
    sections: [
      [
        "Actionable alerts",
        "Every alert must be actionable and link to a runbook. An alert that needs no action is a dashboard, not an alert.",
      ],
      [
        "Burn-rate alerts",
        "Page on SLO burn rate rather than on raw symptoms: a fast burn pages immediately, a slow burn opens a ticket.",
      ],
      [
        "What not to alert on",
        "Do not alert on CPU or memory usage alone; they are causes to investigate, not symptoms users feel.",
      ],
    ],
  },
  {
    id: "slos",
    title: "Service level objectives",
    sections: [
      ["Targets", "Tier 1 services target 99.9% availability over 28 days; tier 2 services target 99.5%."],
      [
        "Error budget policy",
        "When a service has used its whole error budget, the team stops feature work and spends the next sprint on reliability.",
      ],
      ["Review", "SLOs are reviewed every quarter with the product manager of the service."],
    ],
  },
  {
    id: "runbooks",
    title: "Runbooks",
    sections: [
      [
        "Where they live",
        "Runbooks are Markdown files in the runbooks repository, one file per alert, named after the alert.",
      ],
      [
        "Content",
        "A runbook says what the alert means, how to confirm the impact, and the first three things to try.",
      ],
      [
        "Review",
        "Each runbook is reviewed every quarter by the owning team; stale runbooks are flagged in the operational review.",
      ],
    ],
  },
  {
    id: "kubernetes",
    title: "Kubernetes clusters",
    sections: [
      [
        "Clusters",
        "We run three production clusters: eu-west, us-east and ap-south. Staging runs in a single cluster in eu-west.",
      ],
      ["Namespaces", "Each team gets one namespace per cluster, named after the team."],
      [
        "Resources",
        "Every container must declare CPU and memory requests and a memory limit; the admission controller rejects pods without them.",
      ],
    ],
  },
  {
    id: "infrastructure-as-code",
    title: "Infrastructure as code",
    sections: [
      [
        "Terraform",
        "Cloud infrastructure is managed with Terraform in the infra-live repository. Manual changes in the cloud console are reverted.",
      ],
      [
        "Plans on pull requests",
        "Atlantis posts the Terraform plan as a comment on each pull request and applies it after approval.",
      ],
      ["State", "Terraform state is stored in S3 with DynamoDB locking; never edit state by hand."],
    ],
  },
  {
    id: "cost-management",
    title: "Cloud cost management",
    sections: [
      ["Reports", "Every team receives a monthly cloud cost report broken down by service."],
      [
        "Tagging",
        "All cloud resources must carry the `cost-center` and `team` tags; untagged resources are reported every week.",
      ],
      [
        "Idle resources",
        "Idle resources such as unattached volumes and stopped instances are deleted after fourteen days.",
      ],
    ],
  },
  {
    id: "security-reviews",
    title: "Security reviews",
    sections: [
      [
        "Threat models",
        "Every new service gets a threat model before its first production release, written with the team's security champion.",
      ],
      [
        "Security champions",
        "Each team names a security champion who joins the monthly security guild meeting.",
      ],
      [
        "Penetration tests",
        "External penetration tests of the customer-facing applications run once a year.",
      ],
    ],
  },
  {
    id: "dependency-updates",
    title: "Dependency updates and vulnerabilities",
    sections: [
      ["Renovate", "Renovate opens dependency update pull requests once a week, grouped by ecosystem."],
      [
        "Vulnerability deadlines",
        "Critical vulnerabilities must be patched within seven days and high ones within thirty days of disclosure.",
      ],
      [
        "Exceptions",
        "If a vulnerable dependency cannot be upgraded in time, file a risk acceptance in Ledger signed by the engineering director.",
      ],
    ],
  },
  {
    id: "frontend-guidelines",
    title: "Frontend guidelines",
    sections: [
      [
        "Stack",
        "Web applications are written in React with TypeScript and use the Plume design system for components.",
      ],
      ["Accessibility", "Every page must meet WCAG 2.1 AA; accessibility checks run in CI with axe."],
      ["Bundle budget", "The initial JavaScript bundle of a page may not exceed 250 KB compressed."],
    ],
  },
  {
    id: "mobile-releases",
    title: "Mobile releases",
    sections: [
      [
        "Release train",
        "The mobile apps ship on a weekly release train: the branch is cut every Tuesday and submitted to the stores on Thursday.",
      ],
      ["Phased rollout", "Releases roll out in phases to 10%, 50% and then 100% of users over three days."],
      ["Crash threshold", "A rollout is halted when the crash-free session rate drops below 99.5%."],
    ],
  },
  {
    id: "data-pipelines",
    title: "Data pipelines",
    sections: [
      [
        "Orchestration",
        "Batch pipelines are Airflow DAGs in the data-pipelines repository; transformations are dbt models.",
      ],
      [
        "Warehouse",
        "Data lands in the Glacier warehouse. Columns with personal data are tagged `pii` and masked for most roles.",
      ],
      ["Freshness", "Every dbt model declares a freshness check; stale models alert the data on-call."],
    ],
  },
  {
    id: "analytics-events",
    title: "Product analytics events",
    sections: [
      [
        "Naming",
        "Events are named `object_action` in snake case, for example `order_placed` or `invoice_paid`.",
      ],
      [
        "Schema registry",
        "Every event has a schema in the event registry; events that do not match their schema are dropped and counted.",
      ],
      ["Review", "New events are reviewed by the data team before they ship."],
    ],
  },
  {
    id: "ml-deployment",
    title: "Deploying machine learning models",
    sections: [
      [
        "Model Hub",
        "Trained models are registered in Model Hub with their training data version and evaluation metrics.",
      ],
      [
        "Shadow mode",
        "A new model runs in shadow mode for 48 hours, scoring live traffic without affecting users, before it serves predictions.",
      ],
      [
        "Drift monitoring",
        "Feature and prediction drift are monitored daily; a drift alert triggers a retraining review.",
      ],
    ],
  },
  {
    id: "documentation-standards",
    title: "Documentation standards",
    sections: [
      ["Docs as code", "Documentation lives next to the code in a `docs/` folder and is reviewed like code."],
      [
        "READMEs",
        "Every repository's README names the owning team, explains how to run the service locally and links its runbooks.",
      ],
      [
        "Diagrams",
        "Architecture diagrams are written as code with Mermaid so they can be reviewed in pull requests.",
      ],
    ],
  },
  {
    id: "adrs",
    title: "Architecture decision records",
    sections: [
      [
        "When to write one",
        "Write an ADR for any decision that is expensive to reverse, such as choosing a database or a messaging pattern.",
      ],
      [
        "Format",
        "ADRs are numbered Markdown files in the `adr/` folder with the sections context, decision and consequences.",
      ],
      ["Status", "An ADR is proposed, accepted, or superseded by a later ADR, which it then links to."],
    ],
  },
  {
    id: "team-rituals",
    title: "Team rituals",
    sections: [
      ["Sprints", "Teams work in two-week sprints that start with planning on Monday morning."],
      [
        "Retrospectives",
        "Every sprint ends with a retrospective; the team picks at most two improvements to try.",
      ],
      ["Demos", "Teams demo finished work to stakeholders on the last Friday of the sprint."],
    ],
  },
  {
    id: "career-ladder",
    title: "Engineering career ladder",
    sections: [
      ["Levels", "The engineering ladder has seven levels, L1 to L7; L5 is the first staff level."],
      [
        "Promotions",
        "Promotion packets are reviewed twice a year, in March and September, by a calibration committee.",
      ],
      [
        "Expectations",
        "Each level describes expectations for technical scope, collaboration and impact; managers discuss them in monthly one-on-ones.",
      ],
    ],
  },
  {
    id: "hiring",
    title: "Hiring and interviews",
    sections: [
      [
        "Interview loop",
        "The interview loop has four interviews: coding, system design, a past-project deep dive and a values conversation.",
      ],
      ["System design", "System design interviews are only for candidates at L4 and above."],
      [
        "Feedback",
        "Interviewers submit written feedback within 24 hours, before talking to other interviewers.",
      ],
    ],
  },
  {
    id: "open-source",
    title: "Contributing to open source",
    sections: [
      [
        "Approval",
        "Contributions to outside open-source projects need approval from the open source program office (OSPO).",
      ],
      [
        "CLAs",
        "The OSPO signs contributor license agreements on behalf of the company; do not sign them yourself.",
      ],
      [
        "Licensing our code",
        "Projects we publish use the Apache-2.0 license unless the OSPO agrees otherwise.",
      ],
    ],
  },
  {
    id: "caching",
    title: "Caching with Redis",
    sections: [
      [
        "Clusters",
        "Services share managed Redis clusters per region; each service uses its own key prefix, the service name.",
      ],
      [
        "TTLs",
        "The default time to live for cached entries is five minutes; longer TTLs need an invalidation plan.",
      ],
      ["What not to cache", "Never cache authentication or authorization responses."],
    ],
  },
  {
    id: "kafka",
    title: "Messaging with Kafka",
    sections: [
      [
        "Topics",
        "Topics are named `domain.entity.event`, for example `billing.invoice.paid`, and are created through the topics repository.",
      ],
      ["Retention", "Topics keep messages for seven days by default."],
      [
        "Retries and dead letters",
        "Consumers retry a failing message five times with backoff, then move it to the topic's dead-letter queue.",
      ],
    ],
  },
  {
    id: "service-catalog",
    title: "The service catalog",
    sections: [
      [
        "Roster",
        "Every service is registered in Roster, our service catalog, with its owning team, tier, repository and on-call schedule.",
      ],
      [
        "Tiers",
        "Tier 1 services are customer-facing and revenue-critical; tier 2 services support internal users; tier 3 are experiments.",
      ],
      [
        "Keeping it current",
        "Ownership changes are made in Roster first; Beacon reads on-call schedules from it.",
      ],
    ],
  },
];

const TEAMS = [
  "Falcon",
  "Osprey",
  "Heron",
  "Kite",
  "Merlin",
  "Plover",
  "Swift",
  "Tern",
  "Wren",
  "Ibis",
  "Puffin",
  "Lark",
  "Robin",
  "Finch",
  "Gannet",
  "Egret",
  "Crane",
  "Dipper",
  "Raven",
  "Shrike",
];

/** One sentence per handbook topic as a team page would mention it: the words, not the answer. */
const MENTIONS = [
  "We deploy with Runway several times a day and keep an eye on the canary dashboards during every release.",
  "Rollbacks have saved us more than once; we practise them in game days so nobody is surprised.",
  "Our on-call rotation is shared between the two halves of the team, and the handover happens in the team channel.",
  "We have had two incidents this year, both handled with an incident commander and a war-room channel.",
  "Our postmortems are short and focus on the system; the action items go into our backlog.",
  "We review every pull request within the team and try to keep reviews friendly and quick.",
  "Branches are short-lived and we merge to main many times a day.",
  "Our Forge pipeline runs unit and integration tests and builds the container image.",
  "We test with unit tests first, integration tests in containers and a few end-to-end journeys.",
  "New functionality ships behind a Switchboard feature flag and is rolled out gradually.",
  "Our services read their secrets from Vault at runtime.",
  "Production access is rare for us; most debugging happens through dashboards and logs.",
  "New engineers on the team pair with a buddy and ship a small change in their first week.",
  "Locally we run the services with devstack and a seeded database.",
  "Schema changes go through the migrate job during deploys like everyone else's.",
  "Our public API follows the company HTTP API guidelines, with JSON bodies and versioned URLs.",
  "Internal calls between our services use gRPC with schemas from the schemas repository.",
  "We watch Grafana dashboards, search logs in Loki and follow traces when latency grows.",
  "Each alert we own links to a runbook and is reviewed when it fires without need.",
  "Our services have SLOs and we track the error budget in the weekly team meeting.",
  "Runbooks for our alerts live in the runbooks repository.",
  "We run in all three Kubernetes clusters with a namespace named after the team.",
  "Infrastructure changes go through Terraform pull requests in infra-live.",
  "We look at the monthly cloud cost report and clean up what we no longer use.",
  "Our security champion joins the guild meeting and brings back what we need to change.",
  "Renovate keeps our dependencies current; we merge its pull requests every week.",
  "The web front end is React and TypeScript with Plume components.",
  "The mobile app follows the company release train.",
  "Our data lands in the warehouse through Airflow and dbt.",
  "Product analytics events are defined together with the data team.",
  "Models are trained offline and registered before they serve predictions.",
  "Our documentation lives in the docs folder of each repository.",
  "Important decisions are written down as ADRs in the repository.",
  "We work in two-week sprints with planning, a demo and a retrospective.",
  "Growth conversations follow the engineering career ladder.",
  "We take part in interview loops for the teams we work with most.",
  "A few of us contribute to open-source libraries we depend on.",
  "Hot data is cached in the shared Redis clusters.",
  "Events between services flow through Kafka topics.",
  "All our services are registered in Roster with their tier and on-call schedule.",
];

/** Distractor pages: one per team, mentioning eight handbook topics each. */
const teamPages: CorpusDoc[] = TEAMS.map((team, t) => ({
  id: `team-${team.toLowerCase()}`,
  title: `Team ${team}: how we work`,
  sections: [0, 1, 2, 3].map((s): [string, string] => {
    const a = MENTIONS[(t * 7 + s * 11) % MENTIONS.length] as string;
    const b = MENTIONS[(t * 13 + s * 5 + 3) % MENTIONS.length] as string;
    return [["Who we are", "How we ship", "How we operate", "Working with us"][s] as string, `${a} ${b}`];
  }),
}));

/**
 * Markdown of a document: title, then each section with its text and 1–6 boilerplate
 * paragraphs, so that sections run from ~80 to ~400 tokens as in real handbooks.
 */
function corpusMarkdown(doc: CorpusDoc, docIndex: number): string {
  const sections = doc.sections.map(([heading, text], i) => {
    const count = 1 + ((docIndex * 7 + i * 3) % 6);
    const filler = Array.from(
      { length: count },
      (_, j) => BOILERPLATE[(docIndex * 3 + i * 5 + j) % BOILERPLATE.length] as string,
    );
    return `## ${heading}\n\n${text}\n\n${filler.join("\n\n")}`;
  });
  return `# ${doc.title}\n\n${sections.join("\n\n")}\n`;
}

const corpusQueries: CorpusQuery[] = [
  {
    id: "q01",
    text: "how long do we observe a new version on a slice of traffic before rolling it out everywhere",
    qrels: { "deploying-services": 2 },
  },
  { id: "q02", text: "is shipping to production allowed late on Friday", qrels: { "deploying-services": 2 } },
  { id: "q03", text: "what share of traffic does the canary get", qrels: { "deploying-services": 2 } },
  {
    id: "q04",
    text: "a release broke checkout, how do I go back to the last version",
    qrels: { rollbacks: 2, "deploying-services": 1 },
  },
  {
    id: "q05",
    text: "why must migrations stay backward compatible",
    qrels: { rollbacks: 2, "database-migrations": 1 },
  },
  { id: "q06", text: "when does the on-call week start", qrels: { "on-call": 2 } },
  {
    id: "q07",
    text: "the first responder is not answering the page, what happens next",
    qrels: { "on-call": 2 },
  },
  { id: "q08", text: "do I get a day off after being paged at night", qrels: { "on-call": 2 } },
  {
    id: "q09",
    text: "customers are affected by a full outage, when do we have to tell them publicly",
    qrels: { "incident-severity": 2 },
  },
  { id: "q10", text: "what counts as a SEV2 incident", qrels: { "incident-severity": 2 } },
  {
    id: "q11",
    text: "after an incident, how many days do we have to write up what went wrong",
    qrels: { postmortems: 2 },
  },
  { id: "q12", text: "which label do postmortem action items get", qrels: { postmortems: 2 } },
  {
    id: "q13",
    text: "how many approvals does a change to a tier 1 service need",
    qrels: { "code-review": 2, "service-catalog": 1 },
  },
  { id: "q14", text: "how big can my change be before I should split it", qrels: { "code-review": 2 } },
  { id: "q15", text: "how quickly should reviewers respond", qrels: { "code-review": 2 } },
  { id: "q16", text: "how long can I keep working on a separate branch", qrels: { branching: 2 } },
  { id: "q17", text: "do we squash or rebase when merging", qrels: { branching: 2 } },
  { id: "q18", text: "how do I clear the CI build cache", qrels: { "ci-pipeline": 2 } },
  {
    id: "q19",
    text: "a test fails randomly sometimes, what should I do with it",
    qrels: { "ci-pipeline": 2 },
  },
  { id: "q20", text: "how long may the CI pipeline take", qrels: { "ci-pipeline": 2 } },
  {
    id: "q21",
    text: "how do we make sure a service does not break the services that call it",
    qrels: { "testing-strategy": 2 },
  },
  { id: "q22", text: "required test coverage for new code", qrels: { "testing-strategy": 2 } },
  { id: "q23", text: "naming convention for feature flags", qrels: { "feature-flags": 2 } },
  {
    id: "q24",
    text: "a toggle has been fully on for weeks, when should it be deleted from the code",
    qrels: { "feature-flags": 2 },
  },
  { id: "q25", text: "where do we keep secrets and how often are they rotated", qrels: { secrets: 2 } },
  { id: "q26", text: "fetch a password or API key while developing locally", qrels: { secrets: 2 } },
  { id: "q27", text: "how long does production access last", qrels: { "production-access": 2 } },
  {
    id: "q28",
    text: "I need to get into production right now and my lead is unreachable",
    qrels: { "production-access": 2 },
  },
  { id: "q29", text: "I just got my computer, how do I install everything", qrels: { onboarding: 2 } },
  { id: "q30", text: "what does a new engineer do in the first week", qrels: { onboarding: 2 } },
  { id: "q31", text: "start the local environment with docker compose", qrels: { "local-development": 2 } },
  {
    id: "q32",
    text: "my local test data is messed up, how do I start over",
    qrels: { "local-development": 2 },
  },
  {
    id: "q33",
    text: "steps to get rid of a database field without downtime",
    qrels: { "database-migrations": 2, rollbacks: 1 },
  },
  { id: "q34", text: "who reviews migrations on very large tables", qrels: { "database-migrations": 2 } },
  { id: "q35", text: "snake_case or camelCase for JSON fields", qrels: { "api-guidelines": 2 } },
  { id: "q36", text: "how many items can one API response return at most", qrels: { "api-guidelines": 2 } },
  { id: "q37", text: "how long is an old API version supported", qrels: { "api-guidelines": 2 } },
  { id: "q38", text: "default deadline for gRPC calls", qrels: { "grpc-services": 2 } },
  { id: "q39", text: "where do protobuf files live", qrels: { "grpc-services": 2 } },
  { id: "q40", text: "how long are logs retained", qrels: { observability: 2 } },
  { id: "q41", text: "are all requests recorded in distributed tracing", qrels: { observability: 2 } },
  { id: "q42", text: "is it a good idea to page someone when a machine is busy", qrels: { alerting: 2 } },
  { id: "q43", text: "burn rate paging policy", qrels: { alerting: 2, slos: 1 } },
  { id: "q44", text: "availability target for tier 1 services", qrels: { slos: 2, "service-catalog": 1 } },
  {
    id: "q45",
    text: "we have been unreliable all month, do we have to stop building features",
    qrels: { slos: 2 },
  },
  { id: "q46", text: "where are runbooks stored", qrels: { runbooks: 2, alerting: 1 } },
  { id: "q47", text: "which regions do our kubernetes clusters run in", qrels: { kubernetes: 2 } },
  { id: "q48", text: "why was my container refused by the cluster", qrels: { kubernetes: 2 } },
  { id: "q49", text: "who applies terraform plans", qrels: { "infrastructure-as-code": 2 } },
  { id: "q50", text: "what labels must every cloud resource have", qrels: { "cost-management": 2 } },
  {
    id: "q51",
    text: "a severe security hole was found in a library we use, how soon must we upgrade",
    qrels: { "dependency-updates": 2 },
  },
  { id: "q52", text: "when is a threat model needed", qrels: { "security-reviews": 2 } },
  { id: "q53", text: "javascript bundle size limit", qrels: { "frontend-guidelines": 2 } },
  {
    id: "q54",
    text: "when do we stop releasing a new app version to more phones",
    qrels: { "mobile-releases": 2 },
  },
  { id: "q55", text: "how is personal data marked in the warehouse", qrels: { "data-pipelines": 2 } },
  { id: "q56", text: "how should analytics events be named", qrels: { "analytics-events": 2 } },
  {
    id: "q57",
    text: "how long is a new machine learning model tested on live traffic before it is used",
    qrels: { "ml-deployment": 2 },
  },
  { id: "q58", text: "when are promotion packets reviewed", qrels: { "career-ladder": 2 } },
  { id: "q59", text: "default TTL for cached entries", qrels: { caching: 2 } },
  { id: "q60", text: "what happens to a message that keeps failing to be processed", qrels: { kafka: 2 } },
];

// ---- the benchmark -------------------------------------------------------------------

const K = 10;
const root = mkdtempSync(path.join(tmpdir(), "kb-eval-"));
const docsDir = path.join(root, "handbook");
mkdirSync(docsDir);
const pages = [...corpusDocs, ...teamPages];
pages.forEach((doc, i) => {
  writeFileSync(path.join(docsDir, `${doc.id}.md`), corpusMarkdown(doc, i));
});
const queries = corpusQueries.map(({ id, text }) => ({ id, text }));
// the markdown source's document ids are the file paths
const qrels = new Map(
  corpusQueries.map((q) => [
    q.id,
    new Map(Object.entries(q.qrels).map(([doc, grade]) => [`${doc}.md`, grade])),
  ]),
);

interface Row {
  chunk: number;
  minTokens: number;
  boosts: string;
  chunks: number;
  ndcg: number;
  recall: number;
  mrr: number;
  syncMs: number;
}

async function run(maxTokens: number, minTokens: number, boostSets: [string, FieldBoosts][]): Promise<Row[]> {
  const dataDir = path.join(root, `data-${maxTokens}-${minTokens}`);
  const store = await openStore({ dataDir, logger: silentLogger() });
  await store.migrate([...coreMigrations, ...kbMigrations]);
  const index = await openSearchIndex({ dataDir, logger: silentLogger() });
  try {
    await addSource(store, { name: "handbook", type: "markdown", path: docsDir });
    const start = performance.now();
    const report = await syncKnowledgeBase({
      store,
      index,
      logger: silentLogger(),
      chunking: { ...DEFAULT_CHUNK_OPTIONS, maxTokens, minTokens },
    });
    const syncMs = performance.now() - start;
    const chunks = report.sources[0]?.counts.chunksIndexed ?? 0;
    const searcher = new KbSearcher({ store, index });
    const rows: Row[] = [];
    for (const [name, boosts] of boostSets) {
      const scores = await evaluateRetrieval(queries, qrels, K, async (text, k) =>
        (await searcher.search({ query: text, k, reader: ANONYMOUS_READER, boosts })).results.map(
          (hit) => hit.doc_id,
        ),
      );
      rows.push({
        chunk: maxTokens,
        minTokens,
        boosts: name,
        chunks,
        ndcg: scores.ndcg,
        recall: scores.recall,
        mrr: scores.mrr,
        syncMs,
      });
    }
    return rows;
  } finally {
    await index.close();
    await store.close();
  }
}

const boostSets: [string, FieldBoosts][] = [
  [`title ${DEFAULT_FIELD_BOOSTS.title}, heading ${DEFAULT_FIELD_BOOSTS.heading}`, DEFAULT_FIELD_BOOSTS],
  ["none", { title: 0, heading: 0 }],
  ["title 0.5, heading 0.25", { title: 0.5, heading: 0.25 }],
];
const rows: Row[] = [];
// minTokens: a heading starts a new chunk once the current one has this many tokens;
// DEFAULT (64) keeps sections apart, = maxTokens packs whole sections up to the size
for (const size of [256, 512, 800])
  for (const min of [DEFAULT_CHUNK_OPTIONS.minTokens, size]) rows.push(...(await run(size, min, boostSets)));
rmSync(root, { recursive: true, force: true });

const f = (x: number) => x.toFixed(4);
console.log(
  `kb-eval: ${corpusDocs.length} handbook + ${teamPages.length} team pages, ${queries.length} queries, BM25, k = ${K}`,
);
console.log("| maxTokens | minTokens | boosts | chunks | nDCG@10 | Recall@10 | MRR@10 | sync ms |");
console.log("|---:|---:|---|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.chunk} | ${r.minTokens} | ${r.boosts} | ${r.chunks} | ${f(r.ndcg)} | ${f(r.recall)} | ${f(r.mrr)} | ${r.syncMs.toFixed(0)} |`,
  );
