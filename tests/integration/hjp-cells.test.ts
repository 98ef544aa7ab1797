/**
 * The roll-up cells give the same figures as the episodes they summarise, for every
 * dimension, scope, footprint and period a page asks for, on the synthetic demo (three
 * ICBs, 14 services, accepted form returns among the returns); and they follow every
 * change to what they were built from, without anyone telling them.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDataset } from "../../app/domain/hjp/datasets";
import { defineCustomPlaces, useDefaultPlaces } from "../../app/services/geography/custom-places.server";
import { placeMembership } from "../../app/services/geography/areas.server";
import { ensureHjpCells } from "../../app/services/hjp/cells.server";
import { reachWindow } from "../../app/services/hjp/dashboard.server";
import { cellsCanAnswer, DIMENSIONS, type FootprintFilter, type HjpScope, rollUpHjpBy, type RollupRow } from "../../app/services/hjp/rollups.server";
import { DEMO_ORGANISATION, GREATER_MANCHESTER_ICB, seedDemoAccounts } from "../../db/seed/demo-accounts";
import { DEMO_HJP_ICBS, ensureDemoHjp } from "../../db/seed/demo-hjp";
import { ensureDemoReturns } from "../../db/seed/demo-returns";
import { chooseSource, rollUpValueForMoneyBy, spendByFunder, VFM_DIMENSIONS } from "../../app/services/value-for-money/rollups.server";
import { vfmPeriods } from "../../app/services/value-for-money/view.server";
import { createTestDb, type TestDatabase } from "../db";
import { datasetCsv, example, importFile, tempDir } from "../fixtures/hjp-setup";

const TODAY = "2026-10-01";

async function rows<T>(database: TestDatabase, text: string): Promise<T[]> {
  return database.rows<T>(text);
}

/** Both paths' rows for one question, with the means compared to 1 part in 10⁹ (they come from Σx and Σx² in the cells). */
function expectSameFigures(fromCells: Map<string, RollupRow[]>, fromEpisodes: Map<string, RollupRow[]>, label: string) {
  expect([...fromCells.keys()], label).toEqual([...fromEpisodes.keys()]);
  for (const [dimension, expected] of fromEpisodes) {
    const actual = fromCells.get(dimension)!;
    const where = `${label}, by ${dimension}`;
    expect(
      actual.map((r) => r.key),
      where
    ).toEqual(expected.map((r) => r.key));
    actual.forEach((r, i) => {
      const e = expected[i];
      const { wellbeingMeanChange: m1, wellbeingSdChange: s1, ...counts1 } = r;
      const { wellbeingMeanChange: m2, wellbeingSdChange: s2, ...counts2 } = e;
      expect(counts1, `${where} = ${r.key}`).toEqual(counts2);
      for (const [a, b] of [
        [m1, m2],
        [s1, s2],
      ]) {
        if (b === null) expect(a, `${where} = ${r.key}`).toBeNull();
        else expect(Math.abs(a! - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${where} = ${r.key}: ${a} against ${b}`).toBe(true);
      }
    });
  }
}

describe("HJP roll-up cells", () => {
  let database: TestDatabase;
  let demoOrganisationId: number;
  let serviceId: number;

  beforeAll(async () => {
    database = await createTestDb({ withReferenceData: true });
    await seedDemoAccounts(database.db);
    await ensureDemoHjp(database, { today: TODAY });
    await ensureDemoReturns(database, { today: TODAY });
    // The demo's one form return waits for review; accept it, so its period counts from
    // the form and its episodes must be left out of both paths.
    await database.db.execute(sql`update return_versions set review = 'accepted' where source = 'form'`);
    const [org] = await rows<{ id: number }>(database, `select id from organisations where name = '${DEMO_ORGANISATION.replace(/'/g, "''")}'`);
    demoOrganisationId = Number(org.id);
    const [service] = await rows<{ id: number }>(database, `select id from hjp_services where organisation_id = ${demoOrganisationId} order by id limit 1`);
    serviceId = Number(service.id);
  }, 900_000);
  afterAll(async () => {
    await database?.cleanup();
  });

  it("answers only questions whose dates fall on quarter boundaries, the finest time the cells keep", () => {
    const cases: [Parameters<typeof cellsCanAnswer>[0], boolean][] = [
      [{}, true],
      [{ from: "2025-04-01", to: "2026-03-31" }, true],
      [{ from: "2025-07-01", to: "2025-09-30" }, true],
      [{ from: "2025-10-01", to: "2025-12-31", recent: { from: "2025-01-01", to: "2025-12-31" } }, true],
      [{ from: "2025-04-02" }, false],
      [{ to: "2026-03-30" }, false],
      [{ to: "2026-04-01" }, false],
      [{ recent: { from: "2025-01-01", to: "2025-11-30" } }, false],
      [{ recent: { from: "2025-02-01", to: "2025-12-31" } }, false],
    ];
    for (const [query, expected] of cases) expect(cellsCanAnswer(query), JSON.stringify(query)).toBe(expected);
  });

  it("gives the same figures as the episodes for every dimension, at every footprint and scope, for all years, one year and the reach window", async () => {
    const reach = reachWindow(TODAY);
    const ranges = [{}, { from: "2025-04-01", to: "2026-03-31" }, { from: "2024-04-01", to: "2024-06-30" }];
    let questions = 0;
    for (const icb of DEMO_HJP_ICBS) {
      const { members } = await placeMembership({ db: database.db, icbCode: icb.code });
      const places = [...new Set(members.map((m) => m.placeCode))].sort();
      const neighbourhoods = [...new Set(members.map((m) => m.pcnCode))].sort();
      const footprints: FootprintFilter[] = [
        { level: "icb" },
        ...places.slice(0, 3).map((code) => ({ level: "place" as const, code })),
        ...neighbourhoods.slice(0, 3).map((code) => ({ level: "neighbourhood" as const, code })),
      ];
      const scopes: HjpScope[] = [{ icbCode: icb.code }];
      if (icb.code === GREATER_MANCHESTER_ICB) scopes.push({ icbCode: icb.code, organisationId: demoOrganisationId }, { icbCode: icb.code, serviceId });
      for (const scope of scopes)
        for (const footprint of footprints)
          for (const range of ranges) {
            const query = { db: database.db, scope, footprint, recent: reach, by: DIMENSIONS, ...range };
            const label = `${JSON.stringify(scope)} ${JSON.stringify(footprint)} ${JSON.stringify(range)}`;
            expect(cellsCanAnswer(query), label).toBe(true);
            expectSameFigures(await rollUpHjpBy({ ...query, source: "cells" }), await rollUpHjpBy({ ...query, source: "episodes" }), label);
            questions++;
          }
    }
    // Not vacuous: the demo has activity in every ICB, and form returns that replace periods.
    expect(questions).toBeGreaterThan(60);
    const [covered] = await rows<{ n: number }>(
      database,
      `select count(*)::int as n from hjp_episodes e join returns r on r.service_id = e.service_id and e.period_start between r.period_start and r.period_end
        join return_versions v on v.return_id = r.id where v.source = 'form' and v.review = 'accepted'`
    );
    expect(Number(covered.n)).toBeGreaterThan(0);
    const [system] = (await rollUpHjpBy({ db: database.db, scope: { icbCode: GREATER_MANCHESTER_ICB }, by: ["system"] })).get("system")!;
    expect(system.referrals).toBeGreaterThan(1000);
  }, 600_000);

  it("gives the value-for-money views the same figures as the episodes, for every dimension, footprint and year", async () => {
    const years = ["2023-24", "2024-25", "2025-26", "2026-27"];
    const periods = vfmPeriods(years, TODAY);
    let compared = 0;
    for (const icb of DEMO_HJP_ICBS) {
      const scope = { icbCode: icb.code };
      // Not vacuous: the current year runs to today, after the last referral, so the cells answer.
      expect(await chooseSource(database.db, scope, periods, "cells")).toBe("cells");
      const { members } = await placeMembership({ db: database.db, icbCode: icb.code });
      const footprints: FootprintFilter[] = [
        { level: "icb" },
        { level: "place", code: members[0].placeCode },
        { level: "neighbourhood", code: members[members.length - 1].pcnCode },
      ];
      for (const footprint of footprints) {
        const query = { db: database.db, scope, periods, footprint, by: VFM_DIMENSIONS };
        const cells = await rollUpValueForMoneyBy({ ...query, source: "cells" });
        const episodes = await rollUpValueForMoneyBy({ ...query, source: "episodes" });
        for (const dimension of VFM_DIMENSIONS) {
          const label = `${icb.code} ${JSON.stringify(footprint)} by ${dimension}`;
          const a = cells.get(dimension)!;
          const b = episodes.get(dimension)!;
          expect(a.map((r) => `${r.key} ${r.period}`), label).toEqual(b.map((r) => `${r.key} ${r.period}`));
          a.forEach((r, i) => {
            const { spendPence: p1, wellbeingMeanChange: m1, wellbeingSdChange: s1, ...rest1 } = r;
            const { spendPence: p2, wellbeingMeanChange: m2, wellbeingSdChange: s2, ...rest2 } = b[i];
            expect(rest1, `${label} = ${r.key} in ${r.period}`).toEqual(rest2);
            for (const [x, y] of [[p1, p2], [m1, m2], [s1, s2]] as [number | null, number | null][]) {
              if (y === null) expect(x, label).toBeNull();
              else expect(Math.abs(x! - y) <= 1e-9 * Math.max(1, Math.abs(y)), `${label} = ${r.key} in ${r.period}: ${x} against ${y}`).toBe(true);
            }
          });
          compared += a.length;
        }
      }
      const spendCells = await spendByFunder({ db: database.db, scope, periods, source: "cells" });
      const spendEpisodes = await spendByFunder({ db: database.db, scope, periods, source: "episodes" });
      expect(spendCells.map(({ pence, ...rest }) => rest)).toEqual(spendEpisodes.map(({ pence, ...rest }) => rest));
      // Shares of an organisation's award are divided in floating point: the same to the last few bits.
      spendCells.forEach((r, i) => expect(Math.abs(r.pence - spendEpisodes[i].pence) <= 1e-9 * Math.max(1, spendEpisodes[i].pence), `${r.funderName} ${r.period}`).toBe(true));
    }
    expect(compared).toBeGreaterThan(200);
  }, 600_000);

  it("builds once and then reads, until something it was built from changes", async () => {
    await ensureHjpCells(database.db, GREATER_MANCHESTER_ICB);
    expect(await ensureHjpCells(database.db, GREATER_MANCHESTER_ICB)).toBeNull();
    const [build] = await rows<{ episodes: number; cells: number }>(database, `select episodes, cells from hjp_rollup_builds where icb_code = '${GREATER_MANCHESTER_ICB}'`);
    const [episodes] = await rows<{ n: number }>(
      database,
      `select count(*)::int as n from hjp_episodes e join hjp_services s on s.id = e.service_id where s.icb_code = '${GREATER_MANCHESTER_ICB}'`
    );
    expect(Number(build.episodes)).toBe(Number(episodes.n));
    expect(Number(build.cells)).toBeLessThan(Number(build.episodes) * 6);
  });

  it("picks up a new upload of episodes on the next read", async () => {
    const scope = { icbCode: GREATER_MANCHESTER_ICB, serviceId };
    const before = (await rollUpHjpBy({ db: database.db, scope, by: ["system"] })).get("system")![0];
    const [service] = await rows<{ service_ref: string; giving360_id: string }>(
      database,
      `select s.service_ref, o.giving360_id from hjp_services s join organisations o on o.id = s.organisation_id where s.id = ${serviceId}`
    );
    const files = tempDir();
    try {
      const added = [1, 2, 3].map((i) =>
        example(activityDataset, {
          provider_org_id: service.giving360_id,
          service_ref: service.service_ref,
          episode_ref: `CELLS-TEST-${i}`,
          reporting_period: "2026-27 Q1",
          referral_date: "2026-05-1" + i,
          first_contact_date: "2026-05-2" + i,
          closed_date: "2026-06-2" + i,
        })
      );
      expect((await importFile(database, "hjp-activity", files.write("more.csv", datasetCsv(activityDataset, added)))).errors).toEqual([]);
    } finally {
      files.remove();
    }
    const after = (await rollUpHjpBy({ db: database.db, scope, by: ["system"] })).get("system")![0];
    // A quarter's file replaces what the service sent for that quarter before, so the
    // figures change; the episodes say by how much.
    expect(after.referrals).not.toBe(before.referrals);
    expectSameFigures(
      await rollUpHjpBy({ db: database.db, scope, by: DIMENSIONS, source: "cells" }),
      await rollUpHjpBy({ db: database.db, scope, by: DIMENSIONS, source: "episodes" }),
      "after the upload"
    );
  }, 120_000);

  it("follows a change of place scheme, and a change back, on the next read", async () => {
    const { members } = await placeMembership({ db: database.db, icbCode: GREATER_MANCHESTER_ICB });
    const pcns = [...new Set(members.map((m) => m.pcnCode))].sort();
    const half = Math.ceil(pcns.length / 2);
    // Another ICB's cells do not depend on Greater Manchester's places.
    const other = DEMO_HJP_ICBS.map((i) => i.code).find((c) => c !== GREATER_MANCHESTER_ICB)!;
    await ensureHjpCells(database.db, other);
    await defineCustomPlaces({
      db: database.db,
      actor: null,
      icbCode: GREATER_MANCHESTER_ICB,
      assignments: pcns.map((pcnCode, i) => ({ pcnCode, placeName: i < half ? "North (test)" : "South (test)" })),
    });
    const customCodes = [...new Set((await placeMembership({ db: database.db, icbCode: GREATER_MANCHESTER_ICB })).members.map((m) => m.placeCode))].sort();
    expect(customCodes).toHaveLength(2);
    expect(await ensureHjpCells(database.db, other)).toBeNull();
    const scope = { icbCode: GREATER_MANCHESTER_ICB };
    const custom = (await rollUpHjpBy({ db: database.db, scope, by: ["place"] })).get("place")!;
    expect(custom.map((r) => r.key).filter((k) => customCodes.includes(k))).toEqual(customCodes);
    expectSameFigures(
      await rollUpHjpBy({ db: database.db, scope, by: DIMENSIONS, footprint: { level: "place", code: customCodes[0] }, source: "cells" }),
      await rollUpHjpBy({ db: database.db, scope, by: DIMENSIONS, footprint: { level: "place", code: customCodes[0] }, source: "episodes" }),
      "under custom places"
    );
    await useDefaultPlaces({ db: database.db, actor: null, icbCode: GREATER_MANCHESTER_ICB });
    expect(await ensureHjpCells(database.db, other)).toBeNull();
    const back = (await rollUpHjpBy({ db: database.db, scope, by: ["place"] })).get("place")!;
    expect(back.some((r) => customCodes.includes(r.key))).toBe(false);
  }, 120_000);

  it("rebuilds only the ICBs whose episodes or services changed, and every ICB when the geography did", async () => {
    const other = DEMO_HJP_ICBS.map((i) => i.code).find((c) => c !== GREATER_MANCHESTER_ICB)!;
    const ensureBoth = async () => ({ gm: (await ensureHjpCells(database.db, GREATER_MANCHESTER_ICB)) !== null, other: (await ensureHjpCells(database.db, other)) !== null });
    await ensureBoth();
    expect(await ensureBoth()).toEqual({ gm: false, other: false });
    // An episode of a Greater Manchester service: only Greater Manchester rebuilds.
    await database.db.execute(sql`update hjp_episodes set closed_date = closed_date where service_id = ${serviceId} and episode_ref = (select min(episode_ref) from hjp_episodes where service_id = ${serviceId})`);
    expect(await ensureBoth()).toEqual({ gm: true, other: false });
    // A statement that changes no row changes nothing.
    await database.db.execute(sql`delete from hjp_episodes where service_id = ${serviceId} and episode_ref = 'no such episode'`);
    expect(await ensureBoth()).toEqual({ gm: false, other: false });
    // A service moved between ICBs: both rebuild (the old ICB loses it, the new one gains it), and back.
    await database.db.execute(sql`update hjp_services set icb_code = ${other} where id = ${serviceId}`);
    expect(await ensureBoth()).toEqual({ gm: true, other: true });
    await database.db.execute(sql`update hjp_services set icb_code = ${GREATER_MANCHESTER_ICB} where id = ${serviceId}`);
    expect(await ensureBoth()).toEqual({ gm: true, other: true });
    // Geography is every ICB's.
    await database.db.execute(sql`update practices set name = name where code = (select min(code) from practices)`);
    expect(await ensureBoth()).toEqual({ gm: true, other: true });
    expectSameFigures(
      await rollUpHjpBy({ db: database.db, scope: { icbCode: other }, by: DIMENSIONS, source: "cells" }),
      await rollUpHjpBy({ db: database.db, scope: { icbCode: other }, by: DIMENSIONS, source: "episodes" }),
      "the other ICB after the changes"
    );
  }, 120_000);

  it("keeps what it had when the change that would have invalidated it rolls back", async () => {
    await ensureHjpCells(database.db, GREATER_MANCHESTER_ICB);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`delete from hjp_episodes where service_id = ${serviceId}`);
        throw new Error("roll back");
      })
    ).rejects.toThrow("roll back");
    expect(await ensureHjpCells(database.db, GREATER_MANCHESTER_ICB)).toBeNull();
  });

  it("builds an ICB once when two pages ask at the same time", async () => {
    await database.db.execute(sql`delete from hjp_rollup_builds`);
    const builds = await Promise.all([ensureHjpCells(database.db, GREATER_MANCHESTER_ICB), ensureHjpCells(database.db, GREATER_MANCHESTER_ICB)]);
    expect(builds.filter((b) => b !== null)).toHaveLength(1);
  });
});
