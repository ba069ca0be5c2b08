import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanAll } from "../test/scan.js";
import { confluenceSource } from "./confluence.js";

/** A page as Confluence's HTML space export writes it (trimmed). */
const page = (title: string, body: string) => `<!DOCTYPE html>
<html><head><title>Engineering : ${title}</title><link rel="stylesheet" href="styles/site.css"></head>
<body class="theme-default aui-theme-default"><div id="page"><div id="main" class="aui-page-panel">
<div id="main-header"><div id="breadcrumb-section"><ol id="breadcrumbs"><li><a href="index.html">Engineering</a></li></ol></div>
<h1 id="title-heading" class="pagetitle"><span id="title-text"> Engineering : ${title} </span></h1></div>
<div id="content" class="view"><div class="page-metadata">Created by Ann Lee, last modified on Mar 03, 2025</div>
<div id="main-content" class="wiki-content group">${body}</div>
<div class="pageSection group"><h2 id="attachments">Attachments:</h2><a href="attachments/1/2.png">diagram.png</a></div>
</div></div></div></body></html>`;

function exportDir(): string {
  const root = mkdtempSync(path.join(tmpdir(), "kb-confluence-"));
  mkdirSync(path.join(root, "attachments"));
  writeFileSync(
    path.join(root, "index.html"),
    page("Engineering", "<ul><li><a href='Deploying_98306.html'>Deploying</a></li></ul>"),
  );
  writeFileSync(
    path.join(root, "Deploying_98306.html"),
    page(
      "Deploying",
      `<h2 id="Deploying-Canary">Canary</h2><p>Watch the canary for <strong>15 minutes</strong>.</p>
       <div class="code panel pdl"><div class="codeContent panelContent pdl"><pre class="syntaxhighlighter-pre">runway promote billing</pre></div></div>
       <div class="table-wrap"><table class="confluenceTable"><tbody><tr><th class="confluenceTh">Region</th><th class="confluenceTh">Order</th></tr>
       <tr><td class="confluenceTd">eu-west</td><td class="confluenceTd">1</td></tr></tbody></table></div>`,
    ),
  );
  writeFileSync(path.join(root, "Empty-page_98307.html"), page("Empty page", ""));
  return root;
}

describe("confluence-export source", () => {
  it("reads each page's main content as Markdown, with the page id and a URL from --url-base", async () => {
    const root = exportDir();
    const { docs, skipped } = await scanAll(confluenceSource, {
      name: "wiki",
      type: "confluence-export",
      path: root,
      acl: ["eng"],
      urlBase: "https://wiki.example.com/spaces/ENG/pages/",
    });
    expect(docs).toEqual([
      {
        id: "98306",
        title: "Deploying",
        text: "## Canary\n\nWatch the canary for 15 minutes.\n\n```\nrunway promote billing\n```\n\n| Region | Order |\n| --- | --- |\n| eu-west | 1 |",
        url: "https://wiki.example.com/spaces/ENG/pages/98306",
        source: "wiki",
        path: "Deploying_98306.html",
        format: "markdown",
      },
    ]);
    expect(skipped).toEqual([
      expect.objectContaining({ id: "98307", reason: expect.stringContaining("no page content") }),
    ]);
  });

  it("refuses a --path that is not a directory", async () => {
    await expect(
      confluenceSource.check({ name: "w", type: "confluence-export", path: "/nonexistent/export", acl: [] }),
    ).rejects.toThrow("unzip the Confluence HTML export first");
  });
});
