import { describe, it } from "vitest";
import { expectClose, readReference } from "../../reference/reference.js";
import { noncentralTCdf } from "./noncentral-t.js";

const r = readReference<{ pnct: [number, number, number, number, number][] }>("distributions");
const hp = readReference<{ pnctScipy: [number, number, number, number][] }>("high-precision");

describe("noncentral t", () => {
  it("matches R pt(ncp =) (AS 243, absolute error < 1e-11 in both tails)", () => {
    for (const [t, df, ncp, lower, upper] of r.pnct) {
      expectClose(noncentralTCdf(t, df, ncp), lower, 1e-9, 1e-11, `pt(${t}, ${df}, ${ncp})`);
      expectClose(
        noncentralTCdf(t, df, ncp, false),
        upper,
        1e-9,
        1e-11,
        `pt(${t}, ${df}, ${ncp}, lower = FALSE)`,
      );
    }
  });

  it("agrees with scipy's nct (Boost, a different algorithm) to 1e-10 at power-analysis points", () => {
    for (const [t, df, ncp, expected] of hp.pnctScipy) {
      expectClose(noncentralTCdf(t, df, ncp, false), expected, 1e-10, 0, `nct.sf(${t}, ${df}, ${ncp})`);
    }
  });
});
