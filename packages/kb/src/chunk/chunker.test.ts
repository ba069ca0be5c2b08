import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS, splitSentences } from "./chunker.js";
import { loadCl100kTokenizer, type Tokenizer } from "./tokenizer.js";

let tokenizer: Tokenizer;
beforeAll(async () => {
  tokenizer = await loadCl100kTokenizer();
});

const small = { maxTokens: 40, minTokens: 10, hardMaxTokens: 400 };
const sentence = (i: number) => `Sentence number ${i} explains one more step of the release process.`;

describe("chunkDocument", () => {
  it("keeps the heading path as context and prefixes it with the title to the indexed text", () => {
    const text = [
      "# Deploying",
      "",
      "Intro paragraph about deploying services safely and watching the dashboards closely.",
      "",
      "## Canary",
      "",
      "### Promotion",
      "",
      "Watch the canary for ten minutes before promoting it to every region of the fleet.",
    ].join("\n");
    const chunks = chunkDocument({ title: "Deploying", text, format: "markdown" }, tokenizer, small);
    expect(chunks.map((c) => c.headingPath)).toEqual([[], ["Canary", "Promotion"]]);
    const last = chunks[1];
    expect(last?.text).toBe(
      "Deploying\nCanary > Promotion\n\nWatch the canary for ten minutes before promoting it to every region of the fleet.",
    );
    expect(last?.text.slice(last.bodyOffset)).toBe(last?.body);
  });

  it("keeps list items on their own lines when a long list is packed by sentences", () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `+ Step ${i} of the migration runs after the previous one\\.`,
    );
    const text = `# Migrate\n\n${items.join("\n")}`;
    const chunks = chunkDocument({ title: "Migrate", text, format: "markdown" }, tokenizer, small);
    expect(chunks.length).toBeGreaterThan(1);
    const lines = chunks.flatMap((c) => c.body.split("\n"));
    // every item whole and on its own line, none glued to the one before
    expect(lines).toEqual(items);
  });

  it("keeps the headings as written, anchors included, and knows the title under its markup", () => {
    const text =
      '# Guide\n\n## Requirements when modifying volumes<a name="modify"></a>\n\nVolumes can grow.';
    const [chunk] = chunkDocument({ title: "Guide", text, format: "markdown" }, tokenizer, small);
    expect(chunk?.headingPath).toEqual(['Requirements when modifying volumes<a name="modify"></a>']);
    const titled = '# Guide<a name="guide"></a>\n\n## Setup\n\nInstall it.';
    expect(
      chunkDocument({ title: "Guide", text: titled, format: "markdown" }, tokenizer, small)[0]?.headingPath,
    ).toEqual(["Setup"]);
  });

  it("never splits a fenced code block or a table, even when they exceed maxTokens", () => {
    const code = [
      "```sh",
      ...Array.from({ length: 30 }, (_, i) => `echo step ${i} && make target-${i}`),
      "```",
    ].join("\n");
    const table = [
      "| key | value |",
      "| --- | ----- |",
      ...Array.from({ length: 30 }, (_, i) => `| k${i} | v${i} |`),
    ].join("\n");
    const text = `# Build\n\n${sentence(1)}\n\n${code}\n\n${sentence(2)}\n\n${table}\n\n${sentence(3)}`;
    const chunks = chunkDocument({ title: "Build", text, format: "markdown" }, tokenizer, small);
    expect(chunks.filter((c) => c.body.includes("```sh"))).toHaveLength(1);
    expect(chunks.find((c) => c.body.includes("```sh"))?.body).toContain(code);
    expect(chunks.find((c) => c.body.includes("| key | value |"))?.body).toContain(table);
    expect(tokenizer.count(code)).toBeGreaterThan(small.maxTokens);
  });

  it("splits a long paragraph at sentence ends into chunks of at most maxTokens", () => {
    const text = Array.from({ length: 30 }, (_, i) => sentence(i)).join(" ");
    const chunks = chunkDocument({ title: "Release", text, format: "text" }, tokenizer, small);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(tokenizer.count(chunk.body)).toBeLessThanOrEqual(small.maxTokens);
      expect(chunk.body).toMatch(/^Sentence number \d+/);
    }
  });

  it("merges sections smaller than minTokens, keeping the inner heading in the body", () => {
    const text = "# A\n\nShort.\n\n## B\n\nAlso short.\n\n## C\n\nTiny.";
    const chunks = chunkDocument({ title: "Doc", text, format: "markdown" }, tokenizer, small);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.body).toBe("Short.\n\nB\n\nAlso short.\n\nC\n\nTiny.");
    expect(chunks[0]?.headingPath).toEqual(["A"]);
  });

  it("follows AsciiDoc and reStructuredText headings and literal blocks", () => {
    const adoc = `= Guide\n\n== Setup\n\n${sentence(1)}\n\n----\nnpm ci\nnpm test\n----\n\n== Use\n\n${sentence(2)} ${sentence(3)}`;
    const adocChunks = chunkDocument({ title: "Guide", text: adoc, format: "asciidoc" }, tokenizer, small);
    expect(adocChunks.map((c) => c.headingPath)).toEqual([["Setup"], ["Use"]]);
    expect(adocChunks[0]?.body).toContain("----\nnpm ci\nnpm test\n----");

    const rst = `Guide\n=====\n\nSetup\n-----\n\n${sentence(1)} Run this::\n\n    npm ci\n    npm test\n\nUse\n---\n\n${sentence(2)} ${sentence(3)}`;
    const rstChunks = chunkDocument({ title: "Guide", text: rst, format: "rst" }, tokenizer, small);
    expect(rstChunks.map((c) => c.headingPath)).toEqual([["Setup"], ["Use"]]);
    expect(rstChunks[0]?.body).toContain("    npm ci\n    npm test");
  });

  it("gives a document with a title but no text one chunk, so it can still be found", () => {
    const chunks = chunkDocument({ title: "Empty page", text: "", format: "markdown" }, tokenizer);
    expect(chunks).toEqual([
      {
        ordinal: 0,
        headingPath: [],
        body: "",
        text: "Empty page\n\n",
        bodyOffset: 12,
        tokenCount: expect.any(Number),
      },
    ]);
  });

  it("keeps every word of the text in order and respects maxTokens for text blocks (property)", () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    // headings in capitals, so that their words can be told apart from the paragraphs'
    const heading = fc.stringMatching(/^[A-Z]{1,8}$/);
    const paragraph = fc.array(word, { minLength: 1, maxLength: 60 }).map((ws) => `${ws.join(" ")}.`);
    const section = fc.tuple(fc.option(heading), fc.array(paragraph, { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 5 }), (sections) => {
        const text = sections
          .map(([h, paragraphs]) => `${h ? `## ${h}\n\n` : ""}${paragraphs.join("\n\n")}`)
          .join("\n\n");
        const chunks = chunkDocument({ title: "T", text, format: "markdown" }, tokenizer, small);
        const words = (s: string) => s.match(/[a-z]+/g) ?? [];
        expect(chunks.flatMap((c) => words(c.body))).toEqual(words(text));
        for (const c of chunks) expect(tokenizer.count(c.body)).toBeLessThanOrEqual(small.maxTokens);
        expect(chunkDocument({ title: "T", text, format: "markdown" }, tokenizer, small)).toEqual(chunks);
      }),
      { numRuns: 40 },
    );
  });

  it("uses 512-token chunks by default", () => {
    expect(DEFAULT_CHUNK_OPTIONS.maxTokens).toBe(512);
  });
});

describe("splitSentences", () => {
  it("splits at sentence ends before a capital and at line breaks", () => {
    expect(splitSentences("Run it. Then wait 10 min.\nDone e.g. now")).toEqual([
      "Run it.",
      "Then wait 10 min.",
      "Done e.g. now",
    ]);
  });
});

describe("special tokens in documents", () => {
  it("chunks a page that writes a model's special tokens as plain text", () => {
    const text = "StarCoder2 ends a file with <|endoftext|> and marks the middle with <fim_middle>.";
    expect(tokenizer.count(text)).toBeGreaterThan(10);
    expect(tokenizer.split(text, 5).join("")).toBe(text);
  });
});
