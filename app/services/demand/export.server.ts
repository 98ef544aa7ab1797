import { demandExportTables, type ExportTable } from "../../domain/demand/export-tables";
import { demandViewFor, type DemandScenarioSpec } from "../../domain/demand/view";
import { csvCell } from "../../domain/format/csv-cell";
import { neutraliseWorkbook } from "../../domain/format/xlsx-cell";
import type { LoadedDemandInputs } from "./inputs.server";

function preamble(inputs: LoadedDemandInputs, spec: DemandScenarioSpec, today: string): string[] {
  return [
    `Demand model: ${inputs.icb.name} (${inputs.icb.code})`,
    `Scenario: ${spec.name}`,
    `Produced ${today}. Figures are modelled estimates per year with 80% intervals from simulation (seeded, repeatable); money in pence.`,
    "Observed counts under calibration follow disclosure control: 1 to 7 shown as *, others rounded to the nearest 5.",
    ...(inputs.synthetic ? [`Synthetic demonstration data: observed activity and funded capacity come from ${inputs.synthetic.organisations.join(", ")}.`] : []),
  ];
}

function fileStem(inputs: LoadedDemandInputs, spec: DemandScenarioSpec, today: string) {
  return `demand-${inputs.icb.code}-${spec.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "scenario"}-${today}`;
}

/** The neighbourhood table (with places and the system below) as CSV, with what it is at the top. */
export function demandCsv({ inputs, spec, today, table = "all" }: { inputs: LoadedDemandInputs; spec: DemandScenarioSpec; today: string; table?: "all" | "neighbourhoods" | "places" | "projection" | "calibration" }): Response {
  const tables = demandExportTables(demandViewFor(inputs, spec));
  const lines = preamble(inputs, spec, today).map((l) => csvCell(l));
  const wanted = table === "all" ? ["Neighbourhoods", "Places", "System"] : table === "places" ? ["Places", "System"] : [table[0].toUpperCase() + table.slice(1)];
  for (const t of tables.filter((t) => wanted.includes(t.name))) {
    lines.push("", csvCell(t.name), t.header.map(csvCell).join(","), ...t.rows.map((r) => r.map(csvCell).join(",")));
  }
  return new Response(`\ufeff${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileStem(inputs, spec, today)}${table === "all" ? "" : `-${table}`}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** Every table as one workbook: a sheet each, with the same preamble on an "About" sheet. */
export async function demandXlsx({ inputs, spec, today }: { inputs: LoadedDemandInputs; spec: DemandScenarioSpec; today: string }): Promise<Response> {
  const tables: ExportTable[] = demandExportTables(demandViewFor(inputs, spec));
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Health justice commissioning";
  const about = workbook.addWorksheet("About");
  preamble(inputs, spec, today).forEach((line) => about.addRow([line]));
  about.getColumn(1).width = 120;
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.name);
    sheet.addRow(t.header).font = { bold: true };
    t.rows.forEach((r) => sheet.addRow(r));
    sheet.columns.forEach((c, i) => (c.width = i < 2 ? 32 : 18));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  neutraliseWorkbook(workbook);
  const bytes = Uint8Array.from(new Uint8Array(await workbook.xlsx.writeBuffer()));
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileStem(inputs, spec, today)}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
