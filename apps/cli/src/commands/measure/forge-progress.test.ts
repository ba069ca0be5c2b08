import { describe, expect, it } from "vitest";
import { ForgeProgress } from "./forge-progress.js";

describe("ForgeProgress", () => {
  it("rewrites one progress line per page and prints rate-limit pauses on their own line", () => {
    let out = "";
    const write = (text: string) => {
      out += text;
      return true;
    };
    const stream = { write } as unknown as NodeJS.WriteStream;
    const progress = new ForgeProgress(stream);
    progress.show({ kind: "page", connector: "github", resource: "pulls", items: 100, total: 100 });
    const resumeAt = new Date(2026, 2, 3, 9, 41, 0);
    progress.show({
      kind: "rate_limit",
      wait: { kind: "primary", forge: "github", resumeAt, waitMs: 120_000, url: "u" },
    });
    progress.clear();
    expect(out).toBe(
      "\r\x1b[Kgithub pulls: 100 imported\r\x1b[Kgithub primary rate limit: rate limited, resuming at 09:41\n",
    );
  });
});
