/** A Git remote reduced to what a web URL needs. */
export interface RemoteLocation {
  /** Host, with the port for http(s) remotes. */
  host: string;
  /** `owner/name` (GitHub) or `group/subgroup/name` (GitLab), without `.git`. */
  repoPath: string;
}

/**
 * Parses `git@host:owner/repo.git`, `ssh://git@host:22/owner/repo.git` and
 * `https://user:token@host/owner/repo.git`; credentials are dropped. Undefined for a local path.
 */
export function parseRemote(remote: string): RemoteLocation | undefined {
  const text = remote.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  if (scp?.[1] && scp[2] && !/^[A-Za-z]$/.test(scp[1])) return location(scp[1], scp[2]);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined; // a local path or something else git accepts: no web URL can be derived
  }
  if (!["http:", "https:", "ssh:", "git:", "git+ssh:"].includes(url.protocol) || !url.hostname)
    return undefined;
  const host = url.protocol === "http:" || url.protocol === "https:" ? url.host : url.hostname;
  return location(host, decodeURIComponent(url.pathname));
}

function location(host: string, rawPath: string): RemoteLocation | undefined {
  const repoPath = rawPath.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
  return repoPath.includes("/") ? { host: host.toLowerCase(), repoPath } : undefined;
}

/**
 * The web page of a file at `ref`: GitHub `https://host/owner/repo/blob/ref/path`, GitLab
 * `https://host/group/repo/-/blob/ref/path`. Hosts are recognised by name ("github", "gitlab");
 * others give undefined (set `--url-base` for them).
 */
export function fileWebUrl(remote: RemoteLocation, ref: string, filePath: string): string | undefined {
  const encodedPath = filePath.split("/").map(encodeURIComponent).join("/");
  const encodedRef = ref.split("/").map(encodeURIComponent).join("/");
  const base = `https://${remote.host}/${remote.repoPath}`;
  if (remote.host.includes("github")) return `${base}/blob/${encodedRef}/${encodedPath}`;
  if (remote.host.includes("gitlab")) return `${base}/-/blob/${encodedRef}/${encodedPath}`;
  return undefined;
}
