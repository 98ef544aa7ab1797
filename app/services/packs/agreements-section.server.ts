/**
 * The "Partnership agreements" pack section: the ICB's register of agreements with VCSE
 * organisations, and for each active agreement how its KPIs stood in the latest quarter
 * judged, through the register's own services (listAgreements, computeKpiDelivery), so
 * the pack shows what the register and its delivery tab show. A place's pack shows its
 * ICB's agreements: agreements are made by the ICB, not by places.
 */
import type { Queryable } from "../../../db/client";
import type { Actor } from "../../auth/permissions";
import type { Rag } from "../../domain/agreements/kpis";
import { STATUS_LABELS, TYPE_LABELS } from "../../domain/agreements/lifecycle";
import { getAgreement, listAgreements } from "../agreements/agreements.server";
import { computeKpiDelivery } from "../agreements/delivery.server";
import { base, longDate, type SectionLoader } from "./section-base.server";
import type { PackRow } from "./section-types";

export const SYNTHETIC_AGREEMENTS_LABEL =
  "Synthetic demonstration data: agreements marked as synthetic are made up for demonstration, between the ICB and fictional organisations, and their KPI actuals come from synthetic HJP activity. They describe no real agreement, service, organisation or client.";

const RAG_COLUMNS: { key: Rag; label: string }[] = [
  { key: "green", label: "On track" },
  { key: "amber", label: "Slightly behind" },
  { key: "red", label: "Off track" },
  { key: "no-data", label: "No data" },
];

export const loadAgreementsSection: SectionLoader = async (db: Queryable, { area, today }) => {
  const section = base("agreements", area);
  // The register is read as a strategist of the pack's ICB: packs are visible only to
  // that ICB's commissioners and strategists, who may read all of its agreements.
  const actor: Actor = { id: 0, role: "strategist", icbCode: area.icbCode, organisationId: null };
  const register = await listAgreements({ db, actor });
  if (!register.length) return { ...section, status: "empty", message: `There are no partnership agreements for ${area.icbName} in the register.` };
  const synthetic = register.some((a) => a.synthetic);

  section.tables.push({
    id: "agreements",
    title: `Partnership agreements of ${area.icbName}`,
    description: "Every agreement in the register, with its current version's parties, value and term, soonest ending first.",
    rowHeader: "Agreement",
    columns: [
      { key: "type", label: "Type", format: "text" },
      { key: "status", label: "Status", format: "text" },
      { key: "organisations", label: "VCSE organisations", format: "text" },
      { key: "value", label: "Value", format: "pence" },
      { key: "start", label: "Starts", format: "date" },
      { key: "end", label: "Ends", format: "date" },
      ...(synthetic ? [{ key: "synthetic", label: "Data", format: "text" as const }] : []),
    ],
    rows: register.map((a) => ({
      key: String(a.id),
      label: a.title,
      cells: {
        type: TYPE_LABELS[a.type],
        status: STATUS_LABELS[a.status],
        organisations: a.organisations.join("; "),
        value: a.valuePence,
        start: a.startDate,
        end: a.endDate,
        ...(synthetic ? { synthetic: a.synthetic ? "Synthetic demonstration data" : null } : {}),
      },
    })),
  });

  // KPI delivery only for active agreements: the others are not being delivered now.
  // Few agreements are active at once, so reading each one's delivery is cheap.
  const active = register.filter((a) => a.status === "active");
  const deliveryRows: PackRow[] = [];
  const totals: Record<Rag, number> = { green: 0, amber: 0, red: 0, "no-data": 0, "not-due": 0 };
  for (const row of active) {
    const agreement = await getAgreement({ db, actor, id: row.id });
    if (!agreement) continue;
    const kpis = await computeKpiDelivery({ db, agreement, today });
    const counts: Record<Rag, number> = { green: 0, amber: 0, red: 0, "no-data": 0, "not-due": 0 };
    for (const k of kpis) counts[k.latest?.rag ?? "not-due"]++;
    for (const c of RAG_COLUMNS) totals[c.key] += counts[c.key];
    totals["not-due"] += counts["not-due"];
    deliveryRows.push({ key: String(row.id), label: row.title, cells: { kpis: kpis.length, ...Object.fromEntries(RAG_COLUMNS.map((c) => [c.key, counts[c.key]])), notDue: counts["not-due"] } });
  }
  if (deliveryRows.length) {
    section.tables.push({
      id: "kpi-delivery",
      title: "Delivery against KPIs of the active agreements",
      description:
        "For each active agreement, how many of its KPIs are on track, slightly behind or off track in the latest quarter judged (a quarter still running is judged on the share of it that has passed), from HJP activity or accepted VCSE returns.",
      rowHeader: "Agreement",
      columns: [
        { key: "kpis", label: "KPIs", format: "count" },
        ...RAG_COLUMNS.map((c) => ({ key: c.key, label: c.label, format: "count" as const })),
        { key: "notDue", label: "Not yet due", format: "count" },
      ],
      rows: deliveryRows,
      total: {
        key: "total",
        label: "All active agreements",
        cells: { kpis: Object.values(totals).reduce((s, n) => s + n, 0), ...Object.fromEntries(RAG_COLUMNS.map((c) => [c.key, totals[c.key]])), notDue: totals["not-due"] },
      },
    });
    section.charts.push({ type: "bars", id: "agreements-off-track", table: "kpi-delivery", column: "red", colour: "#d5281b", title: "KPIs off track, by active agreement", description: "Bar chart of the number of each active agreement's KPIs off track in the latest quarter judged." });
  }

  const live = register.filter((a) => a.status === "active" || a.status === "agreed");
  section.keyFigures = [
    { label: "Agreements in the register", value: register.length, format: "count" },
    { label: "Active agreements", value: active.length, format: "count" },
    { label: "Value of active and agreed agreements", value: live.reduce((s, a) => s + a.valuePence, 0), format: "pence" },
    ...(deliveryRows.length ? [{ label: "KPIs off track in the latest quarter judged", value: totals.red, format: "count" as const, detail: `(of ${totals.green + totals.amber + totals.red + totals["no-data"]} judged)` }] : []),
  ];
  section.synthetic = synthetic ? SYNTHETIC_AGREEMENTS_LABEL : null;
  section.sources = ["The partnership agreements register of this product (each agreement's current version)", "KPI actuals: HJP activity of the services each agreement covers, or accepted VCSE web-form returns"];
  section.periods = [`Agreements as recorded on ${longDate(today)}`, "KPI delivery: the latest quarter judged of each KPI"];
  section.caveats = [
    "Values are the whole value of each agreement over its term, in pounds.",
    ...(area.level === "place" ? [`Agreements are made by ${area.icbName}, not by places: every agreement of the ICB is listed, whatever its footprint.`] : []),
    "KPI actuals of clients are judged on unrounded figures; the agreement's delivery tab shows them under the disclosure rule.",
  ];
  section.vintage = `The register as at ${longDate(today)}`;
  return section;
};
