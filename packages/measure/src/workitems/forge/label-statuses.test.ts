import { describe, expect, it } from "vitest";
import { FlowMapping } from "../flow-mapping.js";
import { issueKeysIn } from "../link-prs.js";
import { statusOfLabel, transitionsOfEvents, typeOfLabels } from "./label-statuses.js";

const mapping = new FlowMapping([{ kind: "status", name: "needs design", flow: "waiting", origin: "file" }]);

describe("issue labels and events as transitions", () => {
  it("reads status labels: prefixed, scoped, or named by a mapping; not types, not open/closed", () => {
    expect(statusOfLabel("status: In Review", mapping)).toBe("In Review");
    expect(statusOfLabel("workflow::Doing", mapping)).toBe("Doing");
    expect(statusOfLabel("Needs Design", mapping)).toBe("Needs Design");
    expect(statusOfLabel("bug", mapping)).toBeUndefined();
    expect(statusOfLabel("closed", mapping)).toBeUndefined();
    expect(typeOfLabels(["p1", "Tech Debt"], mapping, "Task")).toBe("Tech Debt");
    expect(typeOfLabels(["p1"], mapping, null)).toBe("issue");
  });

  it("keeps a status label through close and reopen, and drops it when unlabeled", () => {
    const events = [
      { at: "2025-03-03T10:00:00Z", kind: "labeled" as const, label: "status: Doing" },
      { at: "2025-03-03T11:00:00Z", kind: "closed" as const },
      { at: "2025-03-03T12:00:00Z", kind: "reopened" as const },
      { at: "2025-03-03T13:00:00Z", kind: "unlabeled" as const, label: "status: Doing" },
      { at: "2025-03-03T14:00:00Z", kind: "labeled" as const, label: "bug" },
    ];
    expect(transitionsOfEvents("x", events, mapping).map((t) => `${t.from}→${t.to}`)).toEqual([
      "open→Doing",
      "Doing→closed",
      "closed→Doing",
      "Doing→open",
    ]);
  });

  it("finds Jira keys in titles and branches, not inside other words", () => {
    const keys = issueKeysIn("WEB-12: fix; feature/OPS-7-login, XWEB-2 and web-3, WEB-12");
    expect(keys).toEqual(["WEB-12", "OPS-7", "XWEB-2"]);
    expect(keys).not.toContain("WEB-2");
  });
});
