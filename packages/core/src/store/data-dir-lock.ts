import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { UnavailableError } from "../errors.js";
import type { Logger } from "../logger.js";

/** A held lock file; `release()` removes it (idempotent). */
export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes `lockPath` for this process: our pid is written to a private file which is then
 * hard-linked into place, so the lock appears atomically and never empty. A lock whose pid is alive
 * (this process included) is refused with UnavailableError naming `guarded` and the pid; a lock
 * whose pid is dead or unreadable is stale and taken over. Released on close and at process exit.
 */
export function acquireDataDirLock(lockPath: string, guarded: string, logger: Logger): DataDirLock {
  const draft = `${lockPath}.${process.pid}.tmp`;
  try {
    writeFileSync(draft, `${process.pid}\n`);
  } catch (error) {
    throw new UnavailableError(`cannot write the lock file ${lockPath}: ${(error as Error).message}`, {
      cause: error,
      hint: "check that the data dir exists and is writable, or choose another with --data-dir",
    });
  }
  try {
    for (let attempt = 0; ; attempt++) {
      if (tryLink(draft, lockPath, attempt)) return heldLock(lockPath);
      refuseIfHeld(lockPath, guarded, logger);
    }
  } finally {
    removeIfPresent(draft);
  }
}

function tryLink(draft: string, lockPath: string, attempt: number): boolean {
  try {
    linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 2) throw error;
    return false;
  }
}

/** Throws when the lock's pid is alive; removes a stale lock (dead or unreadable pid). */
function refuseIfHeld(lockPath: string, guarded: string, logger: Logger): void {
  const holder = readHolder(lockPath);
  if (holder === null) return; // released meanwhile: try again
  if (holder !== undefined && isAlive(holder)) {
    const who = holder === process.pid ? `this process (pid ${holder})` : `another process (pid ${holder})`;
    throw new UnavailableError(
      `the embedded database ${guarded} is in use by ${who}; lock file ${lockPath}`,
      {
        code: "UPLIFT_DATA_DIR_LOCKED",
        hint: "stop that process (e.g. a running `uplift serve`) or use another --data-dir; several processes need database.url (PostgreSQL). If no such process exists, delete the lock file",
      },
    );
  }
  logger.warn({ lockPath, stalePid: holder }, "taking over a stale data dir lock");
  removeIfPresent(lockPath);
}

function heldLock(path: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    removeIfPresent(path);
  };
  process.once("exit", release);
  return { path, release };
}

/** The pid in the lock file; undefined when it holds no pid, null when the file is gone. */
function readHolder(lockPath: string): number | undefined | null {
  let text: string;
  try {
    text = readFileSync(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
