import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readCsv } from "../shared/read-source";
import { readCsvRecords } from "./fast-csv";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hjp-fast-csv-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function both(text: string, chunkSizes: number[] = [7]) {
  const file = path.join(dir, `t${++n}.csv`);
  fs.writeFileSync(file, text);
  const collect = async (records: AsyncGenerator<{ line: number; cells: string[] }>) => {
    const out: unknown[] = [];
    try {
      for await (const r of records) out.push(r);
    } catch (error) {
      out.push({ error: (error as { code?: string }).code, lines: (error as { lines?: number }).lines });
    }
    return out;
  };
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = Math.max(1, chunkSizes[k % chunkSizes.length]);
    chunks.push(bytes.subarray(i, i + size));
    i += size;
  }
  return { expected: await collect(readCsv(file)), actual: await collect(readCsvRecords((async function* () { yield* chunks; })())) };
}

describe("the fast CSV reader", () => {
  it.each([
    ["plain rows", "a,b,c\n1,2,3\n"],
    ["CRLF and no final break", "a,b\r\n1,2\r\n3,4"],
    ["CR line ends", "a,b\r1,2\r"],
    ["a byte-order mark", "\uFEFFa,b\n1,2\n"],
    ["empty lines", "a,b\n\n1,2\n\n3,4\n\n"],
    ["quoted cells with commas, quotes and line breaks", 'a,b\n"x,y","say ""hi"""\n"multi\nline",z\n"two\n\nbreaks",w\n'],
    ["a quoted line break before the first record delimiter", 'a,"b\nc"\r\n1,2\r\n'],
    ["empty quoted cells", 'a,b\n"",""\n""\n'],
    ["ragged rows", "a,b,c\n1,2\n1,2,3,4\n"],
    ["blank cells", "a,b,c\n,,\n1,,3\n"],
    ["multi-byte characters split across chunks", "name,place\nZoë,Ynys Môn\n£1,€2\n"],
    ["an unclosed quote", 'a,b\n"x,1\n2,3\n'],
  ])("reads %s as csv-parse does", async (_name, text) => {
    for (const sizes of [[1], [3, 5], [7], [1 << 16]]) {
      const { expected, actual } = await both(text, sizes);
      expect(actual).toEqual(expected);
    }
  });

  it("delivers the records before a malformed one and names the malformed one with a CSV_ code", async () => {
    const { actual } = await both('a,b\n1,2\n3,x"y\n4,5\n');
    expect(actual).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
      { error: "CSV_INVALID_OPENING_QUOTE", lines: 3 },
    ]);
    expect((await both('a,b\n"x"y,1\n')).actual).toEqual([{ line: 1, cells: ["a", "b"] }, { error: "CSV_INVALID_CLOSING_QUOTE", lines: 2 }]);
  });

  it("numbers lines physically after a carriage return inside a cell (csv-parse counts it as a line)", async () => {
    expect((await both('a,b\n"cr\r\nlf",1\nx\ry,2\n3,4\n')).actual).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["cr\r\nlf", "1"] },
      { line: 4, cells: ["x\ry", "2"] },
      { line: 5, cells: ["3", "4"] },
    ]);
    expect((await both('a,b\r\n"x\r\ny",1\r\n2,3\r\n')).actual).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x\r\ny", "1"] },
      { line: 4, cells: ["2", "3"] },
    ]);
  });

  it("reads generated files as csv-parse does, however the bytes arrive", async () => {
    const cell = fc.oneof(
      // No carriage returns in cells: csv-parse miscounts lines after one (see above).
      fc.string({ maxLength: 6 }).map((s) => s.replace(/\r/g, "")),
      fc.constantFrom("", ",", '"', '""', "\n", "a,b", 'x"y', "Zoë", "£", " padded "),
    );
    const quote = (s: string) => (/[",\r\n]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        async (rows, eol, finalBreak, sizes) => {
          const text = rows.map((r) => r.map((c) => (c === "" ? "" : quote(c))).join(",")).join(eol) + (finalBreak ? eol : "");
          const { expected, actual } = await both(text, sizes);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
