import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIcbOverview, getNeighbourhood, getPlace, listIcbs, placeMembership } from "../../app/services/geography/areas.server";
import { defineCustomPlaces, useDefaultPlaces } from "../../app/services/geography/custom-places.server";
import { listAuditEntries } from "../../app/services/audit/audit.server";
import { importers } from "../../importers/all";
import { runImport } from "../../importers/shared/run-import";
import { createTestDb, snapshotTables, type TestDatabase } from "../db";

const GM = "E54000057";
const KENT = "E54000032";
const commissioner = { id: 99, email: "kent.commissioner@example.org", role: "commissioner" as const, icbCode: KENT, organisationId: null };

describe("England's ICS geography from the bundled real data", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
  });
  afterAll(async () => database.cleanup());

  it("has the 42 ICBs, found by name, ONS code or ODS code", async () => {
    expect(await listIcbs({ db: database.db })).toHaveLength(42);
    expect((await listIcbs({ db: database.db, search: "greater manch" })).map((i) => i.code)).toEqual([GM]);
    expect((await listIcbs({ db: database.db, search: "qop" })).map((i) => i.code)).toEqual([GM]);
    expect((await listIcbs({ db: database.db, search: "e54000057" })).map((i) => i.name)).toEqual(["NHS Greater Manchester Integrated Care Board"]);
  });

  it("gives Greater Manchester its ten boroughs as places, adding up to the ICB", async () => {
    const gm = (await getIcbOverview({ db: database.db, code: "QOP" }))!;
    expect(gm.icb.code).toBe(GM);
    expect(gm.places.map((p) => p.name)).toEqual(["Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan"]);
    expect(gm.places.reduce((s, p) => s + p.residentPopulation!, 0)).toBe(gm.icb.residentPopulation);
    expect(gm.neighbourhoods).toHaveLength(65);
    // Every neighbourhood's place shares add up to one.
    for (const n of gm.neighbourhoods) expect(n.places.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 9);
    expect(gm.map.shapes).toHaveLength(10);
    expect(gm.map.points.length).toBe(65);
  });

  it("matches the hand check of Trafford and North Trafford PCN against the source files", async () => {
    // Hand-computed from the raw files with awk (see the closing note).
    const trafford = (await getPlace({ db: database.db, code: "E08000009" }))!;
    expect(trafford.place.residentPopulation).toBe(235_044);
    expect(trafford.place.imdScore).toBeCloseTo(14.9825, 4);
    const pcn = (await getNeighbourhood({ db: database.db, code: "U66368" }))!;
    expect(pcn.neighbourhood).toMatchObject({ name: "North Trafford PCN", registeredPopulation: 48_331, registeredAdults: 37_345 });
    expect(pcn.neighbourhood.imdScore).toBeCloseTo(27.1968164, 6);
    expect(pcn.practices.map((p) => p.code).sort()).toEqual(["P91018", "P91020", "P91627", "P91629"]);
    expect(pcn.places).toEqual([{ code: "E08000009", name: "Trafford", share: 1 }]);
  });

  it("gives an authority split between two ICBs one place in each", async () => {
    const rows = await database.rows<{ code: string; icb_code: string }>("select code, icb_code from areas where level = 'place' and code like 'E10000014-%' order by code");
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r.icb_code)).size).toBe(rows.length);
  });

  it("lists the pseudo-PCN U practices and the PCNs spanning two ICBs by rule", async () => {
    const [u] = await database.rows<{ n: number }>("select count(*)::int as n from geography_exceptions where kind = 'unallocated-practice'");
    expect(u.n).toBe(63);
    const spanning = await database.rows<{ code: string }>("select code from geography_exceptions where kind = 'pcn-spanning-icbs' order by code");
    expect(spanning.map((s) => s.code)).toEqual(["U41591", "U62501"]);
    const recoded = await database.rows<{ code: string }>("select code from geography_exceptions where kind = 'recoded-organisation' order by code");
    expect(recoded.map((r) => r.code)).toEqual(["70F", "92A", "QNX", "QXU"]);
  });

  it("lets Kent and Medway define its places from its PCNs, rolls up to them, and records the change", async () => {
    const kent = (await getIcbOverview({ db: database.db, code: KENT }))!;
    expect(kent.scheme).toBe("default");
    const hcpOf = (name: string, defaultPlace: string) =>
      /medway|swale|sittingbourne|sheppey|faversham/i.test(name) || defaultPlace === "Medway"
        ? "Medway and Swale"
        : /dartford|gravesham|swanley|gravesend/i.test(name)
          ? "Dartford, Gravesham and Swanley"
          : /maidstone|tonbridge|tunbridge|sevenoaks|weald|malling|edenbridge|west kent/i.test(name)
            ? "West Kent"
            : "East Kent";
    const assignments = kent.neighbourhoods.map((n) => ({ pcnCode: n.code, placeName: hcpOf(n.name, n.places[0]?.name ?? "") }));
    await defineCustomPlaces({ db: database.db, actor: commissioner, icbCode: KENT, assignments });

    const after = (await getIcbOverview({ db: database.db, code: KENT }))!;
    expect(after.scheme).toBe("custom");
    expect(after.places.map((p) => p.name)).toEqual(["Dartford, Gravesham and Swanley", "East Kent", "Medway and Swale", "West Kent"]);
    const registeredIcb = kent.neighbourhoods.reduce((s, n) => s + n.registeredPopulation!, 0);
    expect(after.places.reduce((s, p) => s + p.registeredPopulation!, 0)).toBe(registeredIcb);
    const membership = await placeMembership({ db: database.db, icbCode: KENT });
    expect(membership.members).toHaveLength(kent.neighbourhoods.length);
    expect(new Set(membership.members.map((m) => m.pcnCode)).size).toBe(kent.neighbourhoods.length);
    const place = (await getPlace({ db: database.db, code: after.places[0].code }))!;
    expect(place.custom).toBe(true);
    expect(place.neighbourhoods.length).toBe(after.places[0].neighbourhoodCount);

    const [entry] = await listAuditEntries({ db: database.db, actor: commissioner, entityType: "icb-places" });
    expect(entry).toMatchObject({ actorEmail: "kent.commissioner@example.org", action: "define-places", icbCode: KENT });

    await useDefaultPlaces({ db: database.db, actor: commissioner, icbCode: KENT });
    expect((await getIcbOverview({ db: database.db, code: KENT }))!.places.map((p) => p.name)).toEqual(["Kent", "Medway"]);
  });

  it("refuses a place definition that leaves a PCN out", async () => {
    const kent = (await getIcbOverview({ db: database.db, code: KENT }))!;
    const before = await snapshotTables(database);
    await expect(
      defineCustomPlaces({ db: database.db, actor: commissioner, icbCode: KENT, assignments: kent.neighbourhoods.slice(1).map((n) => ({ pcnCode: n.code, placeName: "All" })) }),
    ).rejects.toThrow("Enter the place this primary care network belongs to");
    expect(await snapshotTables(database)).toEqual(before);
  });

  it("loads a malformed lookup through the real importer without writing anything", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-geo-"));
    const file = path.join(dir, "lookup.csv");
    fs.writeFileSync(
      file,
      [
        "LSOA21NM,LSOA21CD,SICBL24NM,SICBL24CD,SICBL24CDH,ICB24NM,ICB24CD,ICB24CDH",
        "Bolton 001A,E01004771,NHS Greater Manchester ICB - 00T,E38000016,00T,NHS Greater Manchester Integrated Care Board,E54000057,QOP",
        "Bolton 001B,E0100477X,NHS Greater Manchester ICB - 00T,E38000016,00T,NHS Greater Manchester Integrated Care Board,E54000057,QOP",
        "Bolton 001C,E01004773,NHS Greater Manchester ICB - 00T,E38000016,00T,NHS Greater Manchester Integrated Care Board,E54000057",
      ].join("\n"),
    );
    const before = await snapshotTables(database);
    const summary = await runImport({ database, importer: importers["lsoa-icb"], filePath: file });
    expect(summary.status).toBe("failed");
    expect(summary.errors.map((e) => [e.line, e.column ?? null])).toEqual([
      [3, "LSOA21CD"],
      [4, null],
    ]);
    expect(await snapshotTables(database)).toEqual(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
