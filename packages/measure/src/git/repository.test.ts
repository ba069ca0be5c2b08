import { describe, expect, it } from "vitest";
import { utcOffsetMinutes } from "./commit-node.js";
import { repoNameFromUrl } from "./repository.js";

describe("repoNameFromUrl", () => {
  it("reads owner/name from https, ssh and scp-like remotes, nested GitLab groups included", () => {
    expect(repoNameFromUrl("https://github.com/acme/web.git")).toBe("acme/web");
    expect(repoNameFromUrl("git@github.com:acme/web.git")).toBe("acme/web");
    expect(repoNameFromUrl("ssh://git@gitlab.example.com:2222/group/sub/api.git")).toBe("group/sub/api");
    expect(repoNameFromUrl("https://gitlab.com/group/sub/api/")).toBe("group/sub/api");
  });

  it("names no repository for local paths", () => {
    expect(repoNameFromUrl("/srv/git/web.git")).toBeUndefined();
    expect(repoNameFromUrl("../web")).toBeUndefined();
    expect(repoNameFromUrl("file:///srv/git/web.git")).toBeUndefined();
    expect(repoNameFromUrl("")).toBeUndefined();
  });
});

describe("utcOffsetMinutes", () => {
  it("reads the offset of strict ISO 8601 times, west negative", () => {
    expect(utcOffsetMinutes("2025-03-04T08:00:00+05:30")).toBe(330);
    expect(utcOffsetMinutes("2025-03-02T10:00:00-05:00")).toBe(-300);
    expect(utcOffsetMinutes("2025-03-02T10:00:00Z")).toBe(0);
    expect(utcOffsetMinutes("2025-03-02T10:00:00")).toBeUndefined();
  });
});
