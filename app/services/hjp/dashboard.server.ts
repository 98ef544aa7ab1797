/**
 * The HJP dashboards (ICB, place, neighbourhood, service): the database roll-ups of
 * rollups.server.ts turned into tables after disclosure control (app/domain/disclosure).
 * Pages and CSV exports read the same tables, so what is shown and what is exported are
 * the same figures; no unrounded count of people leaves this module.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { type Actor, canAccess } from "../../auth/permissions";
import {
  type Cell,
  cell,
  type CellFormat,
  type DisclosedTable,
  discloseCount,
  discloseCountLine,
  discloseMean,
  discloseProportion,
  discloseRate,
  discloseSumLine,
  SUPPRESSED_MARK,
} from "../../domain/disclosure/index";
import { DELIVERY_MODELS, FUNDER_TYPES, HOUSING_OUTCOMES, labelOf, PROBLEM_AREAS, PROBLEM_RESOLVED, REFERRAL_SOURCES, SETTINGS, type Vocabulary } from "../../domain/hjp/vocabularies";
import { type Geometry, projectMap } from "../../domain/maps/projection";
import { addDays, addMonths, quarterFrom, quarterOf } from "../../domain/synthetic/dates";
import { placeMembership, type PlaceMembership } from "../geography/areas.server";
import {
  type AwardRow,
  describeScope,
  type Dimension,
  type FootprintFilter,
  type HjpScope,
  listAwards,
  listServices,
  NO_PLACE,
  NOT_KNOWN,
  OUTSIDE_ICB,
  rollUpHjpBy,
  type RollupRow,
  rollUpTraining,
  type TrainingRollup,
} from "./rollups.server";
import type { Headline, HjpLevel, HjpMap, HjpView, ServiceSummary } from "./view-types";

export type { Headline, HjpLevel, HjpMap, HjpView, ServiceSummary };

export const SYNTHETIC_LABEL = "Synthetic demonstration data: made by a seeded generator from published figures for health justice partnerships. It describes no real service, organisation or client.";

type AreaInfo = { code: string; name: string; registeredAdults: number | null; imdDecile: number | null };

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** An area of a level with the ICB it belongs to, or null. ICBs are found by ONS or ODS code. */
async function findArea(db: Queryable, level: "icb" | "place" | "neighbourhood", code: string): Promise<{ code: string; name: string; icbCode: string } | null> {
  const upper = code.toUpperCase();
  const [r] =
    level === "place"
      ? await rows<{ code: string; name: string; icb_code: string }>(
          db,
          sql`select code, name, icb_code from areas where level = 'place' and code = ${code} union all select code, name, icb_code from custom_places where code = ${code} and active`
        )
      : await rows<{ code: string; name: string; icb_code: string }>(
          db,
          sql`select code, name, icb_code from areas where level = ${level} and (code = ${upper} or (level = 'icb' and ods_code = ${upper}))`
        );
  return r?.icb_code ? { code: r.code, name: r.name, icbCode: r.icb_code } : null;
}

async function areaInfo(db: Queryable, icbCode: string): Promise<Map<string, AreaInfo>> {
  const list = await rows<{ code: string; name: string; registered_adults: number | null; imd_decile: number | null }>(
    db,
    sql`select code, name, registered_adults, imd_decile from areas where icb_code = ${icbCode} and level in ('place', 'neighbourhood')
        union all select code, name, null, null from custom_places where icb_code = ${icbCode} and active`
  );
  return new Map(
    list.map((r) => [
      r.code,
      { code: r.code, name: r.name, registeredAdults: r.registered_adults === null ? null : Number(r.registered_adults), imdDecile: r.imd_decile === null ? null : Number(r.imd_decile) },
    ])
  );
}

/** The financial years from the first referral to the last, newest first ("2025-26"). */
export function financialYears(first: string | null, last: string | null): string[] {
  if (!first || !last) return [];
  const out: string[] = [];
  for (let y = quarterOf(first).year; y <= quarterOf(last).year; y++) out.push(`${y}-${String((y + 1) % 100).padStart(2, "0")}`);
  return out.reverse();
}

function yearRange(year: string): { from: string; to: string } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The last four complete quarters before today's: the window for clients per 1,000 adults a year. */
export function reachWindow(today: string) {
  const current = quarterOf(today);
  const start = quarterFrom(current.year - 1, current.quarter);
  const to = addDays(current.start, -1);
  return { from: start.start, to, label: `${start.label} to ${quarterOf(to).label}` };
}

const label = (vocabulary: Vocabulary, key: string) => labelOf(vocabulary, key) ?? key;

function footprintLabel(key: string, areas: Map<string, AreaInfo>): string {
  if (key === OUTSIDE_ICB) return "Outside the ICB (registered with a GP in another ICB)";
  if (key === NOT_KNOWN) return "Neighbourhood not recorded";
  if (key === NO_PLACE) return "Neighbourhood in no place";
  return areas.get(key)?.name ?? key;
}

/** A percentage as a cell: `*` when either count it rests on is hidden or it would reveal a small count. */
function percentCell(numerator: number, denominator: number, hidden: boolean): Cell {
  if (hidden) return SUPPRESSED_MARK;
  const p = discloseProportion({ numerator, denominator });
  return p.hidden ? SUPPRESSED_MARK : p.value;
}

const EMPTY: Omit<RollupRow, "key"> = {
  referrals: 0,
  attended: 0,
  attendedRecent: 0,
  closedAttended: 0,
  clientsWithGains: 0,
  gainsRecurringPence: 0,
  gainsOneOffPence: 0,
  clientsWithDebtOutcome: 0,
  debtManagedPence: 0,
  debtWrittenOffPence: 0,
  housingOutcomes: 0,
  dampMould: 0,
  dampMouldRepaired: 0,
  resolvedYes: 0,
  resolvedPartly: 0,
  resolvedNo: 0,
  wellbeingN: 0,
  wellbeingMeanChange: null,
  wellbeingSdChange: null,
};

