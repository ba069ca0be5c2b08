/**
 * Times read in PostgreSQL's binary form (`timestamptz_send`: µs since 2000-01-01 as a big-endian
 * int64), for the packed loads: no `date_part` per value on the server.
 */

/** A NULL time: below the smallest valid timestamp, so no stored value reads as it. */
export const NULL_TIME_SQL = String.raw`'\x8000000000000001'::bytea`;
/** PostgreSQL's timestamp epoch (2000-01-01) in µs after the Unix epoch. */
const PG_EPOCH_US = 946_684_800_000_000;
const PG_EPOCH_US_BIG = 946_684_800_000_000n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Epoch ms of a `timestamptz_send` value (µs since 2000-01-01), equal to the bit to PostgreSQL's
 * `date_part('epoch', t) * 1000`, which divides the µs since 1970 (as a double) by 1e6, then
 * multiplies by 1000 (checked on PGlite's PostgreSQL 18 and PostgreSQL 15, store/packed-columns.test.ts);
 * NaN for NULL, ±Infinity for ±infinity.
 */
export function timeMs(view: DataView, at: number): number {
  const high = view.getInt32(at);
  const low = view.getUint32(at + 4);
  // within ±2^52 µs of 2000 (years 1857–2142) the sum below is exact; elsewhere exact in BigInt
  if (high > -(1 << 20) && high < 1 << 20) return ((high * 4294967296 + low + PG_EPOCH_US) / 1e6) * 1000;
  const us = view.getBigInt64(at);
  if (us === INT64_MIN + 1n) return Number.NaN;
  if (us === INT64_MIN) return Number.NEGATIVE_INFINITY;
  if (us === INT64_MAX) return Number.POSITIVE_INFINITY;
  return (Number(us + PG_EPOCH_US_BIG) / 1e6) * 1000;
}
