import { FixtureRepo } from "./git-fixture.js";

export const ANN = "Ann Lee <ann@example.com>";
export const BOB = "Bob Stone <bob@example.com>";
export const CAROL_OLD = "carol <carol@old.example>";
export const DAN = "Dan Wu <dan@example.com>";
export const ERIN = "Erin Moss <erin@example.com>";
export const GITHUB = "GitHub <noreply@github.com>";
export const DEPENDABOT = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>";

/** The SHAs of the landmark commits of {@link buildHistory}. */
export interface History {
  repo: FixtureRepo;
  initial: string;
  bobFirst: string;
  pr1Merge: string;
  mr7Merge: string;
  squash3: string;
  bot4: string;
  rebaseFirst: string;
  rebaseLast: string;
  direct: string;
  syncMerge: string;
}

/**
 * A small history on `main` with every way a change lands (times with several offsets):
 * - initial commit (direct) with a .mailmap mapping carol@old.example → Carol Doe <carol@example.com>;
 * - GitHub merge of PR #1: two commits by Bob (−05:00), merged by Ann;
 * - GitLab merge of !7: one commit by carol@old.example (+05:30);
 * - GitHub squash "Add search (#3)" by Dan, committed by GitHub, whose two original commits
 *   (−08:00) are kept as refs/pull/3/head;
 * - dependabot squash (#4), no head ref;
 * - rebase merge: two commits by Erin (+02:00), both committed by GitHub at 16:00Z;
 * - a direct push by Ann; a sync merge "Merge branch 'main' of github.com:acme/web" (not a PR).
 */
export function buildHistory(): History {
  const repo = FixtureRepo.create();
  const initial = repo.commit({
    message: "Initial commit",
    author: ANN,
    date: "2025-03-01T09:00:00+01:00",
    files: {
      ".mailmap": "Carol Doe <carol@example.com> <carol@old.example>\n",
      "README.md": "# web\nteh app\n",
    },
  });

  repo.checkout("feature-login", { create: true });
  const bobFirst = repo.commit({
    message: "Add login form",
    author: BOB,
    date: "2025-03-02T10:00:00-05:00",
    files: { "login.ts": "form\nfields\nbutton\n" },
  });
  repo.commit({
    message: "Validate login",
    author: BOB,
    date: "2025-03-02T11:30:00-05:00",
    files: { "login.ts": "form\nfields\nvalidate\nbutton\n" },
  });
  repo.checkout("main");
  const pr1Merge = repo.merge("feature-login", {
    message: "Merge pull request #1 from bob/feature-login\n\nAdd login",
    author: ANN,
    date: "2025-03-03T12:00:00+00:00",
  });

  repo.checkout("fix-typo", { create: true });
  repo.commit({
    message: "Fix typo",
    author: CAROL_OLD,
    date: "2025-03-04T08:00:00+05:30",
    files: { "README.md": "# web\nthe app\n" },
  });
  repo.checkout("main");
  const mr7Merge = repo.merge("fix-typo", {
    message: "Merge branch 'fix-typo' into 'main'\n\nFix typo in README\n\nSee merge request acme/web!7",
    author: ANN,
    date: "2025-03-04T15:00:00+05:30",
  });

  // PR #3's own commits, kept by GitHub as refs/pull/3/head after the squash.
  repo.checkout("search", { create: true });
  repo.commit({ message: "Add search index", author: DAN, date: "2025-03-04T20:00:00-08:00" });
  repo.commit({ message: "Query parser", author: DAN, date: "2025-03-05T08:00:00-08:00" });
  repo.git(["update-ref", "refs/pull/3/head", "search"]);
  repo.checkout("main");
  repo.git(["branch", "-q", "-D", "search"]);
  const squash3 = repo.commit({
    message: "Add search (#3)\n\n* Add search index\n* Query parser",
    author: DAN,
    date: "2025-03-05T09:00:00-08:00",
    committer: GITHUB,
    committerDate: "2025-03-05T18:00:00+00:00",
    files: { "search.ts": "index\nquery\n" },
  });
  const bot4 = repo.commit({
    message: "Bump lodash from 4.17.20 to 4.17.21 (#4)",
    author: DEPENDABOT,
    date: "2025-03-05T20:00:00+00:00",
    committer: GITHUB,
    committerDate: "2025-03-05T20:00:00+00:00",
    files: { "package.json": '{"lodash":"4.17.21"}\n' },
  });
  const rebaseFirst = repo.commit({
    message: "Cache sessions",
    author: ERIN,
    date: "2025-03-06T09:00:00+02:00",
    committer: GITHUB,
    committerDate: "2025-03-06T16:00:00+00:00",
  });
  const rebaseLast = repo.commit({
    message: "Expire cached sessions",
    author: ERIN,
    date: "2025-03-06T10:00:00+02:00",
    committer: GITHUB,
    committerDate: "2025-03-06T16:00:00+00:00",
  });
  const direct = repo.commit({ message: "Fix CI config", author: ANN, date: "2025-03-07T09:00:00+01:00" });

  repo.checkout("server-copy", { create: true, from: rebaseLast });
  repo.commit({ message: "Hotfix on the server", author: ANN, date: "2025-03-07T10:00:00+01:00" });
  repo.checkout("main");
  const syncMerge = repo.merge("server-copy", {
    message: "Merge branch 'main' of github.com:acme/web",
    author: ANN,
    date: "2025-03-07T11:00:00+01:00",
  });
  return {
    repo,
    initial,
    bobFirst,
    pr1Merge,
    mr7Merge,
    squash3,
    bot4,
    rebaseFirst,
    rebaseLast,
    direct,
    syncMerge,
  };
}
