/**
 * Strategy evidence packs: create, save versions, publish (freezing the figures),
 * share, and read a pack's content for the page, the PDF and the spreadsheet annex.
 * Every function checks the actor against the pack's ICB (app/auth/pack-access.ts).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../../db/client";
import { areas, customPlaces, hjpEpisodes, hjpServices, indicators, indicatorValues, organisations, packs, packVersions } from "../../../db/schema/index";
import { canEditPack, canReadPack } from "../../auth/pack-access";
import { type Actor, hasPermission } from "../../auth/permissions";
import { type NarrativeBlock, parseNarrative } from "../../domain/packs/narrative";
import { orderSections, type PackSection, PackSectionSchema, SECTIONS, validateSectionOptions } from "../../domain/packs/sections";
import { figuresFor, freezeSnapshot } from "../../domain/packs/snapshot";
import { profileSection } from "../../domain/charts/breakdowns";
import { recordAudit } from "../audit/audit.server";
import { listScenarios } from "../demand/scenarios.server";
import { financialYears } from "../hjp/dashboard.server";
import { footprintAreas } from "../indicators/query.server";
import { SECTION_LOADERS } from "./section-loaders.server";
import type { PackArea, SectionData } from "./section-types";

export type PackActor = Actor & { email: string; name: string };

export class PackError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = "PackError";
  }
}

const notFound = () => new PackError(404, "There is no pack with this number that you can see.");

export type PackSummary = {
  id: number;
  title: string;
  status: "draft" | "published";
  area: PackArea;
  updatedAt: string;
  publishedAt: string | null;
  versions: number;
};

export type PackDetail = PackSummary & {
  sharedWith: { id: number; name: string }[];
  version: { number: number; authorName: string; createdAt: string; sections: PackSection[]; publishedAt: string | null };
  history: { number: number; authorName: string; createdAt: string; publishedAt: string | null }[];
  canEdit: boolean;
};

type PackRow = typeof packs.$inferSelect;

async function areaNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const named = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, unique));
  const out = new Map(named.map((a) => [a.code, a.name]));
  // An ICB's own places are not in areas: their names come with the ICB's place list.
  const missing = unique.filter((c) => !out.has(c));
  if (missing.length) {
    const custom = await db.select({ code: customPlaces.code, name: customPlaces.name }).from(customPlaces).where(inArray(customPlaces.code, missing));
    for (const r of custom) out.set(r.code, r.name);
  }
  return out;
}

function packArea(pack: Pick<PackRow, "icbCode" | "placeCode">, names: Map<string, string>): PackArea {
  const icbName = names.get(pack.icbCode) ?? pack.icbCode;
  return pack.placeCode
    ? { level: "place", code: pack.placeCode, name: names.get(pack.placeCode) ?? pack.placeCode, icbCode: pack.icbCode, icbName }
    : { level: "icb", code: pack.icbCode, name: icbName, icbCode: pack.icbCode, icbName };
}

/** The packs this actor may read, newest first. */
export async function listPacks({ db, actor }: { db: Queryable; actor: Actor }): Promise<PackSummary[]> {
  const scope =
    actor.role === "admin"
      ? undefined
      : actor.role === "vcse"
        ? and(eq(packs.status, "published"), sql`${actor.organisationId ?? -1} = any(${packs.sharedWithOrganisationIds})`)
        : eq(packs.icbCode, actor.icbCode ?? "");
  const rows = await db
    .select({ pack: packs, versions: sql<number>`(select count(*)::int from pack_versions v where v.pack_id = ${packs.id})` })
    .from(packs)
    .where(scope)
    .orderBy(desc(packs.updatedAt), desc(packs.id));
  const visible = rows.filter((r) => canReadPack(actor, r.pack));
  const names = await areaNames(db, visible.flatMap((r) => [r.pack.icbCode, ...(r.pack.placeCode ? [r.pack.placeCode] : [])]));
  return visible.map(({ pack, versions }) => ({
    id: pack.id,
    title: pack.title,
    status: pack.status,
    area: packArea(pack, names),
    updatedAt: pack.updatedAt.toISOString(),
    publishedAt: pack.publishedAt?.toISOString() ?? null,
    versions: Number(versions),
  }));
}

export type AreaChoice = { value: string; label: string; icbCode: string };

