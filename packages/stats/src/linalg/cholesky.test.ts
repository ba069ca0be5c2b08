import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cholesky, choleskySolve } from "./cholesky.js";
import { multiply, multiplyVector, transpose } from "./matrix.js";

describe("cholesky", () => {
  it("solves A·x = b for random positive-definite A = BᵀB + I (fast-check)", () => {
    const matrixAndVector = fc
      .integer({ min: 1, max: 7 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }),
          fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(matrixAndVector, ([values, b]) => {
        const n = b.length;
        const root = Array.from({ length: n }, (_, i) => values.slice(i * n, (i + 1) * n));
        const a = multiply(transpose(root), root).map((row, i) => row.map((v, j) => v + (i === j ? 1 : 0)));
        const x = choleskySolve(cholesky(a), b);
        const back = multiplyVector(a, x);
        const size = Math.max(1, ...a.flat().map(Math.abs)) * Math.max(1, ...x.map(Math.abs));
        return back.every((v, i) => Math.abs(v - (b[i] as number)) <= 1e-11 * size);
      }),
    );
  });

  it("rejects a matrix that is not positive definite", () => {
    expect(() =>
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/not positive definite/);
  });
});
