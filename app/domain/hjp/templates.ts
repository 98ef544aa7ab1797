/**
 * The downloadable templates and the data dictionary, as plain data and CSV text,
 * generated from the dataset definitions the importers check files against.
 */
import type { Column } from "./cells";
import { type AnyDataset, DATASETS } from "./datasets";
import { refusedHeaderList } from "./identifiers";

export const TEMPLATE_FORMATS = ["csv", "xlsx"] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** A template file name, "hjp-activity.csv", as the dataset and format it asks for. */
export function parseTemplateFileName(fileName: string): { dataset: AnyDataset; format: TemplateFormat } | { dictionary: true; format: "csv" } | null {
  const m = /^([a-z-]+)\.(csv|xlsx)$/.exec(fileName);
  if (!m) return null;
  if (m[1] === "hjp-data-dictionary" && m[2] === "csv") return { dictionary: true, format: "csv" };
  const dataset = DATASETS.find((d) => d.id === m[1]);
  return dataset ? { dataset, format: m[2] as TemplateFormat } : null;
}

export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The header row only: a template to fill in, so no example row can be loaded by mistake. */
export function templateCsv(dataset: AnyDataset): string {
  return toCsv([dataset.list.map((c) => c.name)]);
}

/** The example value of every column, as one row keyed by header. */
export function exampleRow(dataset: AnyDataset): Record<string, string> {
  return Object.fromEntries(dataset.list.map((c) => [c.name, c.example]));
}

export type DictionaryEntry = {
  dataset: string;
  column: string;
  required: boolean;
  type: string;
  allowed: { code: string; label: string }[];
  list: boolean;
  description: string;
  example: string;
};

export function dictionaryEntries(dataset: AnyDataset): DictionaryEntry[] {
  return dataset.list.map((c: Column) => ({
    dataset: dataset.id,
    column: c.name,
    required: c.required,
    type: c.type,
    allowed: [...(c.allowed ?? [])],
    list: c.list ?? false,
    description: c.description,
    example: c.example,
  }));
}

/** The whole dictionary as CSV: one row per column of every dataset, then the refused headers. */
export function dictionaryCsv(): string {
  const rows: string[][] = [["dataset", "column", "required", "type", "allowed values", "description", "example"]];
  for (const dataset of DATASETS) {
    for (const e of dictionaryEntries(dataset)) {
      rows.push([e.dataset, e.column, e.required ? "yes" : "no", e.type, e.allowed.map((a) => `${a.code} (${a.label})`).join("; "), e.description, e.example]);
    }
  }
  for (const r of refusedHeaderList()) {
    rows.push(["(any)", r.examples.join("; "), "refused", "direct identifier", "", `A column with such a header is refused, with nothing stored: it would hold ${r.reason}.`, ""]);
  }
  return toCsv(rows);
}

export type DictionaryDataset = {
  id: string;
  title: string;
  description: string;
  rowIs: string;
  command: string;
  columns: DictionaryEntry[];
};

/** Everything the data dictionary page shows, as plain data. */
export function dataDictionary(): { datasets: DictionaryDataset[]; refused: ReturnType<typeof refusedHeaderList> } {
  return {
    datasets: DATASETS.map((d) => ({
      id: d.id,
      title: d.title,
      description: d.description,
      rowIs: d.rowIs,
      command: `npm run import -- ${d.id} <file.csv or file.xlsx>`,
      columns: dictionaryEntries(d),
    })),
    refused: refusedHeaderList(),
  };
}
