import { describe, expect, it } from "vitest";
import { mergeEvidence, squashEvidence } from "./pr-evidence.js";

describe("mergeEvidence", () => {
  it("reads a GitHub merge: number, source branch and the title from the body", () => {
    expect(
      mergeEvidence("Merge pull request #42 from bob/feature-login", "Add login form\n", "main"),
    ).toEqual({
      kind: "github-merge",
      number: 42,
      sourceBranch: "bob/feature-login",
      title: "Add login form",
    });
  });

  it("reads a GitLab merge from 'See merge request', whatever the subject", () => {
    const body = "Fix typo in README\n\nCloses #3\n\nSee merge request acme/web!7";
    expect(mergeEvidence("Merge branch 'fix-typo' into 'main'", body, "main")).toEqual({
      kind: "gitlab-merge",
      number: 7,
      reference: "acme/web!7",
      sourceBranch: "fix-typo",
      targetBranch: "main",
      title: "Fix typo in README",
    });
  });

  it("reads the older GitLab reference without a project path", () => {
    expect(mergeEvidence("Merge branch 'x' into 'master'", "See merge request !42", "master")).toMatchObject({
      kind: "gitlab-merge",
      number: 42,
      reference: "!42",
    });
  });

  it("reads Bitbucket and Azure DevOps merges", () => {
    expect(mergeEvidence("Merged in feature/x (pull request #12)", "Add x", "main")).toMatchObject({
      kind: "bitbucket-merge",
      number: 12,
      title: "Add x",
    });
    expect(mergeEvidence("Merged PR 301: Speed up build", "", "main")).toMatchObject({
      kind: "azure-merge",
      number: 301,
      title: "Speed up build",
    });
  });

  it("counts a merged topic branch as a PR without a number", () => {
    expect(mergeEvidence("Merge branch 'topic/cache'", "", "main")).toEqual({
      kind: "branch-merge",
      sourceBranch: "topic/cache",
      title: "Merge branch 'topic/cache'",
    });
  });

  it("does not count merged tags or syncs of the branch with itself", () => {
    expect(mergeEvidence("Merge tag 'v1.2.0'", "", "main")).toBeUndefined();
    expect(mergeEvidence("Merge branch 'main' of github.com:acme/web", "", "main")).toBeUndefined();
    expect(mergeEvidence("Merge remote-tracking branch 'origin/main'", "", "main")).toBeUndefined();
  });

  it("does not count merges of release lines or merges made into another branch", () => {
    expect(mergeEvidence("Merge branch '5.x'", "", "main")).toBeUndefined();
    expect(mergeEvidence("Merge branch '4.1.x'", "", "main")).toBeUndefined();
    expect(mergeEvidence("Merge branch 'release/3.1'", "", "main")).toBeUndefined();
    expect(mergeEvidence("Merge branch 'ci-fix' into 5-merge", "", "main")).toBeUndefined();
    expect(mergeEvidence("Merge branch 'ci-fix' into 'main'", "", "main")).toMatchObject({
      kind: "branch-merge",
    });
  });
});

describe("squashEvidence", () => {
  it("reads a GitHub squash title and number, and the commits its message lists", () => {
    expect(
      squashEvidence("Add search (#3)", "* Add search index\n* Query parser\n\nCo-authored-by: x"),
    ).toEqual({
      kind: "github-squash",
      number: 3,
      title: "Add search",
      listedCommits: 2,
    });
  });

  it("takes the last number of a squashed revert", () => {
    expect(squashEvidence('Revert "Add search (#3)" (#9)', "")).toMatchObject({
      number: 9,
      title: 'Revert "Add search (#3)"',
    });
  });

  it("reads a GitLab squash from 'See merge request'", () => {
    expect(squashEvidence("Fix typo", "See merge request acme/web!8")).toMatchObject({
      kind: "gitlab-squash",
      number: 8,
    });
  });

  it("ignores issue references that are not a squash suffix", () => {
    expect(squashEvidence("add res.vary(). Closes #1682", "")).toBeUndefined();
    expect(squashEvidence('Revert "Add search (#3)"', "")).toBeUndefined();
  });
});
