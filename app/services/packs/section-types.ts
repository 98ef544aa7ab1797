/**
 * What a pack section holds once loaded: everything the page, the PDF and the
 * spreadsheet annex show, already through disclosure control, as plain JSON (a
 * published pack stores exactly this). No server code here, so components may import it.
 */
import type { QuantileFigure } from "../../domain/charts/inequality";
import type { Cell, CellFormat, DisclosedTable, TableRow } from "../../domain/disclosure/table";
import type { SectionKind } from "../../domain/packs/sections";
import type { ProfileRow } from "../indicators/views.server";

/** A row may say how many decimals its "decimal" cells have (indicators differ in their units). */
export type PackRow = TableRow & { decimals?: number };
export type PackTable = Omit<DisclosedTable, "rows" | "total"> & { rows: PackRow[]; total?: PackRow };

export type PackChart =
  | { type: "bars"; id: string; title: string; description: string; table: string; column: string; colour?: string; skip?: string[] }
  | { type: "spine"; id: string; title: string; areaName: string; rows: ProfileRow[] }
  | { type: "decile"; id: string; title: string; figures: QuantileFigure[]; of: 5 | 10; fitted: { quantile: number; value: number }[] | null; unit: string; decimals: number; siiText: string };

export type KeyFigure = { label: string; value: Cell; format: CellFormat; decimals?: number; detail?: string };

export type PackArea = { level: "icb" | "place"; code: string; name: string; icbCode: string; icbName: string };

export type SectionData = {
  kind: SectionKind;
  title: string;
  /** "placeholder": the section's data is not installed; "empty": nothing to show for this area. */
  status: "ready" | "placeholder" | "empty";
  message: string | null;
  area: { code: string; name: string };
  keyFigures: KeyFigure[];
  charts: PackChart[];
  tables: PackTable[];
  sources: string[];
  periods: string[];
  caveats: string[];
  /** The "synthetic demonstration data" label, when any figure in the section is synthetic. */
  synthetic: string | null;
  /** How current the data is, in words ("HJP referrals to 28 November 2026"). */
  vintage: string | null;
};