type Extra = { key: string; label: string; format: CellFormat; value: (r: RollupRow, isTotal: boolean) => Cell };

/**
 * Referrals and attended clients per row, each column disclosed as a line against the
 * total row when there is one (complementary suppression), with % attended and, when
 * asked, % of all referrals.
 */
function activityTable(o: {
  id: string;
  title: string;
  description: string;
  rowHeader: string;
  data: RollupRow[];
  label: (key: string) => string;
  href?: (key: string) => string | undefined;
  /** The total the rows add up to, shown beside them; null for non-additive rows (a client may have several problems). */
  total: RollupRow | null;
  share?: boolean;
  notes?: string[];
  extra?: Extra[];
}): DisclosedTable {
  const t = o.total;
  const referrals = discloseCountLine(
    o.data.map((r) => r.referrals),
    { total: t?.referrals, totalShown: Boolean(t) }
  );
  const attended = discloseCountLine(
    o.data.map((r) => r.attended),
    { total: t?.attended, totalShown: Boolean(t) }
  );
  const cells = (r: RollupRow, ref: Cell, att: Cell, isTotal: boolean): Record<string, Cell> => ({
    referrals: ref,
    ...(o.share ? { share: isTotal ? (ref === SUPPRESSED_MARK ? SUPPRESSED_MARK : r.referrals ? 100 : null) : percentCell(r.referrals, t?.referrals ?? 0, ref === SUPPRESSED_MARK) } : {}),
    attended: att,
    attendance: percentCell(r.attended, r.referrals, ref === SUPPRESSED_MARK || att === SUPPRESSED_MARK),
    ...Object.fromEntries((o.extra ?? []).map((x) => [x.key, x.value(r, isTotal)])),
  });
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    rowHeader: o.rowHeader,
    columns: [
      { key: "referrals", label: "Referrals", format: "count" },
      ...(o.share ? [{ key: "share", label: "% of referrals", format: "percent" as const }] : []),
      { key: "attended", label: "Clients attended", format: "count" },
      { key: "attendance", label: "% attended", format: "percent" },
      ...(o.extra ?? []).map(({ key, label, format }) => ({ key, label, format })),
    ],
    rows: o.data.map((r, i) => ({ key: r.key, label: o.label(r.key), href: o.href?.(r.key), cells: cells(r, cell(referrals.parts[i]), cell(attended.parts[i]), false) })),
    total: t ? { key: "total", label: "Total", cells: cells(t, cell(referrals.total), cell(attended.total), true) } : undefined,
    notes: o.notes,
  };
}

/** Sums of money about people (with the people they rest on) by financial year, disclosed against the all-years total. */
function moneyTable(o: {
  id: string;
  title: string;
  description: string;
  data: RollupRow[];
  total: RollupRow | null;
  people: { key: string; label: string; of: (r: RollupRow) => number };
  sums: { key: string; label: string; of: (r: RollupRow) => number }[];
  mean?: { key: string; label: string };
}): DisclosedTable {
  const t = o.total;
  const people = discloseCountLine(o.data.map(o.people.of), { total: t ? o.people.of(t) : undefined, totalShown: Boolean(t) });
  const sums = o.sums.map((s) =>
    discloseSumLine(
      o.data.map((r) => ({ sum: s.of(r), people: o.people.of(r) })),
      { total: t ? { sum: s.of(t), people: o.people.of(t) } : undefined, totalShown: Boolean(t) }
    )
  );
  const row = (r: RollupRow, i: number | null): Record<string, Cell> => {
    const parts = sums.map((line) => (i === null ? line.total : line.parts[i]));
    const out: Record<string, Cell> = { [o.people.key]: cell(i === null ? people.total : people.parts[i]) };
    o.sums.forEach((s, k) => (out[s.key] = cell(parts[k])));
    if (o.mean) {
      const n = o.people.of(r);
      const hidden = parts.some((p) => p.value === null);
      const m = discloseMean({ n, mean: n ? o.sums.reduce((s, x) => s + x.of(r), 0) / n : null, sd: null });
      out[o.mean.key] = hidden || m.hidden ? SUPPRESSED_MARK : m.value;
    }
    return out;
  };
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    rowHeader: "Financial year",
    columns: [
      { key: o.people.key, label: o.people.label, format: "count" },
      ...o.sums.map((s) => ({ key: s.key, label: s.label, format: "pence" as const })),
      ...(o.mean ? [{ key: o.mean.key, label: o.mean.label, format: "pence" as const }] : []),
    ],
    rows: o.data.map((r, i) => ({ key: r.key, label: r.key, cells: row(r, i) })),
    total: t ? { key: "total", label: "All years", cells: row(t, null) } : undefined,
  };
}

/** One count per value of a vocabulary (housing outcome, problem resolved), with % of the total. */
function breakdownTable(o: { id: string; title: string; description: string; rowHeader: string; data: RollupRow[]; vocabulary: Vocabulary }): DisclosedTable {
  const order = new Map(o.vocabulary.map((term, i) => [term.code, i]));
  const data = [...o.data].sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99));
  const values = data.map((r) => r.referrals);
  const total = values.reduce((s, n) => s + n, 0);
  const line = discloseCountLine(values);
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    rowHeader: o.rowHeader,
    columns: [
      { key: "clients", label: "Clients", format: "count" },
      { key: "share", label: "% of clients", format: "percent" },
    ],
    rows: data.map((r, i) => ({ key: r.key, label: label(o.vocabulary, r.key), cells: { clients: cell(line.parts[i]), share: percentCell(values[i], total, line.parts[i].value === null) } })),
    total: { key: "total", label: "Total", cells: { clients: cell(line.total), share: line.total.value === null ? SUPPRESSED_MARK : total ? 100 : null } },
  };
}

