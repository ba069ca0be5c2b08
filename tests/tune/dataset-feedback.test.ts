import path from "node:path";
import { coreMigrations, openStore, silentLogger } from "@uplift/core";
import { kbMigrations, readVotedAnswers } from "@uplift/kb";
import { preferencePairs } from "@uplift/tune";
import { describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";

describe("kb feedback → DPO preference pairs", () => {
  it("pairs liked and disliked answers to the same question; counts questions without both", async () => {
    const store = await openStore({
      dataDir: path.join(tempDir("uplift-feedback-"), "data"),
      logger: silentLogger(),
    });
    try {
      await store.migrate([...coreMigrations, ...kbMigrations]);
      const answers: Array<[string, string, string, string[]]> = [
        ["a1", "How do I deploy billing?", "Run the release pipeline, then watch the canary.", ["up", "up"]],
        ["a2", "how do I deploy  billing?", "Copy the jar to the server by hand.", ["down"]],
        ["a3", "Who is on call?", "See the on-call handbook.", ["up"]],
        ["a4", "What is the VPN address?", "Ask IT.", ["up", "down"]],
      ];
      for (const [id, question, answer, votes] of answers) {
        await store.query(
          `INSERT INTO kb_answers (id, question, user_login, answer, citations, passages, generator, grounded, retrieval)
           VALUES ($1, $2, NULL, $3, '[]', '[]', 'extractive', true, 'bm25')`,
          [id, question, answer],
        );
        for (const [n, vote] of votes.entries())
          await store.query(
            "INSERT INTO kb_feedback (id, answer_id, user_login, vote) VALUES ($1, $2, NULL, $3)",
            [`${id}-${n}`, id, vote],
          );
      }
      const voted = await readVotedAnswers(store);
      expect(voted.map((v) => [v.answer_id, v.up, v.down])).toEqual([
        ["a1", 2, 0],
        ["a2", 0, 1],
        ["a3", 1, 0],
        ["a4", 1, 1],
      ]);
      expect(preferencePairs(voted)).toEqual({
        pairs: [
          {
            prompt: "How do I deploy billing?",
            chosen: "Run the release pipeline, then watch the canary.",
            rejected: "Copy the jar to the server by hand.",
          },
        ],
        unpaired: 1,
      });
    } finally {
      await store.close();
    }
  });
});
