/**
 * What every pack section loader shares: its context, its signature and the empty
 * section it starts from. A module of its own so the loaders in other files and the
 * registry (section-loaders.server.ts) import it without importing each other.
 */
import type { Queryable } from "../../../db/client";
import { type SectionKind, SECTIONS } from "../../domain/packs/sections";
import type { PackArea, SectionData } from "./section-types";

export type SectionContext = {
  area: PackArea;
  options: Record<string, unknown>;
  /** The date the figures are for (HJP reach windows and funding cliffs count from it). */
  today: string;
  /** Shared by the sections of one pack, so two sections reading one dashboard read it once. */
  cache: Map<string, Promise<unknown>>;
};

export type SectionLoader = (db: Queryable, ctx: SectionContext) => Promise<SectionData>;

const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export const longDate = (iso: string | null | undefined) => (iso ? LONG_DATE.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "–");

export function base(kind: SectionKind, area: PackArea): SectionData {
  return {
    kind,
    title: SECTIONS[kind].title,
    status: "ready",
    message: null,
    area: { code: area.code, name: area.name },
    keyFigures: [],
    charts: [],
    tables: [],
    sources: [],
    periods: [],
    caveats: [],
    synthetic: null,
    vintage: null,
  };
}
