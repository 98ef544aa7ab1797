import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "geography/ons_ltla23_utla23_lookup.csv.gz";

describe("lad-utla parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads the 296 English districts and skips and counts the 22 Welsh authorities", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(296);
    expect(parsed.skipped).toEqual({ "Welsh authority (W06…): out of scope": 22 });
  });

  it("finds 153 upper-tier authorities, 21 of them counties", () => {
    const utlas = new Set(parsed.records.map((r) => r.utlaCode));
    expect(utlas.size).toBe(153);
    expect([...utlas].filter((c) => c.startsWith("E10"))).toHaveLength(21);
  });

  it("rejects a shire district mapped to itself and a unitary mapped to a county", () => {
    const p = tabular(parser);
    const good = firstRow(FILE);
    expect(problems(p.parseRow({ ...good, LTLA23CD: "E07000223", UTLA23CD: "E07000223" }, 2))[0].column).toBe("UTLA23CD");
    expect(problems(p.parseRow({ ...good, LTLA23CD: "E06000001", UTLA23CD: "E10000032" }, 2))[0].column).toBe("UTLA23CD");
    expect(problems(p.parseRow({ ...good, LTLA23CD: "X" }, 2))).toEqual([
      { column: "LTLA23CD", message: 'not a valid English local authority district code (E06–E09 and 6 digits): "X"' },
    ]);
  });
});