/** The areas this actor may make a pack for: their ICB (all ICBs for an administrator) and its places. */
export async function listPackAreas({ db, actor }: { db: Queryable; actor: Actor }): Promise<{ icbName: string; choices: AreaChoice[] }[]> {
  if (!hasPermission(actor, "create:pack:own") && !hasPermission(actor, "create:pack:any")) return [];
  const icbs = await db
    .select({ code: areas.code, name: areas.name })
    .from(areas)
    .where(and(eq(areas.level, "icb"), actor.role === "admin" ? undefined : eq(areas.code, actor.icbCode ?? "")))
    .orderBy(asc(areas.name));
  return Promise.all(
    icbs.map(async (icb) => {
      const { targets } = await footprintAreas({ db, level: "place", parent: icb.code });
      return {
        icbName: icb.name,
        choices: [
          { value: `icb:${icb.code}`, label: `${icb.name} (whole system)`, icbCode: icb.code },
          ...targets.map((t) => ({ value: `place:${t.code}`, label: `${t.name} (place)`, icbCode: icb.code })),
        ],
      };
    }),
  );
}

/** Creates a pack (and its first, empty version) for an ICB or one of its places. */
export async function createPack({ db, actor, input }: { db: Db; actor: PackActor; input: { title: string; area: string } }): Promise<number> {
  const groups = await listPackAreas({ db, actor });
  const choice = groups.flatMap((g) => g.choices).find((c) => c.value === input.area);
  if (!choice) throw new PackError(400, "Choose an area from the list");
  const [level, code] = choice.value.split(":") as ["icb" | "place", string];
  if (!canEditPack(actor, { icbCode: choice.icbCode })) throw new PackError(403, "You cannot make packs for this ICB.");
  return db.transaction(async (tx) => {
    const [pack] = await tx
      .insert(packs)
      .values({ icbCode: choice.icbCode, placeCode: level === "place" ? code : null, title: input.title, createdBy: actor.id || null })
      .returning({ id: packs.id });
    await tx.insert(packVersions).values({ packId: pack.id, version: 1, authorId: actor.id || null, authorName: actor.name, sections: [] });
    await recordAudit(tx, actor, { action: "pack.create", entityType: "pack", entityId: pack.id, icbCode: choice.icbCode, after: { title: input.title, area: input.area }, summary: `Created the pack "${input.title}"` });
    return pack.id;
  });
}

async function readablePack(db: Queryable, actor: Actor, id: number): Promise<PackRow> {
  const [pack] = await db.select().from(packs).where(eq(packs.id, id));
  if (!pack || !canReadPack(actor, pack)) throw notFound();
  return pack;
}

async function editablePack(db: Queryable, actor: Actor, id: number): Promise<PackRow> {
  const pack = await readablePack(db, actor, id);
  if (!canEditPack(actor, pack)) throw new PackError(403, "You can read this pack but not change it.");
  if (pack.status === "published") throw new PackError(409, "This pack is published: its figures and text are frozen and cannot be changed.");
  return pack;
}

function toSections(stored: unknown): PackSection[] {
  const parsed = PackSectionSchema.array().safeParse(stored);
  return parsed.success ? orderSections(parsed.data) : [];
}

/** A pack with its latest version (the published one, once published) and its history. */
export async function getPack({ db, actor, id }: { db: Queryable; actor: Actor; id: number }): Promise<PackDetail> {
  const pack = await readablePack(db, actor, id);
  const versions = await db.select().from(packVersions).where(eq(packVersions.packId, id)).orderBy(desc(packVersions.version));
  const current = versions.find((v) => v.publishedAt) ?? versions[0];
  if (!current) throw notFound();
  const names = await areaNames(db, [pack.icbCode, ...(pack.placeCode ? [pack.placeCode] : [])]);
  const shared = pack.sharedWithOrganisationIds.length
    ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, pack.sharedWithOrganisationIds)).orderBy(asc(organisations.name))
    : [];
  return {
    id: pack.id,
    title: pack.title,
    status: pack.status,
    area: packArea(pack, names),
    updatedAt: pack.updatedAt.toISOString(),
    publishedAt: pack.publishedAt?.toISOString() ?? null,
    versions: versions.length,
    sharedWith: shared,
    version: { number: current.version, authorName: current.authorName, createdAt: current.createdAt.toISOString(), sections: toSections(current.sections), publishedAt: current.publishedAt?.toISOString() ?? null },
    history: versions.map((v) => ({ number: v.version, authorName: v.authorName, createdAt: v.createdAt.toISOString(), publishedAt: v.publishedAt?.toISOString() ?? null })),
    canEdit: canEditPack(actor, pack) && pack.status === "draft",
  };
}

