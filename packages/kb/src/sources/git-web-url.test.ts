import { describe, expect, it } from "vitest";
import { fileWebUrl, parseRemote } from "./git-web-url.js";

describe("parseRemote", () => {
  it.each([
    ["git@github.com:acme/handbook.git", { host: "github.com", repoPath: "acme/handbook" }],
    ["https://github.com/acme/handbook", { host: "github.com", repoPath: "acme/handbook" }],
    [
      "https://x-access-token:ghp_secret@github.com/acme/handbook.git",
      { host: "github.com", repoPath: "acme/handbook" },
    ],
    [
      "ssh://git@gitlab.example.com:2222/platform/docs/handbook.git",
      { host: "gitlab.example.com", repoPath: "platform/docs/handbook" },
    ],
    [
      "https://gitlab.example.com:8443/platform/handbook.git/",
      { host: "gitlab.example.com:8443", repoPath: "platform/handbook" },
    ],
  ])("parses %s without credentials", (remote, expected) => {
    expect(parseRemote(remote)).toEqual(expected);
  });

  it.each(["/srv/git/handbook.git", "../handbook", "file:///srv/git/handbook.git", "C:\\repos\\handbook"])(
    "gives no web location for the local remote %s",
    (remote) => {
      expect(parseRemote(remote)).toBeUndefined();
    },
  );
});

describe("fileWebUrl", () => {
  it("builds GitHub and GitLab blob URLs with encoded paths", () => {
    expect(fileWebUrl({ host: "github.com", repoPath: "acme/handbook" }, "main", "docs/On call.md")).toBe(
      "https://github.com/acme/handbook/blob/main/docs/On%20call.md",
    );
    expect(
      fileWebUrl({ host: "gitlab.example.com", repoPath: "platform/handbook" }, "release/2025", "a.md"),
    ).toBe("https://gitlab.example.com/platform/handbook/-/blob/release/2025/a.md");
  });

  it("gives none for a host it does not know", () => {
    expect(fileWebUrl({ host: "git.example.com", repoPath: "a/b" }, "main", "a.md")).toBeUndefined();
  });
});
