import { estimatedJaccard, LSH_BANDS, lshBandKeys, NEAR_DUP_THRESHOLD } from "./minhash.js";

/** Items kept per LSH bucket for comparison; a bucket this full compares new items with these only. */
const BUCKET_CAPACITY = 8;

/**
 * Streaming near-duplicate clustering: items are added in order with their MinHash signature;
 * candidates come from shared LSH buckets, a candidate pair whose estimated Jaccard reaches the
 * threshold is joined (union-find), and each cluster keeps its first-added item as the
 * representative. Memory: one signature (1 KiB) and 25 bucket entries per item.
 */
export class NearDuplicateIndex {
  readonly #threshold: number;
  readonly #signatures: Int32Array[] = [];
  readonly #parent: number[] = [];
  readonly #buckets = new Map<number, number | number[]>();

  constructor(threshold = NEAR_DUP_THRESHOLD) {
    this.#threshold = threshold;
  }

  /** Adds an item; returns its id (0, 1, 2, … in order of addition). */
  add(signature: Int32Array): number {
    const id = this.#signatures.length;
    this.#signatures.push(signature);
    this.#parent.push(id);
    const compared = new Set<number>();
    for (const key of lshBandKeys(signature)) {
      const bucket = this.#buckets.get(key);
      if (bucket === undefined) {
        this.#buckets.set(key, id); // most buckets hold one item: a number, not an array
        continue;
      }
      const members = typeof bucket === "number" ? [bucket] : bucket;
      for (const other of members) {
        if (compared.has(other)) continue;
        compared.add(other);
        if (estimatedJaccard(signature, this.#signatures[other] as Int32Array) >= this.#threshold)
          this.#union(id, other);
      }
      if (members.length < BUCKET_CAPACITY) {
        members.push(id);
        if (typeof bucket === "number") this.#buckets.set(key, members);
      }
    }
    return id;
  }

  /** The representative (smallest id) of an item's cluster. */
  representative(id: number): number {
    let root = id;
    while (this.#parent[root] !== root) root = this.#parent[root] as number;
    let at = id;
    while (this.#parent[at] !== root) {
      const next = this.#parent[at] as number;
      this.#parent[at] = root;
      at = next;
    }
    return root;
  }

  /** Clusters with more than one member and the items they remove. */
  stats(): { clusters: number; duplicates: number; bands: number } {
    const sizes = new Map<number, number>();
    for (let id = 0; id < this.#parent.length; id++) {
      const root = this.representative(id);
      sizes.set(root, (sizes.get(root) ?? 0) + 1);
    }
    let clusters = 0;
    let duplicates = 0;
    for (const size of sizes.values())
      if (size > 1) {
        clusters++;
        duplicates += size - 1;
      }
    return { clusters, duplicates, bands: LSH_BANDS };
  }

  #union(a: number, b: number): void {
    const ra = this.representative(a);
    const rb = this.representative(b);
    if (ra === rb) return;
    if (ra < rb) this.#parent[rb] = ra;
    else this.#parent[ra] = rb;
  }
}
