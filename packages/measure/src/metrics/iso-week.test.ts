import { describe, expect, it } from "vitest";
import { isoWeek } from "./iso-week.js";
import { daysIn, weekBounds, weeksIn } from "./window-span.js";

const at = (iso: string) => Date.parse(iso);

describe("isoWeek", () => {
  it("follows ISO 8601 across year boundaries", () => {
    expect(isoWeek(at("2025-03-03T09:00:00Z"))).toBe("2025-W10");
    expect(isoWeek(at("2024-12-30T00:00:00Z"))).toBe("2025-W01");
    expect(isoWeek(at("2021-01-03T23:59:59Z"))).toBe("2020-W53");
    expect(isoWeek(at("2026-01-01T12:00:00Z"))).toBe("2026-W01");
    expect(isoWeek(at("1969-12-31T12:00:00Z"))).toBe("1970-W01");
  });
});

describe("window spans", () => {
  it("counts the UTC days and ISO weeks a window touches", () => {
    expect(daysIn(at("2025-03-03T00:00:00Z"), at("2025-03-10T00:00:00Z"))).toBe(7);
    expect(weeksIn(at("2025-03-03T00:00:00Z"), at("2025-03-10T00:00:00Z"))).toBe(1);
    expect(weeksIn(at("2025-03-02T00:00:00Z"), at("2025-03-10T00:00:00Z"))).toBe(2);
    expect(weekBounds(at("2025-03-05T10:00:00Z"))).toEqual([
      at("2025-03-03T00:00:00Z"),
      at("2025-03-10T00:00:00Z"),
    ]);
  });
});
