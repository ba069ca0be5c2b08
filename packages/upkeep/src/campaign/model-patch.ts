import type { ChatMessage } from "@uplift/core";
import type { CallSite, RepoPlan } from "./types.js";

const MAX_OUTPUT_CHARS = 6000;
const MAX_FILE_LINES = 400;

/** A model's answer split into its reasoning and the unified diff it proposes. */
export interface ModelPatch {
  reasoning: string;
  patch: string;
}

/**
 * The chat that asks for a fix after a dependency bump broke the tests: the bump, the changed
 * API, the call sites with their files' text, and the failing output. The answer must be one
 * unified diff (paths relative to the repository root) in a ```diff block.
 */
export function patchPrompt(input: {
  plan: RepoPlan;
  failingOutput: string;
  testCommand: string;
  files: { path: string; text: string }[];
  attempt: number;
}): ChatMessage[] {
  const { plan } = input;
  const bump = plan.edits.map((e) => `- ${e.package}: ${e.from} → ${e.to} (${e.file})`).join("\n");
  const api = plan.api
    .map((a) => {
      const changes = a.changes
        .slice(0, 40)
        .map(
          (c) =>
            `  - ${c.kind} ${c.name}${c.before ? `\n    before: ${c.before.split("\n")[0]}` : ""}${c.after ? `\n    after:  ${c.after.split("\n")[0]}` : ""}`,
        )
        .join("\n");
      const log = a.changelog.slice(0, 30).join("\n");
      return `${a.package} ${a.from} → ${a.to} (declarations from ${a.source}):\n${changes || "  (no exported-name change found)"}${log ? `\nChangelog:\n${log}` : ""}`;
    })
    .join("\n\n");
  const sites = plan.callSites.map((s: CallSite) => `- ${s.path}:${s.line}: ${s.text}`).join("\n");
  const files = input.files
    .map((f) => {
      const lines = f.text.split("\n").slice(0, MAX_FILE_LINES);
      return `--- ${f.path}\n${lines.map((l, i) => `${String(i + 1).padStart(4)} ${l}`).join("\n")}`;
    })
    .join("\n\n");
  return [
    {
      role: "system",
      content:
        "You fix a repository after a dependency upgrade so that its tests pass again. Change only what the " +
        "upgrade requires. First explain the cause in a few sentences, then give exactly one unified diff " +
        "(`--- a/PATH`, `+++ b/PATH`, paths relative to the repository root) in a ```diff fenced block. " +
        "Never edit the dependency versions or lock files.",
    },
    {
      role: "user",
      content: [
        `Attempt ${input.attempt}. The dependency bump:\n${bump}`,
        `API changes between the versions:\n${api || "(not available)"}`,
        `Call sites of the upgraded package:\n${sites || "(none found)"}`,
        `Files with call sites (line numbers for reference only):\n${files || "(none)"}`,
        `\`${input.testCommand}\` fails after the bump:\n${tail(input.failingOutput)}`,
      ].join("\n\n"),
    },
  ];
}

/** Splits an answer into reasoning and the first diff (a ```diff/```patch block, or bare `--- a/` text). */
export function parseModelAnswer(text: string): ModelPatch {
  const fenced = /```(?:diff|patch)?[^\n]*\n([\s\S]*?)```/.exec(text);
  if (fenced?.[1] && /^(---|diff --git|\+\+\+|@@)/m.test(fenced[1])) {
    const patch = fenced[1];
    return {
      reasoning: (text.slice(0, fenced.index) + text.slice(fenced.index + fenced[0].length)).trim(),
      patch: ensureNewline(patch),
    };
  }
  const start = text.search(/^(diff --git |--- a\/|--- )/m);
  if (start >= 0) return { reasoning: text.slice(0, start).trim(), patch: ensureNewline(text.slice(start)) };
  return { reasoning: text.trim(), patch: "" };
}

/** The `+` lines of a unified diff with the file and new line number each lands on. */
export function addedLines(patch: string): { path: string; line: number; text: string }[] {
  const out: { path: string; line: number; text: string }[] = [];
  let file = "";
  let line = 0;
  for (const raw of patch.split("\n")) {
    if (raw.startsWith("+++ ")) {
      file = raw.slice(4).trim().replace(/^b\//, "");
      continue;
    }
    if (raw.startsWith("--- ")) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (raw.startsWith("+")) {
      out.push({ path: file, line, text: raw.slice(1) });
      line += 1;
    } else if (raw.startsWith(" ")) line += 1;
  }
  return out;
}

function tail(text: string): string {
  return text.length > MAX_OUTPUT_CHARS ? `…${text.slice(-MAX_OUTPUT_CHARS)}` : text;
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
