import { describe, expect, it } from "vitest";
import { parsePeriod } from "./periods";

describe("parsePeriod", () => {
  it.each([
    ["2015", "2015-01-01", "2015-12-31"],
    ["2015/16", "2015-04-01", "2016-03-31"],
    ["2015 - 17", "2015-01-01", "2017-12-31"],
    ["2099 - 01", "2099-01-01", "2101-12-31"],
    ["2019/20 - 21/22", "2019-04-01", "2022-03-31"],
    ["2022/23 Q1", "2022-04-01", "2022-06-30"],
    ["2022/23 Q4", "2023-01-01", "2023-03-31"],
    ["2020 Q1", "2020-01-01", "2020-03-31"],
    ["Feb 2024", "2024-02-01", "2024-02-29"],
    ["Oct 2019 - Sep 2020", "2019-10-01", "2020-09-30"],
  ])("reads %s as %s to %s", (label, start, end) => {
    expect(parsePeriod(label)).toEqual({ start, end });
  });

  it("falls back on the sortable period and its range when the label is unfamiliar", () => {
    expect(parsePeriod("2017/18 (academic, provisional)", { sortable: "20170000", range: "3y" })).toEqual({ start: "2017-01-01", end: "2019-12-31" });
  });

  it("gives null for a label it cannot read and no usable hint", () => {
    expect(parsePeriod("sometime")).toBeNull();
    expect(parsePeriod("Smarch 2020")).toBeNull();
  });
});
