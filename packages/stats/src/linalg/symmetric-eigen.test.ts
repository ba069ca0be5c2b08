import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entry, multiply, transpose } from "./matrix.js";
import { symmetricEigen } from "./symmetric-eigen.js";

const symmetric = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc
      .array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n * n, maxLength: n * n })
      .map((values) =>
        Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => (values[i * n + j] as number) + (values[j * n + i] as number)),
        ),
      ),
  );

describe("symmetricEigen (Jacobi)", () => {
  it("reconstructs A = V·diag(λ)·Vᵀ with orthonormal V (fast-check)", () => {
    fc.assert(
      fc.property(symmetric, (a) => {
        const { values, vectors } = symmetricEigen(a);
        const n = a.length;
        const scale = Math.max(1, ...a.flat().map(Math.abs));
        const scaled = vectors.map((row) => row.map((v, j) => v * (values[j] as number)));
        const rebuilt = multiply(scaled, transpose(vectors));
        const gram = multiply(transpose(vectors), vectors);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (Math.abs(entry(rebuilt, i, j) - entry(a, i, j)) > 1e-12 * scale * n) return false;
            if (Math.abs(entry(gram, i, j) - (i === j ? 1 : 0)) > 1e-13 * n) return false;
          }
        }
        return true;
      }),
    );
  });

  it("finds the eigenvalues of a known 2 × 2 matrix", () => {
    const { values } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    const [small, large] = [...values].sort((a, b) => a - b);
    expect(small).toBeCloseTo(1, 14);
    expect(large).toBeCloseTo(3, 14);
  });
});
