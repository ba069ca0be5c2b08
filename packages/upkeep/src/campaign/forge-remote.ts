/** Where a repository's `origin` lives: GitHub, GitLab, or a plain Git remote (a path, a bare repo, another host). */
export type ForgeRemote =
  | { kind: "github"; project: string; host: string }
  | { kind: "gitlab"; project: string; host: string }
  | { kind: "git" };

/**
 * Reads a remote URL: `https://github.com/OWNER/NAME(.git)`, `git@github.com:OWNER/NAME.git`,
 * `ssh://git@HOST/…`. A host whose name contains "github" or "gitlab" is that forge (Enterprise
 * and self-managed instances too; their API URL comes from `GITHUB_API_URL`/`GITLAB_API_URL`).
 */
export function parseRemote(url: string | undefined): ForgeRemote {
  if (!url) return { kind: "git" };
  let host: string;
  let project: string;
  const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(url);
  if (scp) {
    host = scp[1] ?? "";
    project = scp[2] ?? "";
  } else {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === "file:") return { kind: "git" };
      host = parsed.hostname;
      project = parsed.pathname.replace(/^\/+/, "");
    } catch {
      return { kind: "git" };
    }
  }
  project = project.replace(/\.git$/, "").replace(/\/+$/, "");
  if (!project.includes("/")) return { kind: "git" };
  if (/github/i.test(host)) return { kind: "github", project, host };
  if (/gitlab/i.test(host)) return { kind: "gitlab", project, host };
  return { kind: "git" };
}