function dampMouldTable(data: RollupRow[], total: RollupRow | null): DisclosedTable {
  const clients = discloseCountLine(
    data.map((r) => r.dampMould),
    { total: total?.dampMould, totalShown: Boolean(total) }
  );
  const repaired = discloseCountLine(
    data.map((r) => r.dampMouldRepaired),
    { total: total?.dampMouldRepaired, totalShown: Boolean(total) }
  );
  const row = (r: RollupRow, c: Cell, rep: Cell) => ({ clients: c, repaired: rep, share: percentCell(r.dampMouldRepaired, r.dampMould, c === SUPPRESSED_MARK || rep === SUPPRESSED_MARK) });
  return {
    id: "damp-mould",
    title: "Damp and mould",
    description: "Clients referred with damp or mould in their home (a hazard Awaab's Law sets repair timescales for), and those whose advice secured repairs, by financial year of referral.",
    rowHeader: "Financial year",
    columns: [
      { key: "clients", label: "Clients with damp or mould", format: "count" },
      { key: "repaired", label: "Repairs secured", format: "count" },
      { key: "share", label: "% with repairs secured", format: "percent" },
    ],
    rows: data.map((r, i) => ({ key: r.key, label: r.key, cells: row(r, cell(clients.parts[i]), cell(repaired.parts[i])) })),
    total: total ? { key: "total", label: "All years", cells: row(total, cell(clients.total), cell(repaired.total)) } : undefined,
  };
}

function wellbeingTable(data: RollupRow[], total: RollupRow | null): DisclosedTable {
  const row = (r: RollupRow): Record<string, Cell> => {
    const m = discloseMean({ n: r.wellbeingN, mean: r.wellbeingMeanChange, sd: r.wellbeingSdChange });
    return { clients: cell(discloseCount(r.wellbeingN)), mean: m.hidden ? SUPPRESSED_MARK : m.value, lower: m.hidden ? SUPPRESSED_MARK : m.lower, upper: m.hidden ? SUPPRESSED_MARK : m.upper };
  };
  return {
    id: "wellbeing",
    title: "Change in wellbeing",
    description:
      "Average change in the Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS, 7 to 35) from first contact to follow-up, for clients with both scores, by financial year of referral, with its 95% confidence interval. For one person a change of 1 to 3 points is meaningful.",
    rowHeader: "Financial year",
    columns: [
      { key: "clients", label: "Clients with both scores", format: "count" },
      { key: "mean", label: "Average change (points)", format: "decimal" },
      { key: "lower", label: "Lower 95% limit", format: "decimal" },
      { key: "upper", label: "Upper 95% limit", format: "decimal" },
    ],
    rows: data.map((r) => ({ key: r.key, label: r.key, cells: row(r) })),
    total: total ? { key: "total", label: "All years", cells: row(total) } : undefined,
  };
}

function trainingTable(data: TrainingRollup[]): DisclosedTable {
  const roles = ["gp", "nurse", "receptionist", "other"] as const;
  const lines = Object.fromEntries(roles.map((role) => [role, discloseCountLine(data.map((r) => r[role]))]));
  return {
    id: "training",
    title: "Health staff trained to spot legal needs",
    description:
      "Health and care staff who attended the services' training on spotting health-harming legal needs and referring (the 'critical noticers'), by financial year. Sessions are not people and are shown in full.",
    rowHeader: "Financial year",
    columns: [
      { key: "sessions", label: "Sessions", format: "count" },
      { key: "gp", label: "GPs", format: "count" },
      { key: "nurse", label: "Nurses", format: "count" },
      { key: "receptionist", label: "Receptionists and care navigators", format: "count" },
      { key: "other", label: "Other staff", format: "count" },
    ],
    rows: data.map((r, i) => ({ key: r.key, label: r.key, cells: { sessions: r.sessions, ...Object.fromEntries(roles.map((role) => [role, cell(lines[role].parts[i])])) } })),
    total: data.length
      ? { key: "total", label: "All years", cells: { sessions: data.reduce((s, r) => s + r.sessions, 0), ...Object.fromEntries(roles.map((role) => [role, cell(lines[role].total)])) } }
      : undefined,
  };
}

function fundersTable(awards: AwardRow[]): DisclosedTable {
  const byFunder = new Map<string, { name: string; type: string; awards: number; pence: number }>();
  for (const a of awards) {
    const f = byFunder.get(a.funderName) ?? { name: a.funderName, type: a.funderType, awards: 0, pence: 0 };
    f.awards++;
    f.pence += a.amountAwardedPence;
    byFunder.set(a.funderName, f);
  }
  const total = awards.reduce((s, a) => s + a.amountAwardedPence, 0);
  const underAYear = awards.filter((a) => a.months !== null && a.months < 12).length;
  return {
    id: "funders",
    title: "Funding by funder",
    description: "Funding awards running today, by funder, with the whole amount of each award. Awards are not about people, so they are shown in full.",
    rowHeader: "Funder",
    columns: [
      { key: "type", label: "Type of funder", format: "text" },
      { key: "awards", label: "Awards", format: "count" },
      { key: "amount", label: "Amount awarded", format: "pence" },
      { key: "share", label: "% of funding", format: "percent" },
    ],
    rows: [...byFunder.values()]
      .sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name))
      .map((f) => ({ key: f.name, label: f.name, cells: { type: label(FUNDER_TYPES, f.type), awards: f.awards, amount: f.pence, share: total ? (f.pence / total) * 100 : null } })),
    total: { key: "total", label: "Total", cells: { type: null, awards: awards.length, amount: total, share: total ? 100 : null } },
    notes: awards.length ? [`${underAYear} of the ${awards.length} awards running today last less than a year; nationally almost 40% of health justice partnerships are funded for under a year.`] : [],
  };
}

const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const longDate = (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));

