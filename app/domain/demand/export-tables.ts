/**
 * The tables a demand export holds (CSV: the neighbourhood table; XLSX: every table),
 * shaped from a DemandView. Pure: the service writes them out.
 */
import { PARAMETER_CATALOGUE, PARAMETER_IDS } from "./parameters";
import { pence, type DemandView } from "./view";

export type ExportTable = { name: string; header: string[]; rows: (string | number | null)[][] };

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export function demandExportTables(view: DemandView): ExportTable[] {
  const { result } = view;
  const measureHeader = [
    "Registered adults (18+)",
    "Potential demand",
    "Expected clients",
    "Expected clients lower",
    "Expected clients upper",
    "Funded adviser FTE",
    "Capacity (clients)",
    "Unmet need (clients)",
    "Unmet need lower",
    "Unmet need upper",
    "Surplus capacity (clients)",
    "Adviser FTE needed",
    "Budget needed (pence)",
    "Budget needed lower (pence)",
    "Budget needed upper (pence)",
  ];
  const measures = (m: DemandView["result"]["system"]["measures"]) => [
    Math.round(m.registeredAdults),
    r1(m.potentialDemand.central),
    r1(m.expectedClients.central),
    r1(m.expectedClients.lower),
    r1(m.expectedClients.upper),
    r2(m.fundedFte),
    r1(m.capacityClients.central),
    r1(m.unmetNeedClients.central),
    r1(m.unmetNeedClients.lower),
    r1(m.unmetNeedClients.upper),
    r1(m.surplusClients.central),
    r2(m.fteNeeded.central),
    pence(m.budgetNeededGbp.central),
    pence(m.budgetNeededGbp.lower),
    pence(m.budgetNeededGbp.upper),
  ];
  const tables: ExportTable[] = [
    {
      name: "Neighbourhoods",
      header: ["PCN code", "Neighbourhood", "Places (share)", "IMD decile", "LTC prevalence (qof-dep)", ...measureHeader],
      rows: view.ranked.map((n) => [
        n.code,
        n.name,
        n.placeShares.map((p) => `${result.places.find((x) => x.code === p.placeCode)?.name ?? p.placeCode} (${Math.round(p.share * 100)}%)`).join("; "),
        n.inputs.imdDecile,
        n.inputs.ltcPrevalence === null ? null : Math.round(n.inputs.ltcPrevalence * 10000) / 10000,
        ...measures(n.measures),
      ]),
    },
    { name: "Places", header: ["Place code", "Place", ...measureHeader], rows: result.places.map((p) => [p.code, p.name, ...measures(p.measures)]) },
    { name: "System", header: ["Area", ...measureHeader], rows: [["System (ICB)", ...measures(result.system.measures)]] },
    {
      name: "Parameters",
      header: ["Parameter", "Value", "Low", "High", "Unit", "Evidence or assumption"],
      rows: PARAMETER_IDS.map((id) => {
        const p = result.parameters[id];
        const def = PARAMETER_CATALOGUE[id];
        return [def.label, p.value, p.low, p.high, def.unit, def.assumption ? `Assumption: ${def.note}` : def.source];
      }),
    },
    {
      name: "Projection",
      header: ["Year", "Registered adults", "Expected clients", "Capacity (clients)", "Unmet need (clients)", "Adviser FTE needed", "Budget needed (pence)", "Budget lower (pence)", "Budget upper (pence)"],
      rows: view.projection.map((y) => [y.year, Math.round(y.registeredAdults), r1(y.expectedClients), r1(y.capacityClients), r1(y.unmetNeedClients), r2(y.fteNeeded), y.budgetNeededPence, y.budgetLowerPence, y.budgetUpperPence]),
    },
  ];
  if (view.calibration) {
    tables.push({
      name: "Calibration",
      header: ["PCN code", "Neighbourhood", "Observed clients (disclosure controlled)", "Expected clients", "Observed ÷ expected", "Funnel position"],
      rows: view.calibration.rows.map((c) => {
        const shown = view.observedShown[c.code] ?? null;
        return [c.code, c.name, shown === null ? "*" : shown, r1(c.expected), shown === null || c.ratio === null ? null : r2(c.ratio), c.position];
      }),
    });
  }
  return tables;
}
