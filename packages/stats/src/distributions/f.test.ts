import { describe, it } from "vitest";
import { expectClose, readReference } from "../../reference/reference.js";
import { fCdf } from "./f.js";

const r = readReference<{ pf: [number, number, number, number, number][] }>("distributions");

describe("F distribution against R pf", () => {
  it("fCdf matches pf in both tails to 1e-10", () => {
    for (const [x, df1, df2, lower, upper] of r.pf) {
      expectClose(fCdf(x, df1, df2), lower, 1e-10, 0, `pf(${x}, ${df1}, ${df2})`);
      expectClose(fCdf(x, df1, df2, false), upper, 1e-10, 0, `pf(${x}, ${df1}, ${df2}, lower = FALSE)`);
    }
  });
});
