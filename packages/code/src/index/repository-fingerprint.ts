import { createHash } from "node:crypto";
import { lstatSync } from "node:fs";
import path from "node:path";
import type { RepositoryListing } from "../walk/list-files.js";
import { INDEX_VERSION } from "./prepare-file.js";

/**
 * A file changed this recently may change again within one tick of the file system's
 * timestamps (1 s on some file systems, 2 s on FAT) without its stat showing it — Git's
 * "racily clean" entries. Such a repository gets no fingerprint and is compared by content.
 */
export const RACY_MS = 3_000;
/** lstat calls between two yields to the event loop. */
const STATS_PER_TURN = 2_000;

export interface RepositoryFingerprint {
  /** SHA-256 of the index version, the listing and every listed path's lstat. */
  digest: string;
  /** Some file changed less than RACY_MS before `now`: the digest must not be trusted later. */
  racy: boolean;
}

/**
 * Fingerprints a repository as listed: its paths and their lstat (type, size, mtime, ctime,
 * inode, in nanoseconds). Any edit changes the ctime at least, and any added, removed or newly
 * ignored file changes the listing, so an equal fingerprint means the index is current for the
 * repository without reading a file. Synchronous lstat (a few µs each) in slices: the
 * promise API costs ~15 µs of main-thread time per call.
 */
export async function fingerprintRepository(
  root: string,
  listing: RepositoryListing,
  now: number,
): Promise<RepositoryFingerprint> {
  const hash = createHash("sha256").update(`${INDEX_VERSION}\0${listing.source}\n`);
  const racyAfterNs = BigInt(Math.floor(now - RACY_MS)) * 1_000_000n;
  let racy = false;
  for (const [i, relative] of listing.paths.entries()) {
    if (i > 0 && i % STATS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const info = lstatSync(path.join(root, relative), { bigint: true, throwIfNoEntry: false });
    if (!info) {
      hash.update(`${relative}\0-\n`);
      continue;
    }
    if (info.mtimeNs > racyAfterNs || info.ctimeNs > racyAfterNs) racy = true;
    hash.update(`${relative}\0${info.mode}\0${info.size}\0${info.mtimeNs}\0${info.ctimeNs}\0${info.ino}\n`);
  }
  return { digest: hash.digest("hex"), racy };
}
