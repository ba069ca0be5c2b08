import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "./html-to-markdown.js";

describe("htmlToMarkdown", () => {
  it("converts headings, paragraphs, lists, code and tables, dropping scripts and images", () => {
    const html = `<html><head><title>T</title><style>p{}</style></head><body>
      <h1>Deploying &amp; releasing</h1>
      <p>Run the <strong>release</strong> pipeline,<br/>then <a href="/c">watch the canary</a>. <img src="x.png"></p>
      <ul><li>First</li><li>Second <code>runway promote</code></li></ul>
      <ol><li><p>One</p></li><li>Two</li></ol>
      <pre><code>runway promote billing
runway status</code></pre>
      <table><tr><th>Env</th><th>Minutes</th></tr><tr><td>prod</td><td>15 | 20</td></tr></table>
      <blockquote><p>Never on Fridays.</p></blockquote>
      <script>alert(1)</script>
    </body></html>`;
    expect(htmlToMarkdown(html)).toBe(
      [
        "# Deploying & releasing",
        "Run the release pipeline,\nthen watch the canary.",
        "- First\n- Second `runway promote`",
        "1. One\n2. Two",
        "```\nrunway promote billing\nrunway status\n```",
        "| Env | Minutes |\n| --- | --- |\n| prod | 15 \\| 20 |",
        "> Never on Fridays.",
      ].join("\n\n"),
    );
  });
});
