import { describe, expect, it } from "vitest";
import { DATASETS } from "./datasets";
import { dataDictionary, dictionaryCsv, exampleRow, parseTemplateFileName, templateCsv, toCsv } from "./templates";

describe("HJP datasets", () => {
  it.each(DATASETS.map((d) => [d.id, d] as const))("%s: every column is described, and the example row is valid", (_id, dataset) => {
    for (const c of dataset.list) {
      expect(c.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(c.description.length).toBeGreaterThan(10);
    }
    expect(dataset.parse(exampleRow(dataset))).toMatchObject({ ok: true });
  });

  it.each(DATASETS.map((d) => [d.id, d] as const))("%s: a blank required cell is named as missing", (_id, dataset) => {
    const row = exampleRow(dataset);
    const required = dataset.list.filter((c) => c.required).map((c) => c.name);
    const result = dataset.parse({ ...row, ...Object.fromEntries(required.map((r) => [r, " "])) });
    expect(result.ok ? [] : result.errors).toEqual(required.map((column) => ({ column, message: "missing value" })));
  });

  it("has no column header that the identifier rule would refuse", async () => {
    const { refuseIdentifierHeaders } = await import("./identifiers");
    for (const d of DATASETS) expect(refuseIdentifierHeaders(d.list.map((c) => c.name))).toEqual([]);
  });

  it("makes a header-only CSV template from the columns, in order", () => {
    const activity = DATASETS.find((d) => d.id === "hjp-activity")!;
    expect(templateCsv(activity)).toBe(`${activity.list.map((c) => c.name).join(",")}\r\n`);
  });

  it("quotes CSV cells that need it", () => {
    expect(toCsv([["a", "b,c", 'say "hi"', " padded"]])).toBe('a,"b,c","say ""hi"""," padded"\r\n');
  });

  it.each([
    ["hjp-activity.csv", "hjp-activity", "csv"],
    ["hjp-funding.xlsx", "hjp-funding", "xlsx"],
    ["hjp-data-dictionary.csv", "dictionary", "csv"],
    ["hjp-activity.pdf", null, null],
    ["secrets.csv", null, null],
    ["../hjp-activity.csv", null, null],
  ])("reads the template file name %j", (name, dataset, format) => {
    const parsed = parseTemplateFileName(name);
    if (!dataset) return expect(parsed).toBeNull();
    expect(parsed && ("dictionary" in parsed ? "dictionary" : parsed.dataset.id)).toBe(dataset);
    expect(parsed?.format).toBe(format);
  });

  it("lists every column of every dataset and the refused headers in the dictionary", () => {
    const dictionary = dataDictionary();
    expect(dictionary.datasets.map((d) => d.id)).toEqual(["hjp-services", "hjp-activity", "hjp-training", "hjp-funding"]);
    const csv = dictionaryCsv();
    for (const d of DATASETS) for (const c of d.list) expect(csv).toContain(`${d.id},${c.name},`);
    expect(csv).toContain("patient name");
  });
});
