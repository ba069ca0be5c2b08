import type { ForgePage } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { scanUpdatedSince, type UpdatedSinceCursor } from "./updated-since-scan.js";

interface Item {
  id: string;
  updated_at: string;
}

/** An in-memory listing like GitHub's `issues?since=&sort=updated&direction=asc` with `perPage` items a page. */
function listing(items: Item[], perPage: number, onRequest: (n: number) => void = () => {}) {
  let requests = 0;
  return async (since: string | undefined, page: number): Promise<ForgePage<Item[]>> => {
    onRequest(++requests);
    const matching = items
      .filter((i) => since === undefined || Date.parse(i.updated_at) >= Date.parse(since))
      .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || a.id.localeCompare(b.id));
    const data = matching.slice((page - 1) * perPage, page * perPage);
    return { data, next: page * perPage < matching.length ? "more" : undefined, notModified: false, url: "" };
  };
}

async function walk(
  items: Item[],
  perPage: number,
  cursor: UpdatedSinceCursor = { seen: [] },
  onRequest?: (n: number) => void,
) {
  const stored: string[] = [];
  const result = await scanUpdatedSince<Item>({
    cursor,
    fetchPage: listing(items, perPage, onRequest),
    key: (i) => i.id,
    updatedAt: (i) => i.updated_at,
    commit: async (page) => {
      stored.push(...page.map((i) => i.id));
    },
  });
  return { stored, cursor: result.cursor };
}

const at = (minute: number) => `2026-03-03T10:${String(minute).padStart(2, "0")}:00Z`;

describe("scanUpdatedSince", () => {
  it("stores every item once even when many share the same second across page boundaries", async () => {
    const items = ["a", "b", "c", "d", "e"]
      .map((id) => ({ id, updated_at: at(1) }))
      .concat({ id: "f", updated_at: at(2) });
    const { stored, cursor } = await walk(items, 2);
    expect(stored.sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(cursor).toEqual({ since: "2026-03-03T10:02:00.000Z", seen: ["f"] });
  });

  it("does not lose an item when another one is updated during the walk", async () => {
    const items = [
      { id: "a", updated_at: at(1) },
      { id: "b", updated_at: at(2) },
      { id: "c", updated_at: at(3) },
    ];
    const { stored } = await walk(items, 1, { seen: [] }, (n) => {
      if (n === 2) (items[0] as Item).updated_at = at(9); // "a" moves to the end after page 1 was read
    });
    expect(new Set(stored)).toEqual(new Set(["a", "b", "c"]));
  });

  it("resumes from a cursor: items stored at the mark are not stored again, later ones are", async () => {
    const items = [
      { id: "a", updated_at: at(1) },
      { id: "b", updated_at: at(2) },
      { id: "c", updated_at: at(2) },
      { id: "d", updated_at: at(3) },
    ];
    const { stored } = await walk(items, 10, { since: "2026-03-03T10:02:00.000Z", seen: ["b"] });
    expect(stored).toEqual(["c", "d"]);
  });
});
