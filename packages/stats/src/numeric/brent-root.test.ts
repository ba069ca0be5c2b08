import { describe, expect, it } from "vitest";
import { brentRoot } from "./brent-root.js";

describe("brentRoot", () => {
  it("finds √2 and the root of cos x − x to 1e-14", () => {
    expect(Math.abs(brentRoot((x) => x * x - 2, 0, 2) - Math.SQRT2)).toBeLessThan(1e-14);
    expect(Math.abs(brentRoot((x) => Math.cos(x) - x, 0, 1) - 0.7390851332151607)).toBeLessThan(1e-14);
  });

  it("rejects an interval that does not bracket a root", () => {
    expect(() => brentRoot((x) => x * x + 1, -1, 1)).toThrow(/do not bracket/);
  });
});
