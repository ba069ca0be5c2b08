/**
 * An embedding model that can be made on this machine, for the hybrid-retrieval benchmarks: latent
 * semantic indexing (Deerwester et al. 1990) — the top right singular vectors of the corpus'
 * tf-idf matrix, found by randomized SVD (Halko, Martinsson & Tropp 2011: range finder with power
 * iterations, Cholesky-QR, Jacobi on the small matrix) — served over an OpenAI-compatible
 * `/v1/embeddings` endpoint so that Uplift embeds through its real `embedder.base_url` path. A text
 * is embedded by folding in: its tf-idf vector (log tf, the corpus' idf, unit length) projected on
 * the singular vectors, then scaled to unit length. A classical model, far weaker than a neural
 * embedder; it exists because no model weights can be downloaded here. Bench code only.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { analyze } from "./bm25-reference.ts";

export interface LsiOptions {
  /** Dimensions kept (default 256). */
  rank?: number;
  /** Largest vocabulary, by document frequency (default 60,000). */
  maxTerms?: number;
  powerIterations?: number;
  seed?: number;
}

export class LsiModel {
  readonly rank: number;
  private readonly termIndex = new Map<string, number>();
  private readonly idf: Float64Array;
  /** terms × rank, row-major. */
  private readonly vectors: Float64Array;

  constructor(texts: string[], options: LsiOptions = {}) {
    this.rank = options.rank ?? 256;
    const maxTerms = options.maxTerms ?? 60_000;
    const bags = texts.map((text) => termCounts(analyze(text)));
    const df = new Map<string, number>();
    for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const kept = [...df]
      .filter(([, n]) => n >= 2 && n <= 0.5 * texts.length)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxTerms);
    this.idf = new Float64Array(kept.length);
    for (const [i, [term, n]] of kept.entries()) {
      this.termIndex.set(term, i);
      this.idf[i] = Math.log(texts.length / n);
    }
    const matrix = this.sparseRows(bags);
    this.vectors = topRightSingularVectors(matrix, kept.length, this.rank, options);
  }

  /** Unit-length embedding; a text with no known term gets the first axis. */
  embed(text: string): number[] {
    const [row] = this.sparseRows([termCounts(analyze(text))]);
    const out = new Float64Array(this.rank);
    if (row) {
      for (let j = 0; j < row.terms.length; j++) {
        const weight = row.weights[j] as number;
        const base = (row.terms[j] as number) * this.rank;
        for (let c = 0; c < this.rank; c++)
          out[c] = (out[c] as number) + weight * (this.vectors[base + c] as number);
      }
    }
    const norm = Math.hypot(...out);
    if (!(norm > 0)) return Array.from({ length: this.rank }, (_, i) => (i === 0 ? 1 : 0));
    return Array.from(out, (x) => x / norm);
  }

  /** tf-idf rows (1 + ln tf) · idf, unit length, over the kept vocabulary. */
  private sparseRows(bags: Map<string, number>[]): SparseRow[] {
    return bags.map((bag) => {
      const terms: number[] = [];
      const weights: number[] = [];
      for (const [term, tf] of bag) {
        const index = this.termIndex.get(term);
        if (index === undefined) continue;
        terms.push(index);
        weights.push((1 + Math.log(tf)) * (this.idf[index] as number));
      }
      const norm = Math.hypot(...weights) || 1;
      return { terms: Int32Array.from(terms), weights: Float64Array.from(weights, (w) => w / norm) };
    });
  }
}

interface SparseRow {
  terms: Int32Array;
  weights: Float64Array;
}

function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * A · X (rows × p, X: cols × p) or, with `transpose`, Aᵀ · X (cols × p, X: rows × p); A's rows
 * sparse, the dense matrices row-major.
 */
function product(rows: SparseRow[], x: Float64Array, p: number, transpose = false, cols = 0): Float64Array {
  const out = new Float64Array((transpose ? cols : rows.length) * p);
  for (const [r, row] of rows.entries()) {
    for (let j = 0; j < row.terms.length; j++) {
      const w = row.weights[j] as number;
      const t = (row.terms[j] as number) * p;
      const o = transpose ? t : r * p;
      const i = transpose ? r * p : t;
      for (let c = 0; c < p; c++) out[o + c] = (out[o + c] as number) + w * (x[i + c] as number);
    }
  }
  return out;
}

