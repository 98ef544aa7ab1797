/**
 * The footprint rules on small, made-up inputs, for the cases the real files happen
 * not to contain (ties, a PCN with no placeable practice, conflicting list sizes, an
 * LSOA missing from the Census).
 */
import { describe, expect, it } from "vitest";
import { buildFootprint } from "./footprint";
import type { FootprintInputs, PracticeListRow } from "./inputs";

// Two ICBs (A: E54000001/QAA, B: E54000002/QBB); county E10000001 is split between them,
// each unitary lies in one.
const icbA = { icbCode: "E54000001", icbOdsCode: "QAA", icbName: "ICB A", sicblCode: "E38000001", sicblOdsCode: "01A", sicblName: "A - 01A" };
const icbB = { icbCode: "E54000002", icbOdsCode: "QBB", icbName: "ICB B", sicblCode: "E38000002", sicblOdsCode: "02B", sicblName: "B - 02B" };

function inputs(overrides: Partial<FootprintInputs> = {}): FootprintInputs {
  const lsoas = [
    { lsoaCode: "E01000001", ...icbA, ladCode: "E07000001", total: 1000, imd: 10 },
    { lsoaCode: "E01000002", ...icbA, ladCode: "E07000001", total: 3000, imd: 30 },
    { lsoaCode: "E01000003", ...icbA, ladCode: "E06000001", total: 2000, imd: 5 },
    { lsoaCode: "E01000004", ...icbB, ladCode: "E07000002", total: 500, imd: 50 },
    { lsoaCode: "E01000005", ...icbB, ladCode: "E06000002", total: 700, imd: 20 },
  ];
  const band = (total: number) => [
    { fromAge: 0, toAge: 19, count: total / 4 },
    { fromAge: 20, toAge: 64, count: total / 2 },
    { fromAge: 65, toAge: null, count: total / 4 },
  ];
  const practice = (practiceCode: string, pcnCode: string | null, org: typeof icbA, icbCode = org.icbCode) => ({
    practiceCode,
    practiceName: `Practice ${practiceCode}`,
    pcnCode,
    pcnName: `PCN ${pcnCode}`,
    sicblOdsCode: org.sicblOdsCode,
    sicblCode: org.sicblCode,
    icbOdsCode: org.icbOdsCode,
    icbCode,
  });
  const list = (practiceCode: string, total: number): PracticeListRow[] => [
    { practiceCode, listType: "TOTAL", listSize: total },
    { practiceCode, listType: "18OV", listSize: Math.round(total * 0.8) },
  ];
  return {
    lsoaIcb: lsoas.map(({ total: _t, imd: _i, ladCode: _l, ...r }) => r),
    lsoaLad: lsoas.map((r) => ({ lsoaCode: r.lsoaCode, ladCode: r.ladCode, ladName: `District ${r.ladCode}` })),
    ladUtla: [
      { ladCode: "E07000001", utlaCode: "E10000001", utlaName: "County" },
      { ladCode: "E07000002", utlaCode: "E10000001", utlaName: "County" },
      { ladCode: "E06000001", utlaCode: "E06000001", utlaName: "Unitary" },
      { ladCode: "E06000002", utlaCode: "E06000002", utlaName: "Unitary B" },
    ],
    censusAge: lsoas.map((r) => ({ lsoaCode: r.lsoaCode, total: r.total, bands: band(r.total) })),
    imdLsoa: lsoas.map((r) => ({ lsoaCode: r.lsoaCode, imdScore: r.imd })),
    practiceMapping: [
      // PCN U10001: two practices of equal lists in two ICBs (a tie), one in A's county, one in B's unitary.
      practice("A00001", "U10001", icbA, "E54000099"), // 2022 code, recoded to E54000001 by ODS code
      practice("B00001", "U10001", icbB),
      // PCN U10002: one practice in the unitary, one without a location.
      practice("A00002", "U10002", icbA),
      practice("A00003", "U10002", icbA),
      // PCN U10003: its only practice has no location.
      practice("A00004", "U10003", icbA),
      // Unallocated.
      practice("A00005", null, icbA),
    ],
    practiceLists: [
      ...list("A00001", 1000),
      ...list("B00001", 1000),
      ...list("A00002", 3000),
      ...list("A00003", 1000),
      ...list("A00004", 500),
      ...list("A00005", 200),
      // A second TOTAL row disagreeing with the first.
      { practiceCode: "A00002", listType: "TOTAL", listSize: 3100 },
    ],
    practiceLocations: [
      { practiceCode: "A00001", practiceName: "Practice A00001", lsoa21Code: "E01000001" },
      { practiceCode: "B00001", practiceName: "Practice B00001", lsoa21Code: "E01000005" },
      { practiceCode: "A00002", practiceName: "Practice A00002", lsoa21Code: "E01000003" },
      { practiceCode: "Z00001", practiceName: "Closed practice", lsoa21Code: "E01000003" },
    ],
    pcnImd: [
      { pcnCode: "U10001", pcnName: "PCN U10001", imd2019Score: 12.5 },
      { pcnCode: "U99999", pcnName: "Gone", imd2019Score: 1 },
    ],
    ...overrides,
  };
}

