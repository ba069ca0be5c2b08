import { describe, expect, it } from "vitest";
import { formatUptime } from "./format-uptime.js";

describe("formatUptime", () => {
  it.each([
    [0, "0 s"],
    [42, "42 s"],
    [60, "1 min"],
    [125, "2 min 5 s"],
    [7_500, "2 h 5 min"],
    [3 * 86_400 + 4 * 3_600 + 59, "3 d 4 h"],
    [86_400 + 30, "1 d"],
  ])("shows %i seconds as %s", (seconds, text) => {
    expect(formatUptime(seconds)).toBe(text);
  });
});
