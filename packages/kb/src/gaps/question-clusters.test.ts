import { describe, expect, it } from "vitest";
import { clusterQuestions, normalizeQuestion } from "./question-clusters.js";

describe("normalizeQuestion", () => {
  it("keeps distinct stemmed content terms, without case, punctuation or stop words", () => {
    expect(normalizeQuestion("How do I rotate the DB passwords?")).toEqual(["db", "password", "rotate"]);
    expect(normalizeQuestion("how do i ROTATE db password")).toEqual(["db", "password", "rotate"]);
    expect(normalizeQuestion("what is it?")).toEqual([]);
  });
});

describe("clusterQuestions", () => {
  const questions = [
    "How do I rotate the DB password?",
    "rotate db password",
    "How to rotate the production DB password",
    "Where is the VPN config?",
    "vpn config location",
    "What is the lunch menu?",
    "?",
  ];

  it("groups rewordings by term overlap and leaves unrelated questions apart", () => {
    const clusters = clusterQuestions(questions, (q) => q);
    expect(clusters.map((c) => c.members)).toEqual([
      ["How do I rotate the DB password?", "rotate db password", "How to rotate the production DB password"],
      ["vpn config location", "Where is the VPN config?"],
      ["What is the lunch menu?"],
    ]);
    expect(clusters[0]?.terms).toEqual(["db", "password", "rotate"]);
  });

  it("keeps questions about different things apart even when most words are shared", () => {
    const clusters = clusterQuestions(["rotate the svc1 password", "rotate the svc2 password"], (q) => q);
    expect(clusters).toHaveLength(2);
  });

  it("keeps rewordings apart under a stricter overlap, and does not depend on input order", () => {
    const strict = clusterQuestions(questions, (q) => q, 0.9);
    expect(strict.map((c) => c.members.length)).toEqual([2, 1, 1, 1, 1]);
    const reversed = clusterQuestions([...questions].reverse(), (q) => q);
    expect(reversed.map((c) => c.terms)).toEqual(clusterQuestions(questions, (q) => q).map((c) => c.terms));
  });
});