/** Saves the title and sections as a new version of a draft pack; returns the version number. */
export async function savePackVersion({ db, actor, id, input }: { db: Db; actor: PackActor; id: number; input: { title: string; sections: PackSection[] } }): Promise<number> {
  const sections = orderSections(input.sections).map((s) => {
    const checked = validateSectionOptions(s.kind, s.options);
    if (!checked.ok) throw new PackError(400, `${SECTIONS[s.kind].title}: ${checked.problems.map((p) => p.message).join("; ")}`);
    return { ...s, options: checked.options };
  });
  return db.transaction(async (tx) => {
    const pack = await editablePack(tx, actor, id);
    const [last] = await tx.select({ version: sql<number>`coalesce(max(${packVersions.version}), 0)::int` }).from(packVersions).where(eq(packVersions.packId, id));
    const version = Number(last?.version ?? 0) + 1;
    await tx.insert(packVersions).values({ packId: id, version, authorId: actor.id || null, authorName: actor.name, sections });
    await tx.update(packs).set({ title: input.title, updatedAt: new Date() }).where(eq(packs.id, id));
    await recordAudit(tx, actor, { action: "pack.save", entityType: "pack", entityId: id, icbCode: pack.icbCode, after: { version, title: input.title, sections: sections.map((s) => s.kind) }, summary: `Saved version ${version} of the pack "${input.title}"` });
    return version;
  });
}

/** Loads every section's live figures for a version. */
async function loadSections(db: Queryable, area: PackArea, sections: PackSection[], today: string): Promise<SectionData[]> {
  const cache = new Map<string, Promise<unknown>>();
  const out: SectionData[] = [];
  // One at a time: the sections share cached dashboards, and PGlite runs one query at a time anyway.
  for (const s of sections) out.push(await SECTION_LOADERS[s.kind](db, { area, options: s.options, today, cache }));
  return out;
}

/**
 * Publishes the latest version: its figures are loaded once more and stored with it,
 * and from then on the pack shows those stored figures.
 */
export async function publishPack({ db, actor, id, now = new Date() }: { db: Db; actor: PackActor; id: number; now?: Date }): Promise<void> {
  const pack = await editablePack(db, actor, id);
  const [latest] = await db.select().from(packVersions).where(eq(packVersions.packId, id)).orderBy(desc(packVersions.version)).limit(1);
  const sections = toSections(latest?.sections);
  if (!latest || !sections.length) throw new PackError(400, "Add at least one section and save the pack before publishing it.");
  const names = await areaNames(db, [pack.icbCode, ...(pack.placeCode ? [pack.placeCode] : [])]);
  const data = await loadSections(db, packArea(pack, names), sections, now.toISOString().slice(0, 10));
  const snapshot = freezeSnapshot(data, now);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(packs)
      .set({ status: "published", publishedAt: now, updatedAt: now })
      .where(and(eq(packs.id, id), eq(packs.status, "draft")))
      .returning({ id: packs.id });
    if (!updated.length) throw new PackError(409, "This pack has been published already.");
    await tx.update(packVersions).set({ snapshot, publishedAt: now }).where(eq(packVersions.id, latest.id));
    await recordAudit(tx, actor, { action: "pack.publish", entityType: "pack", entityId: id, icbCode: pack.icbCode, after: { version: latest.version }, summary: `Published version ${latest.version} of the pack "${pack.title}"` });
  });
}

/** VCSE organisations a published pack may be shared with. */
export async function listShareableOrganisations({ db }: { db: Queryable }): Promise<{ id: number; name: string }[]> {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.kind, "vcse"), eq(organisations.active, true))).orderBy(asc(organisations.name));
}

