import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATASETS } from "../app/domain/hjp/datasets";
import { exampleRow } from "../app/domain/hjp/templates";
import { HOSTILE_SEED, hostileCell } from "../tests/setup/hostile";
import { importers } from "./all";
import type { RowResult, TabularParser } from "./shared/types";

/**
 * Property-based checks that no importer's parse step can be made to throw, and that
 * hostile cells are either refused with a message naming the column or kept as inert
 * text. The load step is only ever reached with parsed records, so this covers what a
 * file can smuggle in; tests/integration/hostile-import.test.ts proves rejected files
 * leave the database unchanged.
 */
const tabular = Object.values(importers).filter((i) => i.parser.format === "csv");

function expectWellFormed(result: RowResult<unknown>, context: string) {
  expect(["ok", "skip", "error"], context).toContain(result.kind);
  if (result.kind === "error") {
    expect(result.errors.length, context).toBeGreaterThan(0);
    for (const e of result.errors) expect(e.message.trim().length, context).toBeGreaterThan(0);
  }
  if (result.kind === "skip") expect(result.reason.trim().length, context).toBeGreaterThan(0);
}

describe("every importer's parse step, fed hostile rows", () => {
  it.each(tabular.map((i) => [i.source, i] as const))("%s never throws and answers every row with a record, a skip or a named error", (_source, importer) => {
    const parser = importer.parser as TabularParser<unknown>;
    const columns = [...parser.requiredColumns, ...(parser.optionalColumns ?? []), ...(parser.headerless ?? [])];
    const row = fc.record(Object.fromEntries(columns.map((c) => [c, hostileCell])) as Record<string, fc.Arbitrary<string>>);
    fc.assert(
      fc.property(row, (values) => {
        let result: RowResult<unknown> | undefined;
        expect(() => {
          result = parser.parseRow(values, 2);
        }).not.toThrow();
        expectWellFormed(result!, JSON.stringify(values).slice(0, 300));
      }),
      { numRuns: 150, seed: HOSTILE_SEED },
    );
  });
});

describe("an HJP template row with one hostile cell", () => {
  for (const dataset of DATASETS) {
    const parser = importers[dataset.id]!.parser as TabularParser<unknown>;
    const good = exampleRow(dataset);

    it(`${dataset.id}: the example row itself is accepted`, () => {
      expect(parser.parseRow(good, 2).kind).toBe("ok");
    });

    it(`${dataset.id}: is refused naming that column, or kept with the text unchanged`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...dataset.list.map((c) => c.name)), hostileCell, (column, value) => {
          const result = parser.parseRow({ ...good, [column]: value }, 2);
          expectWellFormed(result, `${column}=${JSON.stringify(value).slice(0, 100)}`);
          if (result.kind === "error") {
            // Some complaint leads back to the cell we changed: it names that column, is about
            // the row as a whole, or (a cross-field rule such as "amount_disbursed: more than
            // the amount awarded") names the changed column in its message.
            const words = column.replace(/_/g, " ");
            const traced = result.errors.some((e) => e.column === column || e.column === undefined || e.message.includes(words));
            expect(traced, JSON.stringify(result.errors)).toBe(true);
          }
          if (result.kind === "ok") {
            // Accepted text is stored as typed: nothing is evaluated or rewritten on the way in.
            const stored = JSON.stringify(result.record);
            if (/^[=@]/.test(value.trim()) && value.trim().length > 1) expect(stored).toContain(JSON.stringify(value.trim()).slice(1, -1).slice(0, 20));
          }
        }),
        { numRuns: 400, seed: HOSTILE_SEED },
      );
    });
  }
});
