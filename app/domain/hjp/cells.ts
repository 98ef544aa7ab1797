/**
 * Cell types of the HJP templates. Each column is described once (name, type, whether
 * required, allowed values, description, example) together with the function that
 * checks and converts its text, so the import parsers, the downloadable templates and
 * the data dictionary cannot disagree.
 *
 * The checks are plain functions rather than zod schemas: the activity file has a
 * million rows of ~35 cells, and zod's per-cell cost (about a microsecond) would be
 * most of the import's time (see importers/reference-data/fields.ts). A failed check
 * returns a `Problem`, not a thrown error, so that every problem in a row is listed.
 */
import { identifierReason, identifyingValue, isFullPostcode, isOutwardCode } from "./identifiers";
import { type CodeOf, normaliseTerm, type ProblemArea, termLookup, type Vocabulary } from "./vocabularies";

export class Problem {
  constructor(readonly message: string) {}
}

export type ColumnSpec<T, R extends boolean = boolean> = {
  required: R;
  /** What the dictionary says the type is, in words. */
  type: string;
  description: string;
  /** A valid value, used in the example row of the templates. */
  example: string;
  /** Closed list of allowed values, for the dictionary and the XLSX drop-downs. */
  allowed?: readonly { code: string; label: string }[];
  /** Whether one cell may hold several allowed values separated by semicolons. */
  list?: boolean;
  /** Checks and converts a cell that is not blank (already trimmed). */
  parse(text: string): T | Problem;
};

/** A column with its header text, as a dataset lists it. */
export type Column<T = unknown, R extends boolean = boolean> = ColumnSpec<T, R> & { name: string };

type Spec<R extends boolean> = { required?: R; description: string; example: string };

const quoted = (s: string) => JSON.stringify(s);

function column<T, R extends boolean>(spec: Spec<R>, type: string, parse: (s: string) => T | Problem, extra: Partial<Pick<ColumnSpec<T>, "allowed" | "list">> = {}): ColumnSpec<T, R> {
  return { required: (spec.required ?? false) as R, type, description: spec.description, example: spec.example, parse, ...extra };
}

/** Free text, at most `max` characters. */
export function text<const R extends boolean = false>(spec: Spec<R> & { max?: number }): ColumnSpec<string, R> {
  const max = spec.max ?? 200;
  return column(spec, `text (up to ${max} characters)`, (s) => (s.length > max ? new Problem(`longer than ${max} characters`) : s));
}

/**
 * A pseudonymous reference (episode or client number). Refused when the value is
 * itself a direct identifier typed in the wrong place: an NHS number, full postcode,
 * email address or telephone number.
 */
export function pseudonymousRef<const R extends boolean = false>(spec: Spec<R>): ColumnSpec<string, R> {
  return column(spec, "text (up to 64 characters): the service's own reference, never an NHS number or other identifier", (s) => {
    if (s.length > 64) return new Problem("longer than 64 characters");
    const kind = identifyingValue(s);
    if (kind) return new Problem(`looks like ${identifierReason(kind)}, not a pseudonymous reference: use the service's own case number`);
    return s;
  });
}

