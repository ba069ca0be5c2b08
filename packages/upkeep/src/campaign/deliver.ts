import { ConflictError, type GitHubClient, type GitLabClient, type Logger } from "@uplift/core";
import { z } from "zod";
import { parseRemote } from "./forge-remote.js";
import { git } from "./run-command.js";

const githubPullSchema = z.looseObject({
  number: z.number(),
  html_url: z.string(),
  state: z.string(),
  merged_at: z.string().nullable().optional(),
  head: z.looseObject({ ref: z.string(), sha: z.string() }),
});
const gitlabMrSchema = z.looseObject({
  iid: z.number(),
  web_url: z.string(),
  state: z.string(),
  sha: z.string().nullable().optional(),
  source_branch: z.string(),
});
const githubRepoSchema = z.looseObject({ default_branch: z.string() });
const gitlabProjectSchema = z.looseObject({ default_branch: z.string().nullable().optional() });

export interface ForgeClients {
  github(): GitHubClient;
  gitlab(): GitLabClient;
}

export interface Delivery {
  via: "github" | "gitlab" | "git" | "none";
  url?: string;
  number?: number;
  pushedSha?: string;
  note: string;
}

export interface DeliveryRequest {
  dir: string;
  remoteUrl: string | undefined;
  branch: string;
  title: string;
  body: string;
  labels: string[];
  /** Already pushed by an earlier (crashed) run: only the pull request is looked up or opened. */
  alreadyPushed: boolean;
}

/**
 * Pushes the campaign branch to the repository's remote and opens (or finds) its pull/merge
 * request. Never pushes to the default branch: the branch is pushed by explicit refspec, refused
 * when it names the remote's default branch, and never forced. Idempotent: an existing pull
 * request for the branch (any state) is returned instead of a second one.
 */
export async function deliver(
  request: DeliveryRequest,
  forges: ForgeClients,
  logger: Logger,
): Promise<Delivery> {
  if (!request.remoteUrl) return { via: "none", note: "no remote: the branch stays in the sandbox" };
  const remote = parseRemote(request.remoteUrl);
  const defaultBranch = await remoteDefaultBranch(request, remote, forges);
  if (defaultBranch === request.branch || /^(main|master)$/.test(request.branch))
    throw new ConflictError(
      `refusing to push ${request.branch}: it is the default branch of ${request.remoteUrl}`,
    );
  const sha = git(request.dir, ["rev-parse", "HEAD"]).trim();
  if (!request.alreadyPushed)
    git(request.dir, ["push", "--quiet", "origin", `HEAD:refs/heads/${request.branch}`]);
  logger.info({ branch: request.branch, sha }, "campaign branch pushed");
  if (remote.kind === "github") {
    const gh = forges.github();
    const [owner, name] = splitProject(remote.project);
    const existing = await gh.get(
      "GET /repos/{owner}/{repo}/pulls",
      { owner, repo: name, head: `${owner}:${request.branch}`, state: "all" },
      z.array(githubPullSchema),
    );
    let pull = existing.data[0];
    if (!pull)
      pull = await gh.send(
        "POST /repos/{owner}/{repo}/pulls",
        {
          owner,
          repo: name,
          title: request.title,
          head: request.branch,
          base: defaultBranch,
          body: request.body,
        },
        githubPullSchema,
      );
    await gh.send(
      "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
      { owner, repo: name, issue_number: pull.number, labels: request.labels },
      z.array(z.unknown()),
    );
    return {
      via: "github",
      url: pull.html_url,
      number: pull.number,
      pushedSha: sha,
      note: `pull request #${pull.number}`,
    };
  }
  if (remote.kind === "gitlab") {
    const gl = forges.gitlab();
    const id = encodeURIComponent(remote.project);
    const existing = await gl.get(
      `/projects/${id}/merge_requests`,
      { source_branch: request.branch, state: "all" },
      z.array(gitlabMrSchema),
    );
    const mr =
      existing.data[0] ??
      (await gl.send(
        "POST",
        `/projects/${id}/merge_requests`,
        {
          source_branch: request.branch,
          target_branch: defaultBranch,
          title: request.title,
          description: request.body,
          labels: request.labels.join(","),
          remove_source_branch: true,
        },
        gitlabMrSchema,
      ));
    return {
      via: "gitlab",
      url: mr.web_url,
      number: mr.iid,
      pushedSha: sha,
      note: `merge request !${mr.iid}`,
    };
  }
  return { via: "git", pushedSha: sha, note: `branch ${request.branch} pushed to ${request.remoteUrl}` };
}

