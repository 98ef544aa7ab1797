/**
 * Builds an importer's parse step from a dataset definition (app/domain/hjp/datasets.ts),
 * so that the columns a file must have, the checks on each cell and the templates
 * people download come from one place. Every HJP file is refused on its header when a
 * column is a direct identifier.
 */
import type { Cells, ColumnSpec, Dataset } from "../../app/domain/hjp/cells";
import { refuseIdentifierHeaders } from "../../app/domain/hjp/identifiers";
import type { RowResult, TabularParser } from "../shared/types";

export function datasetParser<C extends Record<string, ColumnSpec<unknown>>, R>(
  dataset: Dataset<C>,
  build: (cells: Cells<C>, line: number) => RowResult<R>,
  options: { key?: (record: R) => string } = {},
): TabularParser<R> {
  return {
    format: "csv",
    requiredColumns: dataset.list.filter((c) => c.required).map((c) => c.name),
    // Optional columns may be left out of the file altogether: their cells are blank.
    optionalColumns: dataset.list.filter((c) => !c.required).map((c) => c.name),
    refuseHeaders: refuseIdentifierHeaders,
    parseRow(values, line) {
      const result = dataset.parse(values);
      if (!result.ok) return { kind: "error", errors: result.errors };
      return build(result.cells, line);
    },
    key: options.key,
  };
}

/** A row error about one column, for checks that span cells. */
export function problemsOf<R>(errors: { column: string; message: string }[]): RowResult<R> {
  return { kind: "error", errors };
}
