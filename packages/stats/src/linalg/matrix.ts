/** Dense matrices as arrays of rows; sized for regression designs (n × k with small k). */
export type Matrix = number[][];

/** An r × c matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** Element (i, j), for code that already checked the bounds. */
export function entry(a: readonly (readonly number[])[], i: number, j: number): number {
  return (a[i] as readonly number[])[j] as number;
}

/** Aᵀ. */
export function transpose(a: readonly (readonly number[])[]): Matrix {
  const rows = a.length;
  const cols = rows === 0 ? 0 : (a[0] as readonly number[]).length;
  const out = zeros(cols, rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) (out[j] as number[])[i] = entry(a, i, j);
  return out;
}

/** A·B. */
export function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Matrix {
  const n = a.length;
  const inner = b.length;
  const m = inner === 0 ? 0 : (b[0] as readonly number[]).length;
  const out = zeros(n, m);
  for (let i = 0; i < n; i++) {
    const row = out[i] as number[];
    const ai = a[i] as readonly number[];
    for (let l = 0; l < inner; l++) {
      const ail = ai[l] as number;
      if (ail === 0) continue;
      const bl = b[l] as readonly number[];
      for (let j = 0; j < m; j++) row[j] = (row[j] as number) + ail * (bl[j] as number);
    }
  }
  return out;
}

/** A·v. */
export function multiplyVector(a: readonly (readonly number[])[], v: ArrayLike<number>): number[] {
  return a.map((row) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) s += (row[j] as number) * (v[j] as number);
    return s;
  });
}

/** uᵀv. */
export function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += (u[i] as number) * (v[i] as number);
  return s;
}

/** Symmetrize in place: (A + Aᵀ)/2, removing rounding asymmetry of a covariance product. */
export function symmetrize(a: Matrix): Matrix {
  const n = a.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = (entry(a, i, j) + entry(a, j, i)) / 2;
      (a[i] as number[])[j] = v;
      (a[j] as number[])[i] = v;
    }
  }
  return a;
}

/** B·M·Bᵀ for symmetric M (the sandwich). */
export function sandwich(
  bread: readonly (readonly number[])[],
  meat: readonly (readonly number[])[],
): Matrix {
  return symmetrize(multiply(multiply(bread, meat), transpose(bread)));
}
