import { FixtureRepo } from "../measure-git/git-fixture.js";

const ANN = "Ann <ann@example.com>";
const BOB = "Bob <bob@example.com>";
const CAROL = "Carol <carol@example.com>";

const lines = (tag: string, n: number, from = 1) =>
  `${Array.from({ length: n }, (_, i) => `${tag}${i + from}`).join("\n")}\n`;
const day = (d: number, hour = 10) =>
  new Date(Date.UTC(2025, 2, 1 + d, hour)).toISOString().replace(".000Z", "+00:00");

/** SHAs of the landings of {@link buildQualityHistory}, oldest first. */
export interface QualityHistory {
  repo: FixtureRepo;
  /** Ann's direct commit: app.ts, 10 lines. */
  base: string;
  /** PR #1 (merge): rewrites app.ts lines 3–4 (2 days after base) and adds util.ts (5 lines). */
  pr1: string;
  /** PR #2 (squash): adds cache.ts (6 lines); reverted by `revert` 3 days later. */
  pr2: string;
  /** PR #3 (squash, "fix: …"): rewrites util.ts lines 1–2 (PR #1's, 3 days later). */
  pr3: string;
  /** `git revert` of PR #2 (direct). */
  revert: string;
  /** A direct commit claiming to revert a commit that is not in the history. */
  strayRevert: string;
  /** PR #4 (squash, "hotfix: …"), day 40: rewrites app.ts line 1 (40 days after base: not rework). */
  pr4: string;
  /** PR #5, day 70: its rework window is still open at the end of the history. */
  pr5: string;
}

/**
 * A small history with known rework and reverts (numbers in tests/measure-quality):
 * base +10 (2 reworked by PR #1), PR #1 +7 (2 reworked by PR #3), PR #2 +6 (all 6 reverted),
 * PR #3 +2, PR #4 +1, PR #5 +1 (window open).
 */
export function buildQualityHistory(): QualityHistory {
  const repo = FixtureRepo.create("main");
  const base = repo.commit({
    message: "Start app",
    author: ANN,
    date: day(0),
    files: { "app.ts": lines("A", 10) },
  });
  repo.checkout("bob/feature", { create: true });
  repo.commit({
    message: "Feature",
    author: BOB,
    date: day(1),
    files: { "app.ts": `${lines("A", 2)}B3\nB4\n${lines("A", 6, 5)}`, "util.ts": lines("U", 5) },
  });
  repo.checkout("main");
  const pr1 = repo.merge("bob/feature", {
    message: "Merge pull request #1 from bob/feature\n\nFeature",
    author: BOB,
    date: day(2),
  });
  const pr2 = repo.commit({
    message: "Add cache (#2)",
    author: CAROL,
    date: day(3),
    files: { "cache.ts": lines("C", 6) },
  });
  const pr3 = repo.commit({
    message: "fix: tidy util (#3)",
    author: CAROL,
    date: day(5),
    files: { "util.ts": `V1\nV2\n${lines("U", 3, 3)}` },
  });
  repo.git(["revert", "--no-edit", pr2], {
    GIT_AUTHOR_NAME: "Ann",
    GIT_AUTHOR_EMAIL: "ann@example.com",
    GIT_AUTHOR_DATE: day(6),
    GIT_COMMITTER_NAME: "Ann",
    GIT_COMMITTER_EMAIL: "ann@example.com",
    GIT_COMMITTER_DATE: day(6),
  });
  const revert = repo.head();
  const strayRevert = repo.commit({
    message: 'Revert "Old thing"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.',
    author: ANN,
    date: day(7),
    files: { "notes.txt": "note\n" },
  });
  const pr4 = repo.commit({
    message: "hotfix: login (#4)",
    author: CAROL,
    date: day(40),
    files: { "app.ts": `H1\n${lines("A", 1, 2)}B3\nB4\n${lines("A", 6, 5)}` },
  });
  const pr5 = repo.commit({
    message: "Docs (#5)",
    author: BOB,
    date: day(70),
    files: { "docs.md": "docs\n" },
  });
  return { repo, base, pr1, pr2, pr3, revert, strayRevert, pr4, pr5 };
}