function cliffTable(awards: AwardRow[], today: string): DisclosedTable {
  const until = addMonths(today, 12);
  return {
    id: "funding-cliff",
    title: "Funding cliff: awards ending within 12 months",
    description: `Funding awards due to end between ${longDate(today)} and ${longDate(until)}, soonest first: the services that may stop unless they are funded again.`,
    rowHeader: "Award",
    columns: [
      { key: "service", label: "Service", format: "text" },
      { key: "funder", label: "Funder", format: "text" },
      { key: "amount", label: "Amount awarded", format: "pence" },
      { key: "months", label: "Length (months)", format: "count" },
      { key: "ends", label: "Ends", format: "date" },
    ],
    rows: awards
      .filter((a) => a.plannedEnd && a.plannedEnd >= today && a.plannedEnd <= until)
      .map((a) => ({
        key: a.grantId,
        label: a.title,
        href: a.serviceId ? `/hjp/services/${a.serviceId}` : undefined,
        cells: { service: a.serviceName ?? `${a.organisationName} (whole organisation)`, funder: a.funderName, amount: a.amountAwardedPence, months: a.months, ends: a.plannedEnd },
      })),
  };
}

function awardsTable(awards: AwardRow[]): DisclosedTable {
  return {
    id: "awards",
    title: "Funding awards",
    description: "Every funding award for this service, newest first. Awards are not about people, so they are shown in full.",
    rowHeader: "Award",
    columns: [
      { key: "funder", label: "Funder", format: "text" },
      { key: "amount", label: "Amount awarded", format: "pence" },
      { key: "disbursed", label: "Paid so far", format: "pence" },
      { key: "starts", label: "Starts", format: "date" },
      { key: "ends", label: "Ends", format: "date" },
    ],
    rows: [...awards]
      .sort((a, b) => (b.plannedStart ?? "").localeCompare(a.plannedStart ?? "") || a.grantId.localeCompare(b.grantId))
      .map((a) => ({ key: a.grantId, label: a.title, cells: { funder: a.funderName, amount: a.amountAwardedPence, disbursed: a.amountDisbursedPence, starts: a.plannedStart, ends: a.plannedEnd } })),
  };
}

/** Reach against need for the neighbourhoods listed: clients a year per 1,000 registered adults beside deprivation. */
function reachTables(o: { nbhRows: RollupRow[]; neighbourhoods: { area: AreaInfo; share: number }[]; reachLabel: string }): DisclosedTable[] {
  const recent = new Map(o.nbhRows.map((r) => [r.key, r.attendedRecent]));
  const list = [...o.neighbourhoods].sort((a, b) => (a.area.imdDecile ?? 11) - (b.area.imdDecile ?? 11) || a.area.name.localeCompare(b.area.name));
  const clients = discloseCountLine(
    list.map((n) => recent.get(n.area.code) ?? 0),
    { totalShown: false }
  );
  const adults = (n: { area: AreaInfo; share: number }) => (n.area.registeredAdults ?? 0) * n.share;
  const byNeighbourhood: DisclosedTable = {
    id: "reach",
    title: "Reach against need by neighbourhood",
    description: `Clients who attended in the last four complete quarters (${o.reachLabel}) per 1,000 registered adults, beside the neighbourhood's deprivation (national decile of PCNs, IMD 2019; 1 = most deprived).`,
    rowHeader: "Neighbourhood",
    columns: [
      { key: "decile", label: "Deprivation decile", format: "count" },
      { key: "adults", label: "Registered adults", format: "count" },
      { key: "clients", label: "Clients attended", format: "count" },
      { key: "rate", label: "Clients per 1,000 adults", format: "per-thousand" },
    ],
    rows: list.map((n, i) => {
      const rate = discloseRate({ count: recent.get(n.area.code) ?? 0, population: adults(n) || null });
      return {
        key: n.area.code,
        label: n.area.name,
        href: `/neighbourhood/${n.area.code}/hjp`,
        cells: { decile: n.area.imdDecile, adults: Math.round(adults(n)), clients: cell(clients.parts[i]), rate: rate.hidden ? SUPPRESSED_MARK : rate.value },
      };
    }),
    notes: [
      "Registered adults are patients aged 18 and over on the practices' lists (QOF 2022-23): they are not about clients and are shown in full. A neighbourhood shared with another place counts here by its share.",
    ],
  };
  const quintiles = new Map<string, { adults: number; clients: number }>();
  for (const n of list) {
    const q = n.area.imdDecile ? String(Math.ceil(n.area.imdDecile / 2)) : NOT_KNOWN;
    const acc = quintiles.get(q) ?? { adults: 0, clients: 0 };
    acc.adults += adults(n);
    acc.clients += recent.get(n.area.code) ?? 0;
    quintiles.set(q, acc);
  }
  const keys = [...quintiles.keys()].sort((a, b) => (a === NOT_KNOWN ? 9 : Number(a)) - (b === NOT_KNOWN ? 9 : Number(b)));
  const qLine = discloseCountLine(
    keys.map((k) => quintiles.get(k)!.clients),
    { totalShown: false }
  );
  const qLabel = (k: string) => (k === NOT_KNOWN ? "Not known" : k === "1" ? "1 (most deprived fifth)" : k === "5" ? "5 (least deprived fifth)" : k);
  const byQuintile: DisclosedTable = {
    id: "reach-deprivation",
    title: "Reach by neighbourhood deprivation",
    description: `Clients who attended in ${o.reachLabel} per 1,000 registered adults, by the deprivation fifth of their neighbourhood (deciles 1–2 are the most deprived fifth). Reach in proportion to need would be highest in the most deprived fifth.`,
    rowHeader: "Neighbourhood deprivation (fifth)",
    columns: [
      { key: "adults", label: "Registered adults", format: "count" },
      { key: "clients", label: "Clients attended", format: "count" },
      { key: "rate", label: "Clients per 1,000 adults", format: "per-thousand" },
    ],
    rows: keys.map((k, i) => {
      const q = quintiles.get(k)!;
      const rate = discloseRate({ count: q.clients, population: q.adults || null });
      return { key: k, label: qLabel(k), cells: { adults: Math.round(q.adults), clients: cell(qLine.parts[i]), rate: qLine.parts[i].value === null || rate.hidden ? SUPPRESSED_MARK : rate.value } };
    }),
  };
  return [byNeighbourhood, byQuintile];
}

