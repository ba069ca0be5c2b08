import { describe, expect, it } from "vitest";
import { formatEffect, formatPValue } from "./format-effect.js";

describe("formatEffect", () => {
  it("shows a relative effect in percent with its sign", () => {
    expect(formatEffect(-0.1234, "relative")).toBe("−12.3 %");
    expect(formatEffect(0.05, "relative")).toBe("+5.0 %");
  });

  it("shows an absolute effect with three significant digits", () => {
    expect(formatEffect(1.23456, "absolute")).toBe("+1.23");
  });
});

describe("formatPValue", () => {
  it.each([
    [0.04321, "0.043"],
    [0.0004, "< 0.001"],
    [null, "—"],
  ])("shows %s as %s", (p, text) => {
    expect(formatPValue(p)).toBe(text);
  });
});
