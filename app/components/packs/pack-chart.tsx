import { DecileChart } from "~/components/charts/decile-chart";
import { SpineChart } from "~/components/charts/spine-chart";
import { spineRow } from "~/components/charts/view-tables";
import type { PackChart, PackTable } from "~/services/packs/section-types";
import { BarChart } from "../hjp-charts/bar-chart";
import { barsFromTable } from "../hjp-charts/chart-data";

/**
 * One chart of a pack section, drawn as SVG by the product's own chart components: on
 * the page, and (rendered to static markup) in the PDF.
 */
export function PackChartView({ chart, tables, standalone = false }: { chart: PackChart; tables: PackTable[]; standalone?: boolean }) {
  if (chart.type === "spine") return <SpineChart id={chart.id} title={chart.title} areaName={chart.areaName} rows={chart.rows.map(spineRow)} standalone={standalone} />;
  if (chart.type === "decile") {
    return <DecileChart id={chart.id} title={chart.title} figures={chart.figures} of={chart.of} fitted={chart.fitted} unit={chart.unit} decimals={chart.decimals} siiText={chart.siiText} standalone={standalone} />;
  }
  const table = tables.find((t) => t.id === chart.table);
  if (!table) return null;
  const skip = new Set(chart.skip ?? []);
  const bars = barsFromTable(table, chart.column, { skip: (k) => skip.has(k) });
  const hidden = bars.filter((b) => b.value === null).length;
  return (
    <BarChart
      id={chart.id}
      title={chart.title}
      description={`${chart.description} ${bars.length} bars. ${hidden ? `${hidden} figures are not shown to protect privacy. ` : ""}The same figures are in the table below.`}
      bars={bars}
      colour={chart.colour}
    />
  );
}