/** Shares a published pack with VCSE organisations (replacing the list). */
export async function sharePack({ db, actor, id, organisationIds }: { db: Db; actor: PackActor; id: number; organisationIds: number[] }): Promise<void> {
  const pack = await readablePack(db, actor, id);
  if (!canEditPack(actor, pack)) throw new PackError(403, "You can read this pack but not share it.");
  if (pack.status !== "published") throw new PackError(409, "Publish the pack before sharing it.");
  const allowed = new Set((await listShareableOrganisations({ db })).map((o) => o.id));
  const unique = [...new Set(organisationIds)];
  if (unique.some((o) => !allowed.has(o))) throw new PackError(400, "Choose VCSE organisations from the list");
  await db.transaction(async (tx) => {
    await tx.update(packs).set({ sharedWithOrganisationIds: unique, updatedAt: new Date() }).where(eq(packs.id, id));
    await recordAudit(tx, actor, { action: "pack.share", entityType: "pack", entityId: id, icbCode: pack.icbCode, before: { sharedWith: pack.sharedWithOrganisationIds }, after: { sharedWith: unique }, summary: `Shared the pack "${pack.title}"` });
  });
}

export type PackContentSection = { spec: PackSection; data: SectionData; narrative: NarrativeBlock[] };

export type PackContent = {
  pack: PackDetail;
  sections: PackContentSection[];
  frozen: boolean;
  /** When the figures were taken: publication for a published pack, now for a draft. */
  figuresAt: string;
  /** Every section's data vintage, once each. */
  vintage: string[];
  synthetic: boolean;
};

/** What a pack shows: frozen figures once published, live figures while a draft. */
export async function getPackContent({ db, actor, id, now = new Date() }: { db: Queryable; actor: Actor; id: number; now?: Date }): Promise<PackContent> {
  const pack = await getPack({ db, actor, id });
  const [version] = await db
    .select({ snapshot: packVersions.snapshot })
    .from(packVersions)
    .where(and(eq(packVersions.packId, id), eq(packVersions.version, pack.version.number)));
  const figures = await figuresFor<SectionData>(version?.snapshot ?? null, () => loadSections(db, pack.area, pack.version.sections, now.toISOString().slice(0, 10)));
  const sections = pack.version.sections.map((spec, i) => ({ spec, data: figures.sections[i], narrative: parseNarrative(spec.narrative) })).filter((s) => s.data);
  return {
    pack,
    sections,
    frozen: figures.frozen,
    figuresAt: figures.takenAt ?? now.toISOString(),
    vintage: [...new Set(sections.map((s) => s.data.vintage).filter((v): v is string => Boolean(v)))],
    synthetic: sections.some((s) => s.data.synthetic),
  };
}

export type PackEditor = {
  pack: PackDetail;
  indicators: { id: string; name: string; section: string }[];
  periods: string[];
  years: string[];
  /** The ICB's saved demand scenarios, for the demand section. */
  scenarios: { id: number; name: string }[];
};

/** What the edit form offers: the indicators, the periods the area has figures for, the financial years of HJP data and the ICB's demand scenarios. */
export async function getPackEditor({ db, actor, id }: { db: Queryable; actor: Actor; id: number }): Promise<PackEditor> {
  const pack = await getPack({ db, actor, id });
  if (!pack.canEdit) throw new PackError(pack.status === "published" ? 409 : 403, pack.status === "published" ? "This pack is published: its figures and text are frozen and cannot be changed." : "You can read this pack but not change it.");
  const [metas, periods, range, scenarios] = await Promise.all([
    db.select({ id: indicators.id, name: indicators.name, valueType: indicators.valueType, source: indicators.source }).from(indicators).orderBy(asc(indicators.name)),
    db
      .selectDistinct({ period: indicatorValues.period, start: indicatorValues.periodStart })
      .from(indicatorValues)
      .where(inArray(indicatorValues.areaCode, [pack.area.code, pack.area.icbCode]))
      .orderBy(desc(indicatorValues.periodStart)),
    db
      .select({ first: sql<string | null>`min(${hjpEpisodes.referralDate})::text`, last: sql<string | null>`max(${hjpEpisodes.referralDate})::text` })
      .from(hjpEpisodes)
      .innerJoin(hjpServices, eq(hjpServices.id, hjpEpisodes.serviceId))
      .where(eq(hjpServices.icbCode, pack.area.icbCode)),
    listScenarios({ db, actor, icbCode: pack.area.icbCode }),
  ]);
  return {
    pack,
    indicators: metas.map((m) => ({ id: m.id, name: m.name, section: profileSection(m) })),
    periods: [...new Set(periods.map((p) => p.period))],
    years: financialYears(range[0]?.first ?? null, range[0]?.last ?? null),
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name })),
  };
}

/** A pack error as the HTTP response a route throws. */
export function packErrorResponse(error: unknown): never {
  if (error instanceof PackError) throw new Response(error.message, { status: error.status });
  throw error;
}
