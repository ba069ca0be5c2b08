import { estimatedJaccard, LSH_BANDS, lshBandHashes, NEAR_DUP_THRESHOLD } from "./minhash.js";

/** Items kept per LSH bucket for comparison; a bucket this full compares new items with these only. */
const BUCKET_CAPACITY = 8;
const EMPTY = -1;

/**
 * Streaming near-duplicate clustering: items are added in order with their MinHash signature;
 * candidates come from shared LSH buckets, a candidate pair whose estimated Jaccard reaches the
 * threshold is joined (union-find), and each cluster keeps its first-added item as the
 * representative. Memory: one signature (1 KiB) and 25 bucket entries per item.
 *
 * The buckets are an open-addressing table keyed by (band, band hash) in typed arrays — 25
 * entries per item, 3.3 M for 1 GB of code, too many for a Map keyed by numbers beyond the small
 * integers (each a heap number, hashed and traced by the collector); a bucket holds one item id
 * or, after a collision, the index of a member list.
 */
export class NearDuplicateIndex {
  readonly #threshold: number;
  readonly #signatures: Int32Array[] = [];
  readonly #parent: number[] = [];
  #bandHashes = new Int32Array(0);
  #bands = new Uint8Array(0);
  /** An item id (≥ 0), or -2 - i for `#lists[i]`; EMPTY for a free slot. */
  #heads = new Int32Array(0);
  readonly #lists: number[][] = [];
  #used = 0;
  readonly #hashes = new Int32Array(LSH_BANDS);

  constructor(threshold = NEAR_DUP_THRESHOLD) {
    this.#threshold = threshold;
    this.#resize(1 << 16);
  }

  /** Adds an item; returns its id (0, 1, 2, … in order of addition). */
  add(signature: Int32Array): number {
    const id = this.#signatures.length;
    this.#signatures.push(signature);
    this.#parent.push(id);
    if (2 * (this.#used + LSH_BANDS) > this.#heads.length) this.#resize(2 * this.#heads.length);
    const compared: number[] = [];
    const hashes = lshBandHashes(signature, this.#hashes);
    for (let band = 0; band < LSH_BANDS; band++) {
      const slot = this.#slotOf(band, hashes[band] as number);
      const head = this.#heads[slot] as number;
      if (head === EMPTY) {
        this.#bands[slot] = band;
        this.#bandHashes[slot] = hashes[band] as number;
        this.#heads[slot] = id; // most buckets hold one item: an id, not a list
        this.#used++;
        continue;
      }
      const members = head >= 0 ? [head] : (this.#lists[-2 - head] as number[]);
      for (const other of members) {
        if (compared.includes(other)) continue;
        compared.push(other);
        if (estimatedJaccard(signature, this.#signatures[other] as Int32Array) >= this.#threshold)
          this.#union(id, other);
      }
      if (members.length < BUCKET_CAPACITY) {
        members.push(id);
        if (head >= 0) {
          this.#heads[slot] = -2 - this.#lists.length;
          this.#lists.push(members);
        }
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

  /** The slot of bucket (band, hash), or the free slot where it goes. */
  #slotOf(band: number, hash: number): number {
    const mask = this.#heads.length - 1;
    const mixed = Math.imul(hash ^ Math.imul(band + 1, 0x9e3779b1), 0x85ebca6b);
    for (let slot = (mixed ^ (mixed >>> 16)) & mask; ; slot = (slot + 1) & mask)
      if (this.#heads[slot] === EMPTY || (this.#bandHashes[slot] === hash && this.#bands[slot] === band))
        return slot;
  }

  #resize(slots: number): void {
    const [bands, hashes, heads] = [this.#bands, this.#bandHashes, this.#heads];
    this.#bands = new Uint8Array(slots);
    this.#bandHashes = new Int32Array(slots);
    this.#heads = new Int32Array(slots).fill(EMPTY);
    for (let old = 0; old < heads.length; old++) {
      if (heads[old] === EMPTY) continue;
      const slot = this.#slotOf(bands[old] as number, hashes[old] as number);
      this.#bands[slot] = bands[old] as number;
      this.#bandHashes[slot] = hashes[old] as number;
      this.#heads[slot] = heads[old] as number;
    }
  }
}
