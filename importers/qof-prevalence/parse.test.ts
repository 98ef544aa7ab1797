import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "pcn/nhsd_qof_2223_prevalence_practice_list_sizes.csv.gz";

describe("qof-prevalence parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads all 133,938 practice-register rows without an error", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(133_938);
  });

  it("gives each of the 6,378 practices one total list, summing to 62,378,057, and one 18+ list", () => {
    const totals = new Map<string, Set<number>>();
    const adults = new Map<string, Set<number>>();
    for (const r of parsed.records) {
      const into = r.listType === "TOTAL" ? totals : r.listType === "18OV" ? adults : null;
      if (!into) continue;
      if (!into.has(r.practiceCode)) into.set(r.practiceCode, new Set());
      into.get(r.practiceCode)!.add(r.listSize);
    }
    expect(totals.size).toBe(6_378);
    expect(adults.size).toBe(6_378);
    expect([...totals.values()].every((s) => s.size === 1)).toBe(true);
    expect([...adults.values()].every((s) => s.size === 1)).toBe(true);
    expect([...totals.values()].reduce((sum, s) => sum + [...s][0], 0)).toBe(62_378_057);
  });

  it("reads registers written as decimals with a zero fraction as whole numbers", () => {
    // The file writes A81001's AF register as "112.0".
    expect(parsed.records.find((r) => r.practiceCode === "A81001" && r.groupCode === "AF")).toEqual({
      practiceCode: "A81001",
      groupCode: "AF",
      register: 112,
      listType: "TOTAL",
      listSize: 3_996,
    });
  });

  it("reports a non-numeric list size, a fractional register and an unknown list type by column", () => {
    const good = firstRow(FILE);
    expect(
      problems(tabular(parser).parseRow({ ...good, PRACTICE_LIST_SIZE: "3,996", REGISTER: "112.5", PATIENT_LIST_TYPE: "19OV" }, 2)),
    ).toEqual([
      { column: "PATIENT_LIST_TYPE", message: 'not a known list type (TOTAL, 06OV, 16OV, 17OV, 18OV, 50OV): "19OV"' },
      { column: "PRACTICE_LIST_SIZE", message: 'not a whole number: "3,996"' },
      { column: "REGISTER", message: 'not a whole number: "112.5"' },
    ]);
  });
});
