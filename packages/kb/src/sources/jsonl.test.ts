import { mkdtempSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { scanAll } from "../test/scan.js";
import { jsonlSource } from "./jsonl.js";

const dir = mkdtempSync(path.join(tmpdir(), "kb-jsonl-"));
const config = (file: string) => ({ name: "wiki", type: "jsonl", path: file, acl: [] });

async function fixture(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe("jsonl source", () => {
  it("yields one document per row with its optional fields", async () => {
    const file = await fixture(
      "ok.jsonl",
      [
        JSON.stringify({
          id: "deploy",
          title: "Deploying",
          text: "Watch the canary.",
          url: "https://wiki.example/deploy",
        }),
        "",
        JSON.stringify({
          id: 7,
          title: "Vault",
          text: "Rotate.",
          updated_at: "2025-03-01T10:00:00Z",
          acl: ["sre"],
        }),
      ].join("\r\n"),
    );
    const { docs } = await scanAll(jsonlSource, config(file));
    expect(docs).toEqual([
      {
        id: "deploy",
        title: "Deploying",
        text: "Watch the canary.",
        url: "https://wiki.example/deploy",
        source: "wiki",
        format: "text",
      },
      {
        id: "7",
        title: "Vault",
        text: "Rotate.",
        updated_at: "2025-03-01T10:00:00Z",
        acl: ["sre"],
        source: "wiki",
        format: "text",
      },
    ]);
  });

  it("reads a BEIR corpus as published: `_id`, an empty title, extra fields", async () => {
    const file = await fixture(
      "beir.jsonl",
      JSON.stringify({ _id: "4983", title: "", text: "Microstructural development.", metadata: {} }),
    );
    const { docs } = await scanAll(jsonlSource, config(file));
    expect(docs.map((d) => [d.id, d.text])).toEqual([["4983", "Microstructural development."]]);
  });

  it("rejects a row with a bad field, naming file:line and the field, before yielding anything", async () => {
    const file = await fixture(
      "bad.jsonl",
      `${JSON.stringify({ id: "a", title: "A", text: "x" })}\n${JSON.stringify({ id: "b", title: 3, text: "y" })}\n`,
    );
    const yielded: string[] = [];
    const run = async () => {
      for await (const doc of jsonlSource.scan(config(file), {
        logger: (await import("@uplift/core")).silentLogger(),
        skip: () => {},
      }))
        yielded.push(doc.id);
    };
    await expect(run()).rejects.toThrow(InputError);
    await expect(run()).rejects.toThrow(`${file}:2: field "title"`);
    expect(yielded).toEqual([]);
  });

  it.each([
    ["not JSON", "{oops", ":1: not valid JSON"],
    ["a missing text", JSON.stringify({ id: "a", title: "A" }), ':1: field "text"'],
    ["a bad url", JSON.stringify({ id: "a", title: "A", text: "x", url: "wiki/a" }), ':1: field "url"'],
    [
      "a bad date",
      JSON.stringify({ id: "a", title: "A", text: "x", updated_at: "yesterday" }),
      ':1: field "updated_at"',
    ],
    ["a bad group", JSON.stringify({ id: "a", title: "A", text: "x", acl: ["s re"] }), ':1: field "acl.0"'],
    [
      "a repeated id",
      `${JSON.stringify({ id: "a", title: "A", text: "x" })}\n${JSON.stringify({ id: "a", title: "B", text: "y" })}`,
      ':2: field "id": "a" repeats the id of line 1',
    ],
  ])("rejects %s with an InputError naming the line", async (_case, content, message) => {
    const file = await fixture(`case-${Math.random().toString(36).slice(2)}.jsonl`, content);
    await expect(scanAll(jsonlSource, config(file))).rejects.toThrow(message);
  });

  it("rejects bytes that are not UTF-8, naming the line", async () => {
    const file = await fixture(
      "latin1.jsonl",
      Buffer.concat([
        Buffer.from('{"id":"a","title":"Caf'),
        Buffer.from([0xe9]),
        Buffer.from('","text":"x"}\n'),
      ]),
    );
    await expect(scanAll(jsonlSource, config(file))).rejects.toThrow(`${file}:1: not valid UTF-8`);
  });

  it("skips a document over 5 MB with a reason, and yields the others", async () => {
    const big = "word ".repeat(1_100_000);
    const file = await fixture(
      "big.jsonl",
      `${JSON.stringify({ id: "big", title: "Big", text: big })}\n${JSON.stringify({ id: "ok", title: "Ok", text: "fine" })}\n`,
    );
    const { docs, skipped } = await scanAll(jsonlSource, config(file));
    expect(docs.map((d) => d.id)).toEqual(["ok"]);
    expect(skipped).toEqual([{ where: `${file}:1`, id: "big", reason: "text larger than 5242880 bytes" }]);
  });

  it("refuses a --path that is not a file", async () => {
    await expect(jsonlSource.check(config(dir))).rejects.toThrow("not a file");
  });
});
