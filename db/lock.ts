import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own: a second process that opens the same data
 * directory starts without error and its writes are silently lost (stack.md,
 * gotcha 6). So every process that opens an embedded database takes this lock
 * first, and refuses with a clear message when a live process holds it.
 */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by another process ` +
        `(pid ${holder.pid}, ${holder.purpose}, since ${holder.since}). ` +
        `Only one process may open it at a time: stop that process first, ` +
        `or point both at a PostgreSQL server with DATABASE_URL.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export type LockInfo = { pid: number; purpose: string; since: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A killed process whose parent has not reaped it (common in containers, where
    // PID 1 is often not an init that reaps orphans) still answers signal 0: a zombie
    // holds no files, so it holds no lock.
    return !isZombie(pid);
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; comm may contain spaces and parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false; // no /proc (macOS) or no such process: signal 0 already answered
  }
}

export function lockPathFor(dataDir: string) {
  return path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPathFor(dataDir), "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DatabaseLockedError. Returns a release function. */
export function acquireLock(dataDir: string, purpose: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const info: LockInfo = { pid: process.pid, purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' fails if the file exists, so two processes cannot both create it.
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(dataDir);
        if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(dataDir);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DatabaseLockedError(dataDir, holder);
      }
      // A lock left by a process that died (killed server): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