/** Gram matrix YᵀY (p × p) of a row-major n × p matrix. */
function gram(y: Float64Array, n: number, p: number): Float64Array {
  const g = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let a = 0; a < p; a++) {
      const ya = y[o + a] as number;
      if (ya === 0) continue;
      for (let b = a; b < p; b++) g[a * p + b] = (g[a * p + b] as number) + ya * (y[o + b] as number);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) g[a * p + b] = g[b * p + a] as number;
  return g;
}

/** Orthonormal columns spanning Y's (Cholesky-QR, twice for accuracy), in place. */
function orthonormalize(y: Float64Array, n: number, p: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = gram(y, n, p);
    // Cholesky G = RᵀR (upper R); a tiny diagonal shift keeps rank-deficient columns finite.
    const r = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) {
        let sum = g[i * p + j] as number;
        for (let k = 0; k < i; k++) sum -= (r[k * p + i] as number) * (r[k * p + j] as number);
        if (i === j) r[i * p + i] = Math.sqrt(Math.max(sum, 1e-12));
        else r[i * p + j] = sum / (r[i * p + i] as number);
      }
    }
    // Y ← Y R⁻¹, row by row (forward substitution on Rᵀ).
    const row = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const o = i * p;
      for (let j = 0; j < p; j++) {
        let sum = y[o + j] as number;
        for (let k = 0; k < j; k++) sum -= (row[k] as number) * (r[k * p + j] as number);
        row[j] = sum / (r[j * p + j] as number);
      }
      y.set(row, o);
    }
  }
}

/** Eigen-decomposition of a symmetric p × p matrix by cyclic Jacobi: values and column vectors. */
function symmetricEigen(m: Float64Array, p: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += (a[i * p + j] as number) ** 2;
    if (off < 1e-22) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = a[i * p + j] as number;
        if (Math.abs(aij) < 1e-300) continue;
        const theta = ((a[j * p + j] as number) - (a[i * p + i] as number)) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const aki = a[k * p + i] as number;
          const akj = a[k * p + j] as number;
          a[k * p + i] = c * aki - s * akj;
          a[k * p + j] = s * aki + c * akj;
        }
        for (let k = 0; k < p; k++) {
          const aik = a[i * p + k] as number;
          const ajk = a[j * p + k] as number;
          a[i * p + k] = c * aik - s * ajk;
          a[j * p + k] = s * aik + c * ajk;
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k * p + i] as number;
          const vkj = v[k * p + j] as number;
          v[k * p + i] = c * vki - s * vkj;
          v[k * p + j] = s * vki + c * vkj;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: p }, (_, i) => a[i * p + i] as number), vectors: v };
}

/** The top `rank` right singular vectors of A (rows sparse, `cols` columns) as a cols × rank matrix. */
function topRightSingularVectors(
  rows: SparseRow[],
  cols: number,
  rank: number,
  options: LsiOptions,
): Float64Array {
  const p = Math.min(rank + 10, cols);
  let seed = options.seed ?? 42;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 2 ** 32;
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  let y: Float64Array = Float64Array.from({ length: cols * p }, gaussian);
  for (let i = 0; i <= (options.powerIterations ?? 2); i++) {
    y = product(rows, product(rows, y, p), p, true, cols); // (AᵀA) Y
    orthonormalize(y, cols, p);
  }
  // Rayleigh-Ritz: B = A Q, BᵀB = Qᵀ AᵀA Q = Z Λ Zᵀ; the right singular vectors are Q Z.
  const b = product(rows, y, p);
  const { values, vectors } = symmetricEigen(gram(b, rows.length, p), p);
  const order = [...values.keys()]
    .sort((i, j) => (values[j] as number) - (values[i] as number))
    .slice(0, rank);
  const out = new Float64Array(cols * rank);
  for (let t = 0; t < cols; t++) {
    for (const [c, e] of order.entries()) {
      let sum = 0;
      for (let k = 0; k < p; k++) sum += (y[t * p + k] as number) * (vectors[k * p + e] as number);
      out[t * rank + c] = sum;
    }
  }
  return out;
}

/** Serves the model at `http://127.0.0.1:PORT/v1/embeddings` (OpenAI's request and answer shape). */
export async function serveEmbeddings(model: LsiModel): Promise<{ baseUrl: string; server: Server }> {
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => {
      if (request.method !== "POST" || !request.url?.endsWith("/embeddings")) {
        response.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(parts).toString("utf8")) as {
        model: string;
        input: string | string[];
      };
      const inputs = typeof body.input === "string" ? [body.input] : body.input;
      const data = inputs.map((text, index) => ({
        object: "embedding",
        index,
        embedding: model.embed(text),
      }));
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          object: "list",
          model: body.model,
          data,
          usage: { prompt_tokens: 0, total_tokens: 0 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server };
}
