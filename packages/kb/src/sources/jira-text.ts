/** A node of Atlassian Document Format (Jira Cloud API v3 rich text). */
interface AdfNode {
  type?: string;
  text?: string;
  attrs?: { level?: number };
  content?: AdfNode[];
}

/**
 * Jira rich text as Markdown-ish plain text: a string (API v2 / CSV wiki markup) is kept, with
 * `h2.` headings and `{code}` blocks mapped to Markdown; an ADF document (API v3) is walked.
 */
export function jiraText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return wikiMarkupToMarkdown(value);
  return adfBlocks(value as AdfNode)
    .join("\n\n")
    .trim();
}

function wikiMarkupToMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/^h([1-6])\.\s+/gm, (_m, level: string) => `${"#".repeat(Number(level))} `)
    .replace(/\{(?:code|noformat)(?::[^}]*)?\}/g, "```");
}

function adfInline(node: AdfNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  if (node.type === "mention" || node.type === "emoji" || node.type === "inlineCard")
    return (node.attrs as { text?: string; url?: string } | undefined)?.text ?? "";
  return (node.content ?? []).map(adfInline).join("");
}

function adfBlocks(node: AdfNode): string[] {
  switch (node.type) {
    case "doc":
    case "panel":
    case "expand":
    case "blockquote":
    case "layoutSection":
    case "layoutColumn":
      return (node.content ?? []).flatMap(adfBlocks);
    case "heading":
      return [`${"#".repeat(node.attrs?.level ?? 2)} ${adfInline(node)}`];
    case "codeBlock":
      return [`\`\`\`\n${adfInline(node)}\n\`\`\``];
    case "bulletList":
    case "orderedList":
      return [
        (node.content ?? [])
          .map((item, i) => `${node.type === "orderedList" ? `${i + 1}.` : "-"} ${adfBlocks(item).join(" ")}`)
          .join("\n"),
      ];
    case "listItem":
      return (node.content ?? []).flatMap(adfBlocks);
    case "table": {
      const rows = (node.content ?? []).map((row) =>
        (row.content ?? []).map((cell) =>
          adfBlocks(cell).join(" ").replace(/\|/g, "\\|").replace(/\n/g, " "),
        ),
      );
      const width = Math.max(0, ...rows.map((r) => r.length));
      const line = (cells: string[]) =>
        `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
      const [head, ...body] = rows;
      return head ? [[line(head), `|${" --- |".repeat(width)}`, ...body.map(line)].join("\n")] : [];
    }
    default: {
      const text = adfInline(node).trim();
      return text ? [text] : [];
    }
  }
}
