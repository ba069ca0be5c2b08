import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanAll } from "../test/scan.js";
import { zipStored } from "../test/zip.js";
import { gdocsSource } from "./gdocs.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const paragraph = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A minimal Word document as Drive's "Download as .docx" writes it (styles by name). */
function docx(): Buffer {
  return zipStored({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraph("Incident review guide", "Heading1")}${paragraph("Write the review within five business days.")}${paragraph("Timeline", "Heading2")}${paragraph("List every page and every action taken.")}</w:body></w:document>`,
  });
}

describe("gdocs-export source", () => {
  it("converts .docx (mammoth) and Google's .html export to Markdown documents", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "kb-gdocs-"));
    writeFileSync(path.join(root, "Incident review.docx"), docx());
    writeFileSync(
      path.join(root, "Oncall.html"),
      `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">.c1{font-weight:700}</style><title>On-call guide</title></head><body class="c4 doc-content"><h1 class="c2" id="h.x"><span class="c1">Paging</span></h1><p class="c3"><span>Page the secondary after </span><span class="c1">ten</span><span>&nbsp;minutes.</span></p></body></html>`,
    );
    writeFileSync(path.join(root, "broken.docx"), "not a zip");
    const { docs, skipped } = await scanAll(gdocsSource, {
      name: "drive",
      type: "gdocs-export",
      path: root,
      acl: [],
      urlBase: "https://drive.example/export",
    });
    expect(docs.map((d) => [d.id, d.title, d.text, d.url])).toEqual([
      [
        "Incident review.docx",
        "Incident review guide",
        "# Incident review guide\n\nWrite the review within five business days.\n\n## Timeline\n\nList every page and every action taken.",
        "https://drive.example/export/Incident%20review.docx",
      ],
      [
        "Oncall.html",
        "On-call guide",
        "# Paging\n\nPage the secondary after ten minutes.",
        "https://drive.example/export/Oncall.html",
      ],
    ]);
    expect(skipped).toEqual([
      {
        where: path.join(root, "broken.docx"),
        id: "broken.docx",
        reason: expect.stringContaining("not a readable .docx"),
      },
    ]);
  });
});