const REACH_BANDS = [
  { key: "0", label: "Under 0.5 clients a year per 1,000 adults", colour: "#f1eef6", below: 0.5 },
  { key: "1", label: "0.5 to 1", colour: "#bdc9e1", below: 1 },
  { key: "2", label: "1 to 2", colour: "#74a9cf", below: 2 },
  { key: "3", label: "2 to 4", colour: "#2b8cbe", below: 4 },
  { key: "4", label: "4 or more", colour: "#045a8d", below: Infinity },
] as const;

/** Places shaded by clients per 1,000 adults a year, with the GP practices services work in as points. */
async function buildMap(db: Queryable, icbCode: string, placeRates: Map<string, { name: string; rate: Cell }>, services: ServiceSummary[]): Promise<HjpMap | null> {
  const places = await rows<{ code: string; name: string; utla: string | null }>(db, sql`select code, name, details->>'utlaCode' as utla from areas where level = 'place' and icb_code = ${icbCode}`);
  const utlas = places.map((p) => p.utla).filter((u): u is string => Boolean(u));
  const boundaries = await rows<{ code: string; kind: string; geometry: unknown }>(
    db,
    sql`select code, kind, geometry from ref_boundaries where (kind = 'icb' and code = ${icbCode}) or (kind = 'ctyua' and code in (select json_array_elements_text(${JSON.stringify(utlas)}::json)))`
  );
  const outline = boundaries.find((b) => b.kind === "icb");
  if (!outline) return null;
  const geometry = (g: unknown) => (typeof g === "string" ? JSON.parse(g) : g) as Geometry;
  const ctyua = new Map(boundaries.filter((b) => b.kind === "ctyua").map((b) => [b.code, geometry(b.geometry)]));
  const sites = new Map<string, { code: string; name: string; lat: number; lng: number }>();
  for (const s of services) {
    for (const site of s.sites) {
      if (!site.odsCode || site.lat === null || site.lng === null) continue;
      const seen = sites.get(site.odsCode);
      sites.set(site.odsCode, { code: site.odsCode, name: seen ? `${seen.name}; ${s.name}` : `${site.name ?? site.odsCode}: ${s.name}`, lat: site.lat, lng: site.lng });
    }
  }
  const shaded = places.filter((p) => p.utla && ctyua.has(p.utla) && placeRates.has(p.code));
  return {
    map: projectMap({ width: 640, height: 520, outline: geometry(outline.geometry), shapes: shaded.map((p) => ({ code: p.code, geometry: ctyua.get(p.utla!)! })), points: [...sites.values()] }),
    shapes: shaded.map((p) => {
      const { rate } = placeRates.get(p.code)!;
      return typeof rate === "number"
        ? { code: p.code, name: `${p.name}: ${rate.toFixed(1)} clients a year per 1,000 adults`, category: REACH_BANDS.find((b) => rate < b.below)!.key }
        : { code: p.code, name: `${p.name}: rate not shown`, category: null };
    }),
    points: [...sites.values()].map(({ code, name }) => ({ code, name })),
    categories: REACH_BANDS.map(({ key, label: text, colour }) => ({ key, label: text, colour })),
  };
}

function headline(total: RollupRow | null, services: { label: string; count: number }): Headline[] {
  const t = total ?? { key: "total", ...EMPTY };
  const gains = discloseSumLine([{ sum: t.gainsRecurringPence + t.gainsOneOffPence, people: t.clientsWithGains }], { totalShown: false }).parts[0];
  const debt = discloseSumLine([{ sum: t.debtManagedPence + t.debtWrittenOffPence, people: t.clientsWithDebtOutcome }], { totalShown: false }).parts[0];
  const resolved = discloseProportion({ numerator: t.resolvedYes + t.resolvedPartly, denominator: t.resolvedYes + t.resolvedPartly + t.resolvedNo });
  const wellbeing = discloseMean({ n: t.wellbeingN, mean: t.wellbeingMeanChange, sd: t.wellbeingSdChange });
  const attendance = discloseProportion({ numerator: t.attended, denominator: t.referrals });
  const interval = (lower: number | null, upper: number | null, places: number, unit = "") =>
    lower === null || upper === null ? undefined : `95% confidence interval ${lower.toFixed(places)}${unit} to ${upper.toFixed(places)}${unit}`;
  return [
    { label: services.label, value: services.count, format: "count" },
    { label: "Referrals", value: cell(discloseCount(t.referrals)), format: "count" },
    { label: "Clients attended", value: cell(discloseCount(t.attended)), format: "count" },
    { label: "Attendance", value: attendance.hidden ? SUPPRESSED_MARK : attendance.value, format: "percent", detail: interval(attendance.lower, attendance.upper, 1, "%") },
    { label: "Income gained (recurring a year plus one-off)", value: cell(gains), format: "pence" },
    { label: "Debt managed or written off", value: cell(debt), format: "pence" },
    { label: "Problems resolved or partly resolved", value: resolved.hidden ? SUPPRESSED_MARK : resolved.value, format: "percent", detail: interval(resolved.lower, resolved.upper, 1, "%") },
    {
      label: "Average change in wellbeing (SWEMWBS points)",
      value: wellbeing.hidden ? SUPPRESSED_MARK : wellbeing.value,
      format: "decimal",
      detail: wellbeing.hidden ? "fewer than 8 clients with both scores" : interval(wellbeing.lower, wellbeing.upper, 2),
    },
  ];
}

type Resolved = { scope: HjpScope; area: { code: string; name: string }; service: ServiceSummary | null };

/** The scope an actor may see at a level and code (also the value-for-money views'), or null. */
export async function resolveHjpScope(db: Queryable, actor: Actor, level: HjpLevel, code: string): Promise<Resolved | null> {
  if (level === "service") {
    const id = Number(code);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const [s] = await rows<{ id: number; icb_code: string; organisation_id: number; name: string }>(db, sql`select id, icb_code, organisation_id, name from hjp_services where id = ${id}`);
    if (!s || !canAccess(actor, "read", "hjp", { icbCode: s.icb_code, organisationId: Number(s.organisation_id) })) return null;
    const scope = { icbCode: s.icb_code, serviceId: id };
    const [service] = await listServices({ db, scope });
    return { scope, area: { code: String(s.id), name: s.name }, service };
  }
  const found = await findArea(db, level, code);
  if (!found) return null;
  // VCSE users see their own organisation's services wherever they work; ICB roles their ICB's.
  const own = actor.role === "vcse" ? actor.organisationId : null;
  if (!canAccess(actor, "read", "hjp", { icbCode: found.icbCode, organisationId: own })) return null;
  return { scope: { icbCode: found.icbCode, organisationId: own }, area: { code: found.code, name: found.name }, service: null };
}

