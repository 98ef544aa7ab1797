/**
 * The footprint built from the raw bundled reference files. Every number asserted
 * here was checked independently against the files with awk/python (see the
 * importers/reference-data PROVENANCE and the hand check in the report).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadFootprintInputs } from "../../../importers/reference-data/footprint-inputs";
import { APRIL_2023_RECODING } from "./codes";
import { buildFootprint, type Footprint, icbFootprint } from "./footprint";
import type { FootprintInputs } from "./inputs";

const GREATER_MANCHESTER = "E54000057";

let inputs: FootprintInputs;
let skipped: ReturnType<typeof loadFootprintInputs>["skipped"];
let footprint: Footprint;
beforeAll(() => {
  ({ inputs, skipped } = loadFootprintInputs());
  footprint = buildFootprint(inputs);
});

const pcn = (code: string) => footprint.pcns.find((p) => p.code === code)!;
const place = (id: string) => footprint.places.find((p) => p.id === id)!;

describe("systems (ICBs)", () => {
  it("finds the 42 ICBs of 2024, each with its ONS and ODS code", () => {
    expect(footprint.icbs).toHaveLength(42);
    expect(footprint.icbs.every((i) => /^E54\d{6}$/.test(i.code) && /^Q[A-Z0-9]{2}$/.test(i.odsCode))).toBe(true);
    expect(footprint.icbs.find((i) => i.code === GREATER_MANCHESTER)).toMatchObject({
      odsCode: "QOP",
      name: "NHS Greater Manchester Integrated Care Board",
      lsoaCount: 1_702,
    });
  });

  it("counts England's 56,490,091 Census residents once, across the ICBs", () => {
    expect(footprint.icbs.reduce((s, i) => s + i.population.total, 0)).toBe(56_490_091);
    expect(footprint.icbs.reduce((s, i) => s + i.lsoaCount, 0)).toBe(33_755);
  });

  it("skips and counts the 1,917 Welsh LSOAs of the Census and the district lookup", () => {
    expect(skipped["census-age"]).toEqual({ "Welsh LSOA (W01…): out of scope": 1_917 });
    expect(skipped["lsoa-lad"]).toEqual({ "Welsh LSOA (W01…): out of scope": 1_917 });
    expect(footprint.exceptions.lsoasWithoutCensus).toEqual([]);
    expect(footprint.exceptions.lsoasWithoutImd2025).toEqual([]);
    expect(footprint.exceptions.lsoasWithoutDistrict).toEqual([]);
  });

  it("weights IMD 2025 by Census population to within 0.1 of MHCLG's own ICB averages", () => {
    // MHCLG weights by its own population estimates; GM's published average is 29.6.
    const gm = footprint.icbs.find((i) => i.code === GREATER_MANCHESTER)!;
    expect(gm.imd2025Score).toBeCloseTo(29.6, 2);
  });
});

describe("places", () => {
  it("gives NHS Greater Manchester ICB exactly its ten boroughs as places", () => {
    const gm = icbFootprint(footprint, "QOP")!;
    expect(gm.places.map((p) => p.utlaName)).toEqual([
      "Bolton",
      "Bury",
      "Manchester",
      "Oldham",
      "Rochdale",
      "Salford",
      "Stockport",
      "Tameside",
      "Trafford",
      "Wigan",
    ]);
    expect(gm.places.every((p) => !p.authoritySplit && p.subIcbs.length === 1 && p.shareOfAuthority === 1)).toBe(true);
  });

  it("matches the hand check for Trafford: 139 LSOAs, 235,044 residents, IMD 2025 score 14.983", () => {
    const trafford = place(`${GREATER_MANCHESTER}/E08000009`);
    expect(trafford.lsoaCount).toBe(139);
    expect(trafford.population.total).toBe(235_044);
    expect(trafford.imd2025Score).toBeCloseTo(14.983, 3);
    expect(trafford.subIcbs).toMatchObject([{ odsCode: "02A", share: 1 }]);
  });

  it("makes place populations and LSOA counts add up to their ICB's", () => {
    for (const icb of footprint.icbs) {
      const places = footprint.places.filter((p) => p.icbCode === icb.code);
      expect(places.reduce((s, p) => s + p.population.total, 0)).toBe(icb.population.total);
      expect(places.reduce((s, p) => s + p.lsoaCount, 0)).toBe(icb.lsoaCount);
      const subs = footprint.subIcbs.filter((s) => s.icbCode === icb.code);
      expect(subs.reduce((s, x) => s + x.population.total, 0)).toBe(icb.population.total);
    }
  });

  it("splits the age bands into parts that add up to each place's total", () => {
    for (const p of footprint.places) {
      expect(p.population.aged0to19 + p.population.aged20to64 + p.population.aged65plus).toBe(p.population.total);
    }
  });

  it("gives North Yorkshire, a unitary split between three ICBs, one place in each", () => {
    const split = footprint.exceptions.splitAuthorities.find((s) => s.utlaCode === "E06000065")!;
    expect(split.parts.map((p) => [p.icbCode, p.lsoaCount])).toEqual([
      ["E54000051", 346], // Humber and North Yorkshire
      ["E54000054", 30], // West Yorkshire
      ["E54000048", 3], // Lancashire and South Cumbria
    ]);
    // A unitary is its own district, so the split runs through the district itself.
    expect(split.splitDistricts.map((d) => d.ladCode)).toEqual(["E06000065"]);
    expect(split.parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    expect(place("E54000054/E06000065").authoritySplit).toBe(true);
  });

  it("splits Cumberland and Westmorland and Furness between the same two ICBs the other way round", () => {
    const parts = (code: string) =>
      footprint.exceptions.splitAuthorities.find((s) => s.utlaCode === code)!.parts.map((p) => [p.icbCode, p.lsoaCount]);
    expect(parts("E06000063")).toEqual([
      ["E54000050", 171],
      ["E54000048", 6],
    ]);
    expect(parts("E06000064")).toEqual([
      ["E54000048", 106],
      ["E54000050", 36],
    ]);
  });

  it("splits counties along district lines where no district is split (Essex) and through a split district (Hampshire's Hart)", () => {
    const essex = footprint.exceptions.splitAuthorities.find((s) => s.utlaCode === "E10000012")!;
    expect(essex.parts.map((p) => [p.icbCode, p.lsoaCount])).toEqual([
      ["E54000026", 512],
      ["E54000023", 206],
      ["E54000025", 185],
    ]);
    expect(essex.splitDistricts).toEqual([]);
    const hampshire = footprint.exceptions.splitAuthorities.find((s) => s.utlaCode === "E10000014")!;
    expect(hampshire.parts.map((p) => [p.icbCode, p.lsoaCount])).toEqual([
      ["E54000042", 760],
      ["E54000034", 105],
    ]);
    expect(hampshire.splitDistricts).toEqual([
      { ladCode: "E07000089", ladName: "Hart", icbs: [{ icbCode: "E54000034", lsoaCount: 45 }, { icbCode: "E54000042", lsoaCount: 14 }] },
    ]);
  });

  it("finds the 10 split upper-tier authorities and, within them, the 13 split districts of the provenance notes", () => {
    expect(footprint.exceptions.splitAuthorities).toHaveLength(10);
    expect(footprint.places).toHaveLength(166);
    const districts = footprint.exceptions.splitAuthorities.flatMap((s) => s.splitDistricts.map((d) => d.ladName)).sort();
    expect(districts).toEqual(
      [
        "Buckinghamshire",
        "Cumberland",
        "Westmorland and Furness",
        "North Yorkshire",
        "Hart",
        "North Hertfordshire",
        "Cherwell",
        "Vale of White Horse",
        "Guildford",
        "Runnymede",
        "Surrey Heath",
        "Waverley",
        "East Suffolk",
      ].sort(),
    );
  });
});

describe("neighbourhoods (PCNs)", () => {
  it("builds 1,267 PCNs and leaves out the pseudo-PCN U, counting its 63 practices and 442,217 patients", () => {
    expect(footprint.pcns).toHaveLength(1_267);
    expect(footprint.pcns.some((p) => p.code === "U")).toBe(false);
    const unallocated = footprint.exceptions.unallocatedPractices;
    expect(unallocated).toHaveLength(63);
    expect(unallocated.reduce((s, p) => s + (p.registeredTotal ?? 0), 0)).toBe(442_217);
    const inPcns = footprint.pcns.reduce((s, p) => s + p.registered.total, 0);
    expect(inPcns).toBe(61_935_840);
    expect(inPcns + 442_217).toBe(62_378_057); // every QOF patient once
  });

  it("joins the April 2023 recoding of Surrey Heartlands and Sussex on ODS codes", () => {
    expect(footprint.exceptions.recodedOrganisations).toEqual(
      [...APRIL_2023_RECODING]
        .map(({ kind, odsCode, from, to }) => ({ kind, odsCode, from, to }))
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.odsCode.localeCompare(b.odsCode)),
    );
    expect(footprint.exceptions.practicesInUnknownOrganisation).toEqual([]);
    const surrey = footprint.pcns.filter((p) => p.icbOdsCode === "QXU");
    const sussex = footprint.pcns.filter((p) => p.icbOdsCode === "QNX");
    expect(surrey.every((p) => p.icbCode === "E54000063")).toBe(true);
    expect(sussex.every((p) => p.icbCode === "E54000064")).toBe(true);
    // All 103 and 156 of their practices in PCNs in QOF 2022-23 arrive under the 2024 codes.
    expect(surrey.reduce((s, p) => s + p.practices.length, 0)).toBe(103);
    expect(sussex.reduce((s, p) => s + p.practices.length, 0)).toBe(156);
    expect(footprint.pcns.some((p) => p.icbCode === "E54000052" || p.icbCode === "E54000053")).toBe(false);
  });

  it("assigns a PCN spanning two ICBs to the one with the larger registered list", () => {
    // New Reading PCN: 41,901 patients at practices in BOB (QU9, sub-ICB 15A), 6,193 in Frimley (QNQ).
    expect(pcn("U62501")).toMatchObject({ icbOdsCode: "QU9", sicblOdsCode: "15A", registered: { total: 48_094 } });
    // Coast and Country PCN: 18,476 in QJK (15N), 16,840 in QT6 (11N).
    expect(pcn("U41591")).toMatchObject({ icbOdsCode: "QJK", sicblOdsCode: "15N" });
    expect(footprint.exceptions.pcnsSpanningIcbs.map((p) => p.pcnCode)).toEqual(["U41591", "U62501"]);
  });

  it("assigns a PCN spanning two sub-ICB locations of one ICB to the larger", () => {
    // U63948: 33,889 patients in 04V, 11,890 in 03W (both Leicester, Leicestershire and Rutland).
    expect(pcn("U63948")).toMatchObject({ icbOdsCode: "QK1", sicblOdsCode: "04V", registered: { total: 45_779 } });
    // U87499 spans three: 03W 14,194, 04C 10,658, 04V 3,604.
    expect(pcn("U87499").sicblOdsCode).toBe("03W");
    const spanning = footprint.exceptions.pcnsSpanningSubIcbs.find((p) => p.pcnCode === "U87499")!;
    expect(spanning.parts.map((p) => [p.odsCode, p.registered])).toEqual([
      ["03W", 14_194],
      ["04C", 10_658],
      ["04V", 3_604],
    ]);
    expect(footprint.exceptions.pcnsSpanningSubIcbs).toHaveLength(10);
  });

  it("never counts more 18+ patients than patients, in any PCN", () => {
    for (const p of footprint.pcns) {
      expect(p.registered.aged18plus).toBeLessThanOrEqual(p.registered.total);
      expect(p.registered.aged18plus).toBeGreaterThan(0);
    }
    expect(footprint.pcns.reduce((s, p) => s + p.registered.aged18plus, 0)).toBe(49_600_658);
  });

  it("matches the hand check for North Trafford PCN: 4 practices, 48,331 patients, 37,345 aged 18+, IMD 2019 27.197", () => {
    const p = pcn("U66368");
    expect(p.practices.map((x) => x.code)).toEqual(["P91018", "P91020", "P91627", "P91629"]);
    expect(p.registered).toEqual({ total: 48_331, aged18plus: 37_345 });
    expect(p.imd2019Score).toBeCloseTo(27.1968164340378, 10);
    expect(p.placeId).toBe(`${GREATER_MANCHESTER}/E08000009`);
  });

  it("lists Greater Manchester's 65 PCNs under its ten places, each with a population and an IMD 2019 score", () => {
    const gm = icbFootprint(footprint, GREATER_MANCHESTER)!;
    expect(gm.pcns).toHaveLength(65);
    expect(gm.places.reduce((s, p) => s + p.pcns.length, 0)).toBe(65);
    expect(gm.places.every((p) => p.pcns.length > 0)).toBe(true);
    expect(gm.pcns.every((p) => p.registered.total > 0 && p.imd2019Score !== null)).toBe(true);
  });

  it("lists practices without a location and those standing outside their PCN's ICB, and places PCNs by the rest", () => {
    const e = footprint.exceptions;
    expect(e.practicesWithoutLocation).toHaveLength(78);
    expect(e.practicesOutsidePcnIcb).toHaveLength(28);
    expect(e.locatedPracticesNotInMapping).toHaveLength(33);
    expect(e.pcnsPlacedBySubIcb).toEqual([]);
    expect(footprint.pcns.every((p) => p.placeId !== null && p.placeBasis === "practice locations")).toBe(true);
    for (const p of footprint.pcns) {
      expect(p.places.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
      expect(p.places.every((x) => x.placeId.startsWith(`${p.icbCode}/`))).toBe(true);
    }
  });

  it("lists PCNs straddling places with their shares, largest first", () => {
    const straddling = footprint.exceptions.pcnsStraddlingPlaces;
    expect(straddling.length).toBeGreaterThan(0);
    for (const s of straddling) {
      expect(s.places.length).toBeGreaterThan(1);
      expect(s.places[0].share).toBeGreaterThanOrEqual(s.places[1].share);
      expect(pcn(s.pcnCode).placeId).toBe(s.places[0].placeId);
    }
  });

  it("lists the 4 QOF PCNs missing from the IMD 2019 file and the 1 IMD 2019 PCN not in QOF", () => {
    expect(footprint.exceptions.pcnsWithoutImd2019.map((p) => p.pcnCode)).toEqual(["U04648", "U49070", "U60757", "U64436"]);
    expect(footprint.exceptions.imd2019PcnsNotInMapping.map((p) => p.pcnCode)).toEqual(["U22273"]);
    expect(skipped["pcn-imd"]).toEqual({ "pooled unallocated row 'U'": 1 });
  });
});

// How long the national build takes is measured by `npm run bench`, not here: tests do not time things.
