import { describe, expect, it } from "vitest";
import { boardHistoryOf, mergeStatusChanges } from "./project-statuses.js";

describe("mergeStatusChanges", () => {
  it("chains timeline and board changes in time order, each from the previous status", () => {
    const timeline = [
      { at: "2025-03-05T09:00:00Z", to: "closed" },
      { at: "2025-03-02T09:00:00Z", to: "blocked" },
    ];
    const board = [
      { at: "2025-03-03T09:00:00Z", to: "In Progress" },
      { at: "2025-03-06T09:00:00Z", to: "Done" },
    ];
    expect(
      mergeStatusChanges("i", timeline, board).map((t) => `${t.at.slice(0, 10)} ${t.from}→${t.to}`),
    ).toEqual([
      "2025-03-02 open→blocked",
      "2025-03-03 blocked→In Progress",
      "2025-03-05 In Progress→closed",
      "2025-03-06 closed→Done",
    ]);
  });

  it("drops a change to the status the item already has (case-insensitive)", () => {
    const changes = [
      { at: "2025-03-02T09:00:00Z", to: "Open" },
      { at: "2025-03-03T09:00:00Z", to: "In Progress" },
      { at: "2025-03-04T09:00:00Z", to: "in progress" },
    ];
    expect(mergeStatusChanges("i", changes)).toEqual([
      { item_id: "i", at: "2025-03-03T09:00:00.000Z", from: "open", to: "In Progress" },
    ]);
  });
});

describe("boardHistoryOf", () => {
  it("reads the stored history and ignores malformed entries", () => {
    expect(
      boardHistoryOf({
        project_status_history: [{ at: "2025-03-03T09:00:00Z", to: "Todo" }, { to: 3 }, null, "x"],
      }),
    ).toEqual([{ at: "2025-03-03T09:00:00Z", to: "Todo" }]);
    expect(boardHistoryOf({})).toEqual([]);
  });
});
