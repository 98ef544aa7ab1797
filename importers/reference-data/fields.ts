/**
 * Cell validators shared by the reference-data parsers.
 *
 * Each parser describes its row as a set of fields keyed by header name. A field is a
 * zod schema that validates the raw cell text (so that every problem is reported
 * against its column, saying what was wrong with the text found there) and a plain
 * conversion applied once the whole row is valid. Conversions are kept out of zod on
 * purpose: zod 4 transforms cost about 1.5 µs a cell, which made a 33,755-row,
 * 25-column file take seconds to parse; plain checks keep it to a fraction of that.
 * (This would sit in importers/shared if it were used beyond the reference data.)
 */
import { z } from "zod";
import type { CodePattern } from "../../app/domain/geography/codes";
import type { CellProblem, RowResult } from "../shared/types";

export type Field<T> = { schema: z.ZodType; convert: (raw: string) => T };

const MISSING = "missing value";
const quoted = (input: unknown) => JSON.stringify(String(input ?? ""));
const blank = (s: string) => s.trim() === "";

/**
 * A cell checked by `problem`, which returns what is wrong with the (non-blank) text or
 * null; a blank or absent cell is a missing value.
 */
function checked<T>(problem: (s: string) => string | null, convert: (s: string) => T): Field<T> {
  const schema = z.string({ error: MISSING }).check((ctx) => {
    const message = blank(ctx.value) ? MISSING : problem(ctx.value.trim());
    if (message) ctx.issues.push({ code: "custom", input: ctx.value, message });
  });
  return { schema, convert: (s) => convert(s.trim()) };
}

/** Like `checked`, but a blank cell or a "no value" token (e.g. NA) becomes null. */
function optionalChecked<T>(
  nullTokens: readonly string[],
  problem: (s: string) => string | null,
  convert: (s: string) => T,
): Field<T | null> {
  const isNull = (s: string | undefined) => s === undefined || blank(s) || nullTokens.includes(s.trim());
  const schema = z
    .string()
    .optional()
    .check((ctx) => {
      if (isNull(ctx.value)) return;
      const message = problem(ctx.value!.trim());
      if (message) ctx.issues.push({ code: "custom", input: ctx.value, message });
    });
  return { schema, convert: (s) => (isNull(s) ? null : convert(s.trim())) };
}

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
// Some files write counts as "112.0" (R wrote them as doubles): a zero fraction is a
// whole number, any other fraction is not.
const WHOLE = /^-?\d+(\.0+)?$/;

const notNumber = (s: string) => (DECIMAL.test(s) ? null : `not a number: ${quoted(s)}`);
const notWhole = (s: string) => (WHOLE.test(s) ? null : `not a whole number: ${quoted(s)}`);
const identity = (s: string) => s;

/** A cell that must hold some text (surrounding spaces removed). */
export const text: Field<string> = checked(() => null, identity);

/** Text that may be blank or one of the file's "no value" tokens; becomes null. */
export const optionalText = (nullTokens: readonly string[] = []): Field<string | null> =>
  optionalChecked(nullTokens, () => null, identity);

/** A cell holding a code of the given pattern. */
export const code = ({ pattern, label }: CodePattern): Field<string> =>
  checked((s) => (pattern.test(s) ? null : `not a valid ${label}: ${quoted(s)}`), identity);

/** Like `code`, but a blank cell or a "no value" token becomes null. */
export const optionalCode = ({ pattern, label }: CodePattern, nullTokens: readonly string[] = []): Field<string | null> =>
  optionalChecked(nullTokens, (s) => (pattern.test(s) ? null : `not a valid ${label}: ${quoted(s)}`), identity);

/** Text from a closed list (e.g. a list type). */
export const oneOf = <const V extends readonly string[]>(values: V, what: string): Field<V[number]> =>
  checked((s) => (values.includes(s) ? null : `not a known ${what} (${values.join(", ")}): ${quoted(s)}`), (s) => s as V[number]);

/** A whole number. */
export const wholeNumber: Field<number> = checked(notWhole, Number);

/** A count: a whole number that is not negative. */
export const count: Field<number> = checked((s) => notWhole(s) ?? (Number(s) < 0 ? `a count cannot be negative: ${s}` : null), Number);

/** A decimal number. */
export const decimal: Field<number> = checked(notNumber, Number);

/** A decimal number, or null for a blank cell or one of the file's "no value" tokens. */
export const optionalDecimal = (nullTokens: readonly string[] = []): Field<number | null> =>
  optionalChecked(nullTokens, notNumber, Number);

const outOfRange = (min: number, max: number) => (s: string) => {
  const n = Number(s);
  return n >= min && n <= max ? null : `out of range ${min} to ${max}: ${s}`;
};

export const decimalBetween = (min: number, max: number): Field<number> =>
  checked((s) => notNumber(s) ?? outOfRange(min, max)(s), Number);

export const wholeNumberBetween = (min: number, max: number): Field<number> =>
  checked((s) => notWhole(s) ?? outOfRange(min, max)(s), Number);

export type CellsResult<T> = { ok: true; data: T } | { ok: false; errors: CellProblem[] };
type Output<F extends Record<string, Field<unknown>>> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

export type RowSchema<T> = { parse(values: Record<string, string | undefined>): CellsResult<T> };

/**
 * A row of fields keyed by header name. `parse` validates every cell, mapping each
 * issue to its column, and converts the cells only when the row is valid.
 */
export function rowSchema<F extends Record<string, Field<unknown>>>(fields: F): RowSchema<Output<F>> {
  const entries = Object.entries(fields);
  const schema = z.object(Object.fromEntries(entries.map(([name, f]) => [name, f.schema])));
  return {
    parse(values) {
      const result = schema.safeParse(values);
      if (!result.success) {
        return {
          ok: false,
          errors: result.error.issues.map((issue) =>
            issue.path.length ? { column: String(issue.path[0]), message: issue.message } : { message: issue.message },
          ),
        };
      }
      const data: Record<string, unknown> = {};
      for (const [name, f] of entries) data[name] = f.convert(values[name] ?? "");
      return { ok: true, data: data as Output<F> };
    },
  };
}

/** A row-level error about one column (for checks that span several cells). */
export function rowError<R>(column: string | undefined, message: string): RowResult<R> {
  return { kind: "error", errors: [column === undefined ? { message } : { column, message }] };
}

export function ok<R>(record: R): RowResult<R> {
  return { kind: "ok", record };
}

export function skip<R>(reason: string): RowResult<R> {
  return { kind: "skip", reason };
}

/** Stable skip reasons, shared so that counts from different files read the same. */
export const SKIP = {
  welshLsoa: "Welsh LSOA (W01…): out of scope",
  welshAuthority: "Welsh authority (W06…): out of scope",
  notEngland: "outside England (Scotland, Wales or Northern Ireland): out of scope",
  pooledUnallocated: "pooled unallocated row 'U'",
} as const;