/** The remote's default branch: from the forge when it is one, else the remote's HEAD. */
async function remoteDefaultBranch(
  request: DeliveryRequest,
  remote: ReturnType<typeof parseRemote>,
  forges: ForgeClients,
): Promise<string> {
  if (remote.kind === "github") {
    const [owner, repo] = splitProject(remote.project);
    return (await forges.github().get("GET /repos/{owner}/{repo}", { owner, repo }, githubRepoSchema)).data
      .default_branch;
  }
  if (remote.kind === "gitlab") {
    const project = await forges
      .gitlab()
      .get(`/projects/${encodeURIComponent(remote.project)}`, {}, gitlabProjectSchema);
    if (project.data.default_branch) return project.data.default_branch;
  }
  const symref = git(request.dir, ["ls-remote", "--symref", "origin", "HEAD"]);
  return /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(symref)?.[1] ?? "main";
}

function splitProject(project: string): [string, string] {
  const at = project.indexOf("/");
  return [project.slice(0, at), project.slice(at + 1)];
}

/** A delivered change's state at its forge or remote, for `status --refresh`. */
export interface DeliveredState {
  merged: boolean;
  /** The head the forge merged or holds now (differs from ours when someone pushed to the branch). */
  headSha: string | undefined;
}

export async function deliveredState(
  input: {
    dir: string;
    remoteUrl: string | undefined;
    branch: string;
    number: number | null;
    pushedSha: string;
  },
  forges: ForgeClients,
): Promise<DeliveredState | undefined> {
  const remote = parseRemote(input.remoteUrl);
  if (remote.kind === "github" && input.number !== null) {
    const [owner, repo] = splitProject(remote.project);
    const pull = await forges
      .github()
      .get(
        "GET /repos/{owner}/{repo}/pulls/{pull_number}",
        { owner, repo, pull_number: input.number },
        githubPullSchema,
      );
    return { merged: Boolean(pull.data.merged_at), headSha: pull.data.head.sha };
  }
  if (remote.kind === "gitlab" && input.number !== null) {
    const mr = await forges
      .gitlab()
      .get(
        `/projects/${encodeURIComponent(remote.project)}/merge_requests/${input.number}`,
        {},
        gitlabMrSchema,
      );
    return { merged: mr.data.state === "merged", headSha: mr.data.sha ?? undefined };
  }
  if (!input.remoteUrl) return undefined;
  // a plain remote: merged when our commit is in the default branch; edited when the branch moved
  const heads = git(input.dir, ["ls-remote", "--symref", "origin", "HEAD", `refs/heads/${input.branch}`]);
  const defaultBranch = /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(heads)?.[1] ?? "main";
  const branchSha = new RegExp(
    `^([0-9a-f]{40})\\s+refs/heads/${input.branch.replace(/[/.]/g, "\\$&")}$`,
    "m",
  ).exec(heads)?.[1];
  git(input.dir, ["fetch", "--quiet", "origin", defaultBranch]);
  let merged = false;
  try {
    git(input.dir, ["merge-base", "--is-ancestor", branchSha ?? input.pushedSha, "FETCH_HEAD"]);
    merged = true;
  } catch {
    merged = false;
  }
  return { merged, headSha: branchSha ?? input.pushedSha };
}
