/**
 * Publishing freezes a pack: the figures of every section are copied into a snapshot
 * stored with the published version, and from then on the pack is rendered from the
 * snapshot, never from the live data. These functions are pure; the service stores and
 * reads the snapshot.
 */

export const SNAPSHOT_FORMAT = 1;

export type Snapshot<T> = {
  format: typeof SNAPSHOT_FORMAT;
  /** When the figures were taken (ISO timestamp). */
  takenAt: string;
  sections: T[];
};

/**
 * A deep, plain copy of the sections' data (JSON round trip): what the database will
 * hold, so that nothing the caller changes later reaches the frozen figures, and so a
 * value that JSON cannot hold fails here rather than silently in storage.
 */
export function freezeSnapshot<T>(sections: readonly T[], takenAt: Date): Snapshot<T> {
  const copy = JSON.parse(JSON.stringify(sections)) as T[];
  if (copy.length !== sections.length) throw new Error("freezeSnapshot: the sections did not survive being copied");
  return { format: SNAPSHOT_FORMAT, takenAt: takenAt.toISOString(), sections: copy };
}

/** Reads a stored snapshot, refusing one of another format rather than rendering it wrongly. */
export function readSnapshot<T>(stored: unknown): Snapshot<T> | null {
  if (stored === null || stored === undefined) return null;
  const s = stored as Partial<Snapshot<T>>;
  if (s.format !== SNAPSHOT_FORMAT || !Array.isArray(s.sections) || typeof s.takenAt !== "string") throw new Error("The stored figures of this pack are in a format this version cannot read.");
  return s as Snapshot<T>;
}

/**
 * Which figures a pack shows: the snapshot when the version is published, otherwise the
 * live figures (loaded only when needed, so a published pack never touches live data).
 */
export async function figuresFor<T>(stored: unknown, live: () => Promise<T[]>): Promise<{ frozen: boolean; takenAt: string | null; sections: T[] }> {
  const snapshot = readSnapshot<T>(stored);
  if (snapshot) return { frozen: true, takenAt: snapshot.takenAt, sections: snapshot.sections };
  return { frozen: false, takenAt: null, sections: await live() };
}
