import { describe, expect, it } from "vitest";
import { firstRow, parseBundled, problems, tabular } from "../reference-data/read-bundled";
import { parser } from "./parse";

const FILE = "ons/ons_covid19_asmr_lad19_1mar_17apr2020.csv.gz";

describe("ons-covid-mortality parser", () => {
  const parsed = parseBundled(parser, FILE);

  it("reads the 317 English authorities and skips the 22 Welsh ones", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(317);
    expect(parsed.skipped).toEqual({ "Welsh authority (W06…): out of scope": 22 });
  });

  it("keeps the published rate and its 95% interval, and marks a rate ONS did not give", () => {
    const manchester = parsed.records.find((r) => r.areaCode === "E08000003")!;
    expect(manchester).toMatchObject({ count: 159, value: 59.8, lower95: 50.5, upper95: 69.2, lower998: null, period: "1 Mar - 17 Apr 2020", periodStart: "2020-03-01", periodEnd: "2020-04-17" });
    const scilly = parsed.records.find((r) => r.areaCode === "E06000053")!;
    expect(scilly).toMatchObject({ count: 0, value: null, flags: ["no-value-published"] });
  });

  it("refuses a rate outside its interval or half an interval", () => {
    const p = tabular(parser);
    const good = firstRow(FILE);
    expect(problems(p.parseRow({ ...good, rate: "99" }, 2))[0].message).toMatch(/not within its interval/);
    expect(problems(p.parseRow({ ...good, UCI: "" }, 2))[0].message).toMatch(/all be given, or all be blank/);
  });
});