/**
 * Everything a dashboard page shows, or null when there is no such area or service or the
 * actor may not see it: ICB roles see their own ICB's services, VCSE users their own
 * organisation's (an ICB where it runs nothing is not found for them).
 */
export async function getHjpView({
  db,
  actor,
  level,
  code,
  year = null,
  today,
}: {
  db: Queryable;
  actor: Actor;
  level: HjpLevel;
  code: string;
  year?: string | null;
  today: string;
}): Promise<HjpView | null> {
  const resolved = await resolveHjpScope(db, actor, level, code);
  if (!resolved) return null;
  const { scope, area, service } = resolved;
  const described = await describeScope({ db, scope });
  if (level !== "service" && scope.organisationId != null && described.services === 0) return null;
  const years = financialYears(described.firstReferral, described.lastReferral);
  const chosenYear = year && years.includes(year) ? year : null;
  const footprint: FootprintFilter = level === "place" ? { level: "place", code: area.code } : level === "neighbourhood" ? { level: "neighbourhood", code: area.code } : { level: "icb" };
  const reach = reachWindow(today);
  const range = chosenYear ? yearRange(chosenYear) : {};

  const dims: Dimension[] = [
    "system",
    "quarter",
    "financial-year",
    "referral-source",
    "problem-area",
    "problem-category",
    "housing-outcome",
    "problem-resolved",
    "deprivation-decile",
    "setting",
    "delivery-model",
  ];
  if (level !== "service") dims.push("service");
  if (level !== "neighbourhood") dims.push("neighbourhood");
  if (level === "icb" || level === "service") dims.push("place");
  const [icbRow] = await rows<{ name: string }>(db, sql`select name from areas where level = 'icb' and code = ${scope.icbCode}`);
  const [by, areas, membership, services] = await Promise.all([
    rollUpHjpBy({ db, scope, footprint, by: dims, recent: reach, ...range }),
    areaInfo(db, scope.icbCode),
    placeMembership({ db, icbCode: scope.icbCode }),
    service ? Promise.resolve([service]) : listServices({ db, scope }),
  ]);
  // Reach is always the last four quarters, whichever year the rest of the page shows.
  const recentBy = chosenYear ? await rollUpHjpBy({ db, scope, footprint, by: ["system", "place", "neighbourhood"], recent: reach }) : by;
  const get = (d: Dimension) => by.get(d) ?? [];
  const total = get("system")[0] ?? null;
  const serviceInfo = new Map(services.map((s) => [String(s.id), s]));

  const tables: DisclosedTable[] = [
    activityTable({
      id: "trend",
      title: "Referrals and clients by quarter",
      description: "Referrals, and clients who attended, by the financial quarter they were referred in. An episode that runs across two quarters counts once, in the quarter of its referral.",
      rowHeader: "Quarter",
      data: get("quarter"),
      // The current quarter is still filling up: say so rather than let it look like a fall.
      label: (k) => (k === quarterOf(today).label ? `${k} (so far)` : k),
      total: null,
    }),
    activityTable({
      id: "years",
      title: "Referrals and clients by financial year",
      description: "Referrals, and clients who attended, by the financial year they were referred in (April to March): larger numbers than quarters, so fewer are hidden.",
      rowHeader: "Financial year",
      data: get("financial-year"),
      label: (k) => (k === `${quarterOf(today).year}-${String((quarterOf(today).year + 1) % 100).padStart(2, "0")}` ? `${k} (so far)` : k),
      total,
    }),
    activityTable({
      id: "sources",
      title: "Referrals by source",
      description: "Who referred clients: the health and care staff who noticed a legal or welfare need (the 'critical noticers'), and self-referrals.",
      rowHeader: "Referred by",
      data: [...get("referral-source")].sort((a, b) => b.referrals - a.referrals || a.key.localeCompare(b.key)),
      label: (k) => label(REFERRAL_SOURCES, k),
      total,
      share: true,
    }),
    activityTable({
      id: "problems",
      title: "Problem mix",
      description: "Clients referred with each kind of problem. A client may have several problems, so the rows add up to more than the referrals.",
      rowHeader: "Problem area",
      data: [...[...get("problem-area")].sort((a, b) => b.referrals - a.referrals || a.key.localeCompare(b.key)), ...get("problem-category").filter((c) => c.key === "housing:damp-mould")],
      label: (k) => (k === "housing:damp-mould" ? "Housing: damp and mould (included in housing)" : label(PROBLEM_AREAS as unknown as Vocabulary, k)),
      total: null,
    }),
    moneyTable({
      id: "income",
      title: "Income gained",
      description: "Financial gains of clients whose cases have closed, by financial year of referral: recurring gains (benefits, for a year) and one-off gains (backdated awards, grants).",
      data: get("financial-year"),
      total,
      people: { key: "clients", label: "Clients with income gains", of: (r) => r.clientsWithGains },
      sums: [
        { key: "recurring", label: "Recurring gains a year", of: (r) => r.gainsRecurringPence },
        { key: "oneOff", label: "One-off gains", of: (r) => r.gainsOneOffPence },
      ],
      mean: { key: "mean", label: "Average gain per client with gains" },
    }),
    moneyTable({
      id: "debt",
      title: "Debt managed and written off",
      description: "Debt rescheduled or managed, and debt written off, for clients whose cases have closed, by financial year of referral.",
      data: get("financial-year"),
      total,
      people: { key: "clients", label: "Clients with debt outcomes", of: (r) => r.clientsWithDebtOutcome },
      sums: [
        { key: "managed", label: "Debt managed", of: (r) => r.debtManagedPence },
        { key: "writtenOff", label: "Debt written off", of: (r) => r.debtWrittenOffPence },
      ],
    }),
    breakdownTable({
      id: "housing",
      title: "Housing outcomes",
      description: "The housing outcome recorded for clients with a housing problem whose cases have closed.",
      rowHeader: "Housing outcome",
      data: get("housing-outcome"),
      vocabulary: HOUSING_OUTCOMES,
    }),
    dampMouldTable(get("financial-year"), total),
    breakdownTable({
      id: "resolved",
      title: "Problems resolved",
      description: "Whether clients' problems were resolved when their cases closed.",
      rowHeader: "Result",
      data: get("problem-resolved"),
      vocabulary: PROBLEM_RESOLVED,
    }),
    wellbeingTable(get("financial-year"), total),
  ];

  // Footprints: the ICB = Σ places + the outside and not-known rows = Σ neighbourhoods + the same rows.
  const placeMembers = (p: string) => membership.members.filter((m) => m.placeCode === p);
  const rate = (attendedRecent: number, adults: number) => {
    const d = discloseRate({ count: attendedRecent, population: adults || null });
    return d.hidden ? SUPPRESSED_MARK : d.value;
  };
  const adultsOf = (members: PlaceMembership[]) => members.reduce((s, m) => s + (areas.get(m.pcnCode)?.registeredAdults ?? 0) * m.share, 0);
  if (level === "icb" || level === "service") {
    const placeRows = get("place");
    const placeCodes = [...new Set(membership.members.map((m) => m.placeCode))].sort((a, b) => footprintLabel(a, areas).localeCompare(footprintLabel(b, areas)));
    const byKey = new Map(placeRows.map((r) => [r.key, r]));
    const recentPlaces = new Map((recentBy.get("place") ?? []).map((r) => [r.key, r.attendedRecent]));
    tables.push(
      activityTable({
        id: "places",
        title: level === "icb" ? "Activity by place" : "Where clients are registered: places",
        description:
          "Referrals and clients by the place of the client's neighbourhood (the primary care network of their GP practice). Clients registered with a GP outside the ICB, or with no neighbourhood recorded, have rows of their own, so the rows add up to the total.",
        rowHeader: "Place",
        data: [
          ...(level === "icb" ? placeCodes.map((p) => byKey.get(p) ?? { key: p, ...EMPTY }) : placeRows.filter((r) => placeCodes.includes(r.key))),
          ...placeRows.filter((r) => !placeCodes.includes(r.key)),
        ],
        label: (k) => footprintLabel(k, areas),
        href: (k) => (areas.has(k) ? `/place/${k}/hjp` : undefined),
        total,
        extra:
          level === "icb"
            ? [
                {
                  key: "reach",
                  label: `Clients a year per 1,000 adults (${reach.label})`,
                  format: "per-thousand",
                  // The total counts clients outside the ICB and not placed too, over all the ICB's adults.
                  value: (r, isTotal) =>
                    isTotal
                      ? rate((recentBy.get("system") ?? get("system"))[0]?.attendedRecent ?? 0, adultsOf(membership.members))
                      : !areas.has(r.key)
                      ? null
                      : rate(recentPlaces.get(r.key) ?? 0, adultsOf(placeMembers(r.key))),
                },
              ]
            : undefined,
      })
    );
  }
  if (level !== "neighbourhood") {
    const inScope =
      level === "place"
        ? placeMembers(area.code).map((m) => ({ code: m.pcnCode, share: m.share }))
        : level === "icb"
        ? [...new Set(membership.members.map((m) => m.pcnCode))].map((code) => ({ code, share: 1 }))
        : [];
    const nbhRows = get("neighbourhood");
    const byKey = new Map(nbhRows.map((r) => [r.key, r]));
    const listed = inScope.filter((n) => areas.has(n.code)).sort((a, b) => areas.get(a.code)!.name.localeCompare(areas.get(b.code)!.name));
    const listedCodes = new Set(listed.map((n) => n.code));
    tables.push(
      activityTable({
        id: "neighbourhoods",
        title: level === "service" ? "Where clients are registered: neighbourhoods" : "Activity by neighbourhood",
        description:
          level === "place"
            ? "Referrals and clients of this place by neighbourhood (primary care network). A neighbourhood shared with another place counts here only for the episodes allocated to this place."
            : "Referrals and clients by the client's neighbourhood (the primary care network of their GP practice), with rows for clients registered outside the ICB or with no neighbourhood recorded, so the rows add up to the total.",
        rowHeader: "Neighbourhood",
        data: level === "service" ? nbhRows : [...listed.map((n) => byKey.get(n.code) ?? { key: n.code, ...EMPTY }), ...nbhRows.filter((r) => !listedCodes.has(r.key))],
        label: (k) => footprintLabel(k, areas),
        href: (k) => (areas.has(k) ? `/neighbourhood/${k}/hjp` : undefined),
        total,
      })
    );
    if (level !== "service") {
      tables.push(...reachTables({ nbhRows: recentBy.get("neighbourhood") ?? [], neighbourhoods: listed.map((n) => ({ area: areas.get(n.code)!, share: n.share })), reachLabel: reach.label }));
    }
  }
  tables.push(
    activityTable({
      id: "deciles",
      title: "Clients by deprivation",
      description: "Referrals and clients by the national deprivation decile of where the client lives (1 = most deprived).",
      rowHeader: "Deprivation decile",
      data: [...get("deprivation-decile")].sort((a, b) => (a.key === NOT_KNOWN ? 99 : Number(a.key)) - (b.key === NOT_KNOWN ? 99 : Number(b.key))),
      label: (k) => (k === NOT_KNOWN ? "Not known" : k === "1" ? "1 (most deprived)" : k === "10" ? "10 (least deprived)" : k),
      total,
      share: true,
    }),
    activityTable({
      id: "settings",
      title: "Activity by setting",
      description: "Referrals and clients by the health setting the client was reached through.",
      rowHeader: "Setting",
      data: get("setting"),
      // Form returns record no setting.
      label: (k) => (k === NOT_KNOWN ? "Not recorded (form returns)" : label(SETTINGS, k)),
      total,
      share: true,
    }),
    activityTable({
      id: "delivery-models",
      title: "Activity by delivery model",
      description: "Referrals and clients by how the service is mainly delivered.",
      rowHeader: "Delivery model",
      data: get("delivery-model"),
      label: (k) => label(DELIVERY_MODELS, k),
      total,
      share: true,
    })
  );
  if (level !== "service") {
    const svcRows = get("service");
    const byKey = new Map(svcRows.map((r) => [r.key, r]));
    const data = level === "icb" ? services.map((s) => byKey.get(String(s.id)) ?? { key: String(s.id), ...EMPTY }) : svcRows;
    const info = (k: string) => serviceInfo.get(k);
    tables.push(
      activityTable({
        id: "services",
        title: level === "icb" ? "Services" : "Services that reached clients here",
        description: level === "icb" ? "Every service in this ICB's data, with its referrals and clients." : "The services with clients registered here, with their referrals and clients from here.",
        rowHeader: "Service",
        data,
        label: (k) => info(k)?.name ?? `Service ${k}`,
        href: (k) => `/hjp/services/${k}`,
        total,
        extra: [
          { key: "organisation", label: "Run by", format: "text", value: (r, isTotal) => (isTotal ? null : info(r.key)?.organisationName ?? null) },
          {
            key: "settings",
            label: "Settings",
            format: "text",
            value: (r, isTotal) =>
              isTotal
                ? null
                : info(r.key)
                    ?.settings.map((s) => label(SETTINGS, s))
                    .join("; ") ?? null,
          },
          { key: "model", label: "Delivery model", format: "text", value: (r, isTotal) => (isTotal || !info(r.key) ? null : label(DELIVERY_MODELS, info(r.key)!.deliveryModel)) },
        ],
      })
    );
  }
  if (level === "icb" || level === "service") {
    tables.push(trainingTable(await rollUpTraining({ db, scope })));
    const awards = await listAwards({ db, scope });
    if (level === "icb") tables.push(fundersTable(awards.filter((a) => (a.plannedStart ?? "") <= today && (a.plannedEnd === null || a.plannedEnd >= today))));
    else tables.push(awardsTable(awards));
    tables.push(cliffTable(awards, today));
  }

  let map: HjpMap | null = null;
  if (level === "icb") {
    const rates = new Map((tables.find((t) => t.id === "places")?.rows ?? []).filter((r) => areas.has(r.key)).map((r) => [r.key, { name: r.label, rate: r.cells.reach ?? null }]));
    map = await buildMap(db, scope.icbCode, rates, services);
  }
  const main = level === "neighbourhood" ? membership.members.filter((m) => m.pcnCode === area.code).sort((a, b) => b.share - a.share)[0] : null;
  const organisation = scope.organisationId != null ? services[0]?.organisationName : null;
  return {
    level,
    area,
    icb: { code: scope.icbCode, name: icbRow?.name ?? scope.icbCode },
    place: main ? { code: main.placeCode, name: footprintLabel(main.placeCode, areas) } : null,
    service,
    scopeNote: organisation ? `You are seeing only the services your organisation, ${organisation}, runs.` : null,
    synthetic: described.synthetic ? { label: SYNTHETIC_LABEL, organisations: described.syntheticOrganisations } : null,
    period: { year: chosenYear, years, firstReferral: described.firstReferral, lastReferral: described.lastReferral, reach },
    headline: headline(
      total,
      level === "icb"
        ? { label: "Services", count: described.services }
        : level === "service"
        ? { label: "Services", count: 1 }
        : { label: "Services that reached clients here", count: get("service").length }
    ),
    tables,
    map,
  };
}

