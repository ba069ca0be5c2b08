import { describe, expect, it } from "vitest";
import { parseLinkHeader } from "./link-header.js";
import { formatRateLimitNotice } from "./rate-limit.js";

describe("parseLinkHeader", () => {
  it("reads GitHub's next/last relations, URLs with commas and all", () => {
    const header =
      '<https://api.github.com/repos/a/b/issues?labels=x,y&page=2>; rel="next", <https://api.github.com/repos/a/b/issues?labels=x,y&page=5>; rel="last"';
    expect(parseLinkHeader(header)).toEqual({
      next: "https://api.github.com/repos/a/b/issues?labels=x,y&page=2",
      last: "https://api.github.com/repos/a/b/issues?labels=x,y&page=5",
    });
  });

  it("returns nothing for an absent or malformed header", () => {
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader("garbage")).toEqual({});
  });
});

describe("formatRateLimitNotice", () => {
  it("says when the import resumes, in local time", () => {
    const resumeAt = new Date(2026, 2, 3, 14, 5, 9);
    expect(
      formatRateLimitNotice({ kind: "primary", forge: "github", resumeAt, waitMs: 600_000, url: "u" }),
    ).toBe("github primary rate limit: rate limited, resuming at 14:05");
    expect(
      formatRateLimitNotice({ kind: "secondary", forge: "github", resumeAt, waitMs: 1000, url: "u" }),
    ).toBe("github secondary rate limit: rate limited, resuming at 14:05:09");
  });
});