/** A code of a known shape (ODS, ONS, 360Giving). Upper-cased before the check. */
export function code<const R extends boolean = false>(spec: Spec<R> & { pattern: RegExp; label: string; upper?: boolean }): ColumnSpec<string, R> {
  return column(spec, spec.label, (s) => {
    const v = spec.upper === false ? s : s.toUpperCase();
    return spec.pattern.test(v) ? v : new Problem(`not a valid ${spec.label}: ${quoted(s)}`);
  });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/;
/** Excel's day 0 (its 1900 date system, with the phantom 29 February 1900 folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A calendar date as YYYY-MM-DD, from YYYY-MM-DD, DD/MM/YYYY or an Excel date serial
 * (the importer reads spreadsheets without their styles, so a date cell arrives as its
 * day number, e.g. 45761 for 14 April 2025); null when it is not a real date.
 */
export function toIsoDate(s: string): string | null {
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (EXCEL_SERIAL.test(s)) {
    const date = new Date(EXCEL_EPOCH + Math.floor(Number(s)) * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else {
    const uk = UK_DATE.exec(s);
    if (!uk) return null;
    [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  }
  if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1) return null;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function date<const R extends boolean = false>(spec: Spec<R>): ColumnSpec<string, R> {
  return column(spec, "date: YYYY-MM-DD or DD/MM/YYYY (a spreadsheet date cell is read as its date), between 2000 and 2099", (s) => toIsoDate(s) ?? new Problem(`not a date (YYYY-MM-DD or DD/MM/YYYY): ${quoted(s)}`));
}

export type ReportingPeriod = { label: string; start: string; end: string };

const PERIOD = /^(?:fy\s*)?(\d{4})\s*[-/]\s*(\d{2})\s*[- ]?\s*q([1-4])$/i;
const QUARTER_STARTS = ["04-01", "07-01", "10-01", "01-01"];
const QUARTER_ENDS = ["06-30", "09-30", "12-31", "03-31"];

/** A financial-year quarter, "2025-26 Q1" (April to June 2025) … "2025-26 Q4" (January to March 2026). */
export function toReportingPeriod(s: string): ReportingPeriod | null {
  const m = PERIOD.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if ((year + 1) % 100 !== Number(m[2]) || year < 2000 || year > 2098) return null;
  const q = Number(m[3]);
  const calendarYear = q === 4 ? year + 1 : year;
  return {
    label: `${year}-${m[2]} Q${q}`,
    start: `${calendarYear}-${QUARTER_STARTS[q - 1]}`,
    end: `${calendarYear}-${QUARTER_ENDS[q - 1]}`,
  };
}

export function reportingPeriod<const R extends boolean = false>(spec: Spec<R>): ColumnSpec<ReportingPeriod, R> {
  return column(
    spec,
    'financial-year quarter: "YYYY-YY Qn", e.g. 2025-26 Q1 (April to June 2025)',
    (s) => toReportingPeriod(s) ?? new Problem(`not a financial-year quarter such as "2025-26 Q1": ${quoted(s)}`),
  );
}

/**
 * The code for what was typed. Most cells hold the code exactly, so that is tried
 * before normalising (which costs two regular expressions, on ten cells a row).
 */
function lookUp<C>(lookup: Map<string, C>, typed: string): C | undefined {
  return lookup.get(typed) ?? lookup.get(normaliseTerm(typed));
}

/** One value from a vocabulary (its code or label, in any case). */
export function oneOf<V extends Vocabulary, const R extends boolean = false>(spec: Spec<R>, vocabulary: V, what: string): ColumnSpec<CodeOf<V>, R> {
  const lookup = termLookup(vocabulary);
  return column(
    spec,
    `one of the ${what} codes`,
    (s) => lookUp(lookup, s) ?? new Problem(`not a known ${what} (${vocabulary.map((t) => t.code).join(", ")}): ${quoted(s)}`),
    { allowed: vocabulary },
  );
}

function splitList(s: string): string[] {
  if (!/[;|\n]/.test(s)) return [s];
  return s
    .split(/[;|\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Several values from a vocabulary, separated by semicolons; each once. */
export function listOf<V extends Vocabulary, const R extends boolean = false>(spec: Spec<R>, vocabulary: V, what: string): ColumnSpec<CodeOf<V>[], R> {
  const lookup = termLookup(vocabulary);
  return column(
    spec,
    `one or more ${what} codes, separated by semicolons`,
    (s) => {
      const codes: CodeOf<V>[] = [];
      for (const part of splitList(s)) {
        const c = lookUp(lookup, part);
        if (!c) return new Problem(`not a known ${what} (${vocabulary.map((t) => t.code).join(", ")}): ${quoted(part)}`);
        if (!codes.includes(c)) codes.push(c);
      }
      return codes;
    },
    { allowed: vocabulary, list: true },
  );
}

export type Problems = { areas: string[]; categories: string[] };

/**
 * Problem areas, each optionally with a sub-type ("housing:damp-mould"), separated by
 * semicolons. Returns the distinct areas (for grouping) and the full codes as given.
 */
export function problemList<const R extends boolean = false>(spec: Spec<R>, areas: readonly ProblemArea[]): ColumnSpec<Problems, R> {
  const areaLookup = termLookup(areas);
  const subLookups = new Map(areas.map((a) => [a.code, a.subTypes ? termLookup(a.subTypes) : null]));
  const allowed = areas.flatMap((a) => [{ code: a.code, label: a.label }, ...(a.subTypes ?? []).map((t) => ({ code: `${a.code}:${t.code}`, label: `${a.label}: ${t.label}` }))]);
  return column(
    spec,
    'one or more problem codes separated by semicolons; a code is an area ("debt") or an area and sub-type ("debt:priority")',
    (s) => {
      const result: Problems = { areas: [], categories: [] };
      for (const part of splitList(s)) {
        const [areaText, subText, extra] = part.split(":");
        const area = lookUp(areaLookup, areaText.trim());
        if (!area || extra !== undefined) return new Problem(`not a known problem area (${areas.map((a) => a.code).join(", ")}): ${quoted(part)}`);
        let full: string = area;
        if (subText !== undefined && subText.trim() !== "") {
          const subs = subLookups.get(area);
          const sub = subs ? lookUp(subs, subText.trim()) : undefined;
          if (!sub) {
            const known = areas.find((a) => a.code === area)?.subTypes?.map((t) => t.code).join(", ");
            return new Problem(known ? `not a known sub-type of ${area} (${known}): ${quoted(part)}` : `${area} has no sub-types: ${quoted(part)}`);
          }
          full = `${area}:${sub}`;
        }
        if (!result.areas.includes(area)) result.areas.push(area);
        if (!result.categories.includes(full)) result.categories.push(full);
      }
      return result;
    },
    { allowed, list: true },
  );
}

const MONEY = /^-?£?\s*(\d{1,3}(,\d{3})+|\d+)(\.(\d{1,2}))?$/;

/** Pounds and pence as integer pence, without floating point ("1,234.5" → 123450). */
export function toPence(s: string): number | null {
  const m = MONEY.exec(s.trim());
  if (!m || s.trim().startsWith("-")) return null;
  const pounds = Number(m[1].replace(/,/g, ""));
  const pence = m[4] ? Number(m[4].padEnd(2, "0")) : 0;
  return pounds * 100 + pence;
}

/** An amount in pounds (e.g. 1234.56, £1,234.56), stored as integer pence, not negative. */
export function money<const R extends boolean = false>(spec: Spec<R> & { maxPounds: number }): ColumnSpec<number, R> {
  const maxPence = spec.maxPounds * 100;
  return column(spec, `amount in pounds, e.g. 1234.56 (stored in pence; up to £${spec.maxPounds.toLocaleString("en-GB")})`, (s) => {
    const pence = toPence(s);
    if (pence === null) return new Problem(`not an amount in pounds (e.g. 1234.56): ${quoted(s)}`);
    if (pence > maxPence) return new Problem(`more than £${spec.maxPounds.toLocaleString("en-GB")}: ${quoted(s)} (check the units: pounds, not pence)`);
    return pence;
  });
}

export type AmountsByType = Record<string, number>;

/** Amounts by type, "pip=4200; universal-credit=1300.50", as integer pence per type. */
export function amountsByType<V extends Vocabulary, const R extends boolean = false>(spec: Spec<R> & { maxPounds: number }, vocabulary: V, what: string): ColumnSpec<AmountsByType, R> {
  const lookup = termLookup(vocabulary);
  const maxPence = spec.maxPounds * 100;
  return column(
    spec,
    `${what}=amount in pounds, separated by semicolons, e.g. "pip=4200; universal-credit=1300.50" (stored in pence)`,
    (s) => {
      const result: AmountsByType = {};
      for (const part of splitList(s)) {
        const eq = part.indexOf("=");
        if (eq < 0) return new Problem(`expected ${what}=amount: ${quoted(part)}`);
        const type = lookUp(lookup, part.slice(0, eq).trim());
        if (!type) return new Problem(`not a known ${what} (${vocabulary.map((t) => t.code).join(", ")}): ${quoted(part)}`);
        const pence = toPence(part.slice(eq + 1));
        if (pence === null) return new Problem(`not an amount in pounds: ${quoted(part)}`);
        if (pence > maxPence) return new Problem(`more than £${spec.maxPounds.toLocaleString("en-GB")}: ${quoted(part)} (check the units: pounds, not pence)`);
        if (type in result) return new Problem(`${type} is given twice: ${quoted(s)}`);
        result[type] = pence;
      }
      return result;
    },
    { allowed: vocabulary, list: true },
  );
}

const WHOLE = /^\d+(\.0+)?$/;

export function wholeNumber<const R extends boolean = false>(spec: Spec<R> & { min: number; max: number }): ColumnSpec<number, R> {
  return column(spec, `whole number from ${spec.min} to ${spec.max}`, (s) => {
    if (!WHOLE.test(s)) return new Problem(`not a whole number: ${quoted(s)}`);
    const n = Number(s);
    return n < spec.min || n > spec.max ? new Problem(`out of range ${spec.min} to ${spec.max}: ${s}`) : n;
  });
}

const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/;

export function decimal<const R extends boolean = false>(spec: Spec<R> & { min: number; max: number; places?: number }): ColumnSpec<number, R> {
  const places = spec.places ?? 2;
  return column(spec, `number from ${spec.min} to ${spec.max} (up to ${places} decimal places)`, (s) => {
    if (!DECIMAL.test(s)) return new Problem(`not a number: ${quoted(s)}`);
    if ((s.split(".")[1] ?? "").length > places) return new Problem(`more than ${places} decimal places: ${s}`);
    const n = Number(s);
    return n < spec.min || n > spec.max ? new Problem(`out of range ${spec.min} to ${spec.max}: ${s}`) : n;
  });
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

export function yesNo<const R extends boolean = false>(spec: Spec<R>): ColumnSpec<boolean, R> {
  return column(spec, "yes or no", (s) => {
    const v = s.toLowerCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    return new Problem(`not yes or no: ${quoted(s)}`);
  }, { allowed: [{ code: "yes", label: "Yes" }, { code: "no", label: "No" }] });
}

/** yes, no or not known; "not known" becomes null. */
export function yesNoNotKnown<const R extends boolean = false>(spec: Spec<R>): ColumnSpec<boolean | null, R> {
  return column(spec, "yes, no or not-known", (s) => {
    const v = normaliseTerm(s);
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    if (v === "not-known" || v === "unknown") return null;
    return new Problem(`not yes, no or not-known: ${quoted(s)}`);
  }, { allowed: [{ code: "yes", label: "Yes" }, { code: "no", label: "No" }, { code: "not-known", label: "Not known" }] });
}

/**
 * The outward code of a postcode ("M14", "SW1A"). A full postcode here is refused:
 * with the date and problem it could single a client out.
 */
export function outwardCode<const R extends boolean = false>(spec: Spec<R>): ColumnSpec<string, R> {
  return column(spec, "outward code: the part of the postcode before the space (e.g. M14); never a full postcode", (s) => {
    if (isFullPostcode(s)) return new Problem(`is a full postcode: give only the outward code, the part before the space (e.g. ${s.trim().toUpperCase().replace(/\s*\d[A-Z]{2}$/i, "")}); full postcodes are direct identifiers and are not stored`);
    return isOutwardCode(s) ? s.toUpperCase() : new Problem(`not a postcode outward code (e.g. M14): ${quoted(s)}`);
  });
}

/** A list of codes of one shape, separated by semicolons. */
export function codeList<const R extends boolean = false>(spec: Spec<R> & { pattern: RegExp; label: string }): ColumnSpec<string[], R> {
  return column(spec, `one or more ${spec.label}s, separated by semicolons`, (s) => {
    const codes: string[] = [];
    for (const part of splitList(s)) {
      const v = part.toUpperCase();
      if (!spec.pattern.test(v)) return new Problem(`not a valid ${spec.label}: ${quoted(part)}`);
      if (!codes.includes(v)) codes.push(v);
    }
    return codes;
  }, { list: true });
}

export type Site = { setting: string; odsCode: string | null };

/**
 * Sites of a service: "setting:ODS code" pairs separated by semicolons
 * ("gp-practice:P84001; hospital:RW602"); a setting alone ("remote") has no site.
 */
export function siteList<V extends Vocabulary, const R extends boolean = false>(spec: Spec<R>, settings: V, odsPattern: RegExp): ColumnSpec<Site[], R> {
  const lookup = termLookup(settings);
  return column(
    spec,
    'one or more "setting:ODS code" pairs separated by semicolons, e.g. "gp-practice:P84001; hospital:RW602"; a setting alone (e.g. "remote") has no site',
    (s) => {
      const sites: Site[] = [];
      for (const part of splitList(s)) {
        const [settingText, odsText, extra] = part.split(":").map((p) => p.trim());
        const setting = lookUp(lookup, settingText);
        if (!setting || extra !== undefined) return new Problem(`not setting:ODS code with a known setting (${settings.map((t) => t.code).join(", ")}): ${quoted(part)}`);
        const ods = odsText ? odsText.toUpperCase() : null;
        if (ods !== null && !odsPattern.test(ods)) return new Problem(`not a valid ODS code: ${quoted(part)}`);
        if (!sites.some((x) => x.setting === setting && x.odsCode === ods)) sites.push({ setting, odsCode: ods });
      }
      return sites;
    },
    { allowed: settings, list: true },
  );
}

export type Cells<C extends Record<string, ColumnSpec<unknown>>> = {
  [K in keyof C]: C[K] extends ColumnSpec<infer T, infer R> ? (R extends true ? T : T | null) : never;
};

export type CellsResult<T> = { ok: true; cells: T } | { ok: false; errors: { column: string; message: string }[] };

export type Dataset<C extends Record<string, ColumnSpec<unknown>>> = {
  /** The importer source name and template file name, e.g. hjp-activity. */
  id: string;
  title: string;
  description: string;
  /** One row of the file is one of these. */
  rowIs: string;
  columns: C;
  /** The columns in file order, each with its header text. */
  list: readonly Column[];
  /**
   * Checks every cell of a row against its column: a blank required cell is missing,
   * a blank optional cell is null. Every problem is returned, each naming its column.
   */
  parse(values: Record<string, string | undefined>): CellsResult<Cells<C>>;
};

export function defineDataset<C extends Record<string, ColumnSpec<unknown>>>(meta: { id: string; title: string; description: string; rowIs: string }, columns: C): Dataset<C> {
  const list: Column[] = Object.entries(columns).map(([name, spec]) => ({ ...spec, name }));
  const n = list.length;
  return {
    ...meta,
    columns,
    list,
    parse(values) {
      const cells: Record<string, unknown> = {};
      let errors: { column: string; message: string }[] | null = null;
      for (let i = 0; i < n; i++) {
        const c = list[i];
        const raw = values[c.name];
        const s = raw === undefined ? "" : raw.trim();
        if (s === "") {
          if (c.required) (errors ??= []).push({ column: c.name, message: "missing value" });
          cells[c.name] = null;
          continue;
        }
        const v = c.parse(s);
        if (v instanceof Problem) (errors ??= []).push({ column: c.name, message: v.message });
        else cells[c.name] = v;
      }
      return errors ? { ok: false, errors } : { ok: true, cells: cells as Cells<C> };
    },
  };
}