export type HjpDashboardList = {
  icbs: { code: string; name: string; services: number; synthetic: boolean }[];
  services: { id: number; name: string; icbCode: string; icbName: string; organisationName: string; synthetic: boolean }[];
};

/**
 * The dashboards a user may open: ICB roles, their ICB and its services; VCSE users,
 * every ICB their organisation runs services in, and those services.
 */
export async function listHjpDashboards({ db, actor }: { db: Queryable; actor: Actor }): Promise<HjpDashboardList> {
  const condition = actor.role === "vcse" ? sql`s.organisation_id = ${actor.organisationId ?? -1}` : sql`s.icb_code = ${actor.icbCode ?? ""}`;
  const list = await rows<{ id: number; name: string; icb_code: string; icb_name: string | null; organisation_name: string; synthetic: boolean }>(
    db,
    sql`select s.id, s.name, s.icb_code, a.name as icb_name, o.name as organisation_name,
          exists (select 1 from hjp_synthetic_organisations so where so.organisation_id = s.organisation_id) as synthetic
        from hjp_services s join organisations o on o.id = s.organisation_id left join areas a on a.code = s.icb_code and a.level = 'icb'
        where ${condition} order by a.name, s.name`
  );
  const services = list.map((s) => ({
    id: Number(s.id),
    name: s.name,
    icbCode: s.icb_code,
    icbName: s.icb_name ?? s.icb_code,
    organisationName: s.organisation_name,
    synthetic: Boolean(s.synthetic),
  }));
  const icbs = new Map<string, HjpDashboardList["icbs"][number]>();
  if (actor.role !== "vcse" && actor.icbCode) {
    const [icb] = await rows<{ name: string }>(db, sql`select name from areas where level = 'icb' and code = ${actor.icbCode}`);
    icbs.set(actor.icbCode, { code: actor.icbCode, name: icb?.name ?? actor.icbCode, services: 0, synthetic: false });
  }
  for (const s of services) {
    const icb = icbs.get(s.icbCode) ?? { code: s.icbCode, name: s.icbName, services: 0, synthetic: false };
    icb.services++;
    icb.synthetic ||= s.synthetic;
    icbs.set(s.icbCode, icb);
  }
  return { icbs: [...icbs.values()], services };
}
