/**
 * Field rules every form shares, so hostile input meets the same limits everywhere:
 * text that PostgreSQL can store and people can read (no NUL or other control
 * characters), record ids that fit an integer column, real dates in a sane range.
 *
 * Also the fallback wording for problems a schema does not word itself. People only
 * meet these when a request was tampered with (a field sent twice, a file where text
 * belongs), but the page still has to say something a person can act on rather than
 * zod's "Invalid input: expected string, received array".
 */
import { z } from "zod";

z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type") {
      if (Array.isArray(issue.input)) return "Enter only one value here";
      if (issue.expected === "number" || issue.expected === "int") return "Enter a number";
      return "Enter text here";
    }
    if (issue.code === "too_big") return issue.origin === "string" ? `Enter ${Number(issue.maximum).toLocaleString("en-GB")} characters or fewer` : issue.origin === "array" ? "Too many items were chosen" : `Enter a number no more than ${Number(issue.maximum).toLocaleString("en-GB")}`;
    if (issue.code === "too_small") return issue.origin === "string" ? "Enter a value" : `Enter a number of at least ${Number(issue.minimum).toLocaleString("en-GB")}`;
    if (issue.code === "invalid_value" || issue.code === "invalid_union") return "Select one of the options";
    if (issue.code === "invalid_format") return "Enter a value in the correct format";
    return undefined;
  },
});

/** The largest value of a PostgreSQL integer column (record ids). */
export const MAX_RECORD_ID = 2_147_483_647;

// Tab, line feed and carriage return are typed; NUL (which PostgreSQL text refuses) and the rest are not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Text a person typed, trimmed: required, at most `max` characters, no control characters. */
export function requiredText(message: string, max: number, label: string) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .refine((v) => !CONTROL.test(v), `Remove the control characters from ${label.toLowerCase()}`);
}

/** Optional text a person typed, trimmed, with the same limits. */
export function optionalText(max: number, label: string) {
  return z
    .string({ error: `Enter ${label.toLowerCase()} as text` })
    .trim()
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .refine((v) => !CONTROL.test(v), `Remove the control characters from ${label.toLowerCase()}`)
    .optional();
}

/** A record chosen from a list (organisation, service): a positive id that fits the column. */
export function recordId(message: string) {
  return z.coerce.number({ error: message }).int(message).positive(message).max(MAX_RECORD_ID, message);
}

/** A code chosen from a list (ICB, place, neighbourhood): letters and digits only. */
export function listCode(message: string, pattern = /^[A-Za-z0-9]{1,20}$/) {
  return z.string({ error: message }).trim().regex(pattern, message);
}

/** The earliest and latest dates any form takes: outside these a date is a typing mistake. */
export const DATE_RANGE = { min: "2000-01-01", max: "2099-12-31" } as const;

export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** A real calendar date (no 30 February) between 2000 and 2099, as YYYY-MM-DD. */
export function isoDate(message: string) {
  return z
    .string({ error: message })
    .trim()
    .refine(isRealDate, message)
    .refine((v) => v >= DATE_RANGE.min && v <= DATE_RANGE.max, "Enter a date between 2000 and 2099");
}