describe("footprint rules", () => {
  const f = buildFootprint(inputs());
  const pcn = (code: string) => f.pcns.find((p) => p.code === code)!;

  it("weights IMD 2025 by Census population", () => {
    const county = f.places.find((p) => p.id === "E54000001/E10000001")!;
    expect(county.population.total).toBe(4000);
    expect(county.imd2025Score).toBeCloseTo((10 * 1000 + 30 * 3000) / 4000, 12);
    expect(county.population).toEqual({ total: 4000, aged0to19: 1000, aged20to64: 2000, aged65plus: 1000 });
  });

  it("gives a split county one place per ICB with its share of the county", () => {
    expect(f.exceptions.splitAuthorities).toHaveLength(1);
    expect(f.exceptions.splitAuthorities[0].parts.map((p) => [p.placeId, p.share])).toEqual([
      ["E54000001/E10000001", 4000 / 4500],
      ["E54000002/E10000001", 500 / 4500],
    ]);
    // The county is split along district lines: no district is split.
    expect(f.exceptions.splitAuthorities[0].splitDistricts).toEqual([]);
  });

  it("breaks a tie between two ICBs towards the smaller code", () => {
    expect(pcn("U10001").icbCode).toBe("E54000001");
    expect(f.exceptions.pcnsSpanningIcbs.map((p) => p.pcnCode)).toEqual(["U10001"]);
  });

  it("joins a recoded ICB on its ODS code and lists the recoding", () => {
    expect(f.exceptions.recodedOrganisations).toEqual([{ kind: "icb", odsCode: "QAA", from: "E54000099", to: "E54000001" }]);
  });

  it("leaves a practice standing outside its PCN's ICB out of the place shares", () => {
    expect(f.exceptions.practicesOutsidePcnIcb.map((p) => p.practiceCode)).toEqual(["B00001"]);
    expect(pcn("U10001").places).toEqual([{ placeId: "E54000001/E10000001", registered: 1000, share: 1 }]);
    // Its patients still count in the PCN.
    expect(pcn("U10001").registered.total).toBe(2000);
  });

  it("places a PCN by its located practices and lists the practice without a location", () => {
    expect(pcn("U10002").placeId).toBe("E54000001/E06000001");
    expect(f.exceptions.practicesWithoutLocation.map((p) => p.practiceCode)).toEqual(["A00003", "A00004"]);
  });

  it("places a PCN with no placeable practice in its sub-ICB location's largest place, and lists it", () => {
    expect(pcn("U10003")).toMatchObject({ placeId: "E54000001/E10000001", placeBasis: "sub-ICB fallback" });
    expect(f.exceptions.pcnsPlacedBySubIcb).toEqual([{ pcnCode: "U10003", pcnName: "PCN U10003", placeId: "E54000001/E10000001" }]);
  });

  it("uses the largest of conflicting list sizes and lists the conflict", () => {
    expect(f.exceptions.inconsistentListSizes).toEqual([{ practiceCode: "A00002", listType: "TOTAL", sizes: [3000, 3100] }]);
    expect(pcn("U10002").registered.total).toBe(4100);
  });

  it("excludes and lists unallocated practices, and lists mismatches with the other files", () => {
    expect(f.pcns.map((p) => p.code)).toEqual(["U10001", "U10002", "U10003"]);
    expect(f.exceptions.unallocatedPractices.map((p) => p.practiceCode)).toEqual(["A00005"]);
    expect(f.exceptions.locatedPracticesNotInMapping.map((p) => p.practiceCode)).toEqual(["Z00001"]);
    expect(f.exceptions.pcnsWithoutImd2019.map((p) => p.pcnCode)).toEqual(["U10002", "U10003"]);
    expect(f.exceptions.imd2019PcnsNotInMapping.map((p) => p.pcnCode)).toEqual(["U99999"]);
  });

  it("lists an LSOA missing from the Census and leaves it out of population and IMD", () => {
    const g = buildFootprint(inputs({ censusAge: inputs().censusAge.filter((r) => r.lsoaCode !== "E01000002") }));
    expect(g.exceptions.lsoasWithoutCensus).toEqual(["E01000002"]);
    const county = g.places.find((p) => p.id === "E54000001/E10000001")!;
    expect(county).toMatchObject({ lsoaCount: 2, population: { total: 1000 }, imd2025Score: 10 });
  });
});
