/** Below this many values the built-in sort is as fast (a radix pass costs a 64k-bucket histogram). */
const RADIX_MIN = 1 << 16;

/** Whether doubles are stored little-endian (the radix sort reads their two 32-bit words). */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([-0]).buffer)[7] === 0x80;

/**
 * Sorts `values` ascending in place, in the order of `Float64Array.prototype.sort` (−0 before +0,
 * NaN last). A run of an ungrouped report holds ~1M values: there an LSD radix sort on the bits
 * (four 16-bit digits) takes ~40 % of the built-in sort's time.
 */
export function sortFloat64(values: Float64Array): void {
  if (values.length < RADIX_MIN || !LITTLE_ENDIAN) values.sort();
  else radixSortFloat64(values);
}

/** The radix sort of `sortFloat64`, at any length (little-endian machines only). */
export function radixSortFloat64(values: Float64Array): void {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  // keys whose unsigned order is the numeric order: negatives with every bit flipped, others with the sign bit set
  let from = new Uint32Array(n * 2);
  for (let i = 0; i < 2 * n; i += 2) {
    const low = words[i] as number;
    const high = words[i + 1] as number;
    const value = values[i / 2] as number;
    if (Number.isNaN(value)) {
      // every NaN last, whatever its sign bit (the built-in sort's order)
      from[i] = 0xffffffff;
      from[i + 1] = 0xffffffff;
    } else if (high >= 0x80000000) {
      from[i] = ~low >>> 0;
      from[i + 1] = ~high >>> 0;
    } else {
      from[i] = low;
      from[i + 1] = (high | 0x80000000) >>> 0;
    }
  }
  let to = new Uint32Array(n * 2);
  const counts = new Int32Array(1 << 16);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < 2 * n; i += 2) {
      const digit = ((from[i + word] as number) >>> shift) & 0xffff;
      counts[digit] = (counts[digit] as number) + 1;
    }
    let sum = 0;
    for (let digit = 0; digit < counts.length; digit++) {
      const count = counts[digit] as number;
      counts[digit] = sum;
      sum += count;
    }
    for (let i = 0; i < 2 * n; i += 2) {
      const digit = ((from[i + word] as number) >>> shift) & 0xffff;
      const at = (counts[digit] as number) * 2;
      counts[digit] = at / 2 + 1;
      to[at] = from[i] as number;
      to[at + 1] = from[i + 1] as number;
    }
    [from, to] = [to, from];
  }
  for (let i = 0; i < 2 * n; i += 2) {
    const low = from[i] as number;
    const high = from[i + 1] as number;
    if (low === 0xffffffff && high === 0xffffffff) {
      values[i / 2] = Number.NaN;
    } else if (high >= 0x80000000) {
      words[i] = low;
      words[i + 1] = (high & 0x7fffffff) >>> 0;
    } else {
      words[i] = ~low >>> 0;
      words[i + 1] = ~high >>> 0;
    }
  }
}
