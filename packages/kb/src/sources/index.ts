import { InputError } from "@uplift/core";
import type { DocSource } from "../types.js";
import { confluenceSource } from "./confluence.js";
import { gdocsSource } from "./gdocs.js";
import { gitSource } from "./git.js";
import { githubDiscussionsSource } from "./github-discussions.js";
import { githubIssuesSource } from "./github-issues.js";
import { jiraSource } from "./jira.js";
import { jsonlSource } from "./jsonl.js";
import { markdownSource } from "./markdown.js";
import { slackSource } from "./slack.js";

/** Every available source plugin, by `--type`. Add a connector by adding its file here. */
export const docSources: readonly DocSource[] = [
  jsonlSource,
  markdownSource,
  gitSource,
  confluenceSource,
  jiraSource,
  slackSource,
  gdocsSource,
  githubIssuesSource,
  githubDiscussionsSource,
];

/** Types of the CLI contract not built yet: named so that asking for one says so (exit 2). */
export const plannedSourceTypes: readonly string[] = [];

/** The plugin for `--type`; InputError (exit 2) for a planned or unknown type. */
export function docSourceFor(type: string): DocSource {
  const source = docSources.find((candidate) => candidate.type === type);
  if (source) return source;
  const available = docSources.map((candidate) => candidate.type).join(", ");
  if (plannedSourceTypes.includes(type))
    throw new InputError(`--type ${type}: this source type is not available yet; available: ${available}`);
  throw new InputError(`--type ${type}: unknown source type; available: ${available}`);
}
