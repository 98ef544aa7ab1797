/**
 * Direct identifiers: HJP data is pseudonymised at source, so a file that carries a
 * column of names, NHS numbers, dates of birth, addresses, full postcodes or contact
 * details is refused on its header, before any row is read. The rule matches whole
 * words after normalising case and separators, so `client_name`, `Client Name` and
 * `clientName` are refused while `service_name` and `funder_name` (names of things,
 * not people) are allowed.
 */

export type IdentifierKind = "name" | "nhs-number" | "date-of-birth" | "address" | "postcode" | "contact";

const WHY: Record<IdentifierKind, string> = {
  name: "a person's name",
  "nhs-number": "an NHS number",
  "date-of-birth": "a date of birth",
  address: "an address",
  postcode: "a full postcode (an outward code such as M14 is allowed)",
  contact: "contact details (email address or telephone number)",
};

/** Headers refused whatever else they say, as runs of whole words (contact before address: "email address" is contact details). */
const ALWAYS: { words: string[]; kind: IdentifierKind }[] = [
  ...["first name", "forename", "forenames", "surname", "full name", "patient name", "client name", "given name", "family name", "last name", "middle name", "maiden name"].map((p) => ({ words: p.split(" "), kind: "name" as const })),
  ...["nhs number", "nhs no", "nhs num"].map((p) => ({ words: p.split(" "), kind: "nhs-number" as const })),
  ...["date of birth", "dob", "birth date", "birthdate"].map((p) => ({ words: p.split(" "), kind: "date-of-birth" as const })),
  ...["email", "e mail", "phone", "telephone", "tel", "mobile"].map((p) => ({ words: p.split(" "), kind: "contact" as const })),
  ...["address", "street"].map((p) => ({ words: p.split(" "), kind: "address" as const })),
];

/** The same phrases written as one word (`firstname`, `nhsnumber`, `dateofbirth`). */
const COMPACT = new Map<string, IdentifierKind>([
  ...["firstname", "fullname", "patientname", "clientname", "givenname", "familyname", "lastname", "middlename"].map((w) => [w, "name"] as const),
  ...["nhsnumber", "nhsno", "nhsnum"].map((w) => [w, "nhs-number"] as const),
  ...["dateofbirth"].map((w) => [w, "date-of-birth"] as const),
  ...["emailaddress", "phonenumber", "telephonenumber", "mobilenumber", "phoneno", "telno"].map((w) => [w, "contact"] as const),
]);

/**
 * `name` on its own is a person's name; qualified by one of these it names a thing
 * (`service_name`, `funder_name`, `name_of_service`) and is allowed.
 */
export const NAMED_THINGS = new Set([
  "service", "funder", "funding", "organisation", "organization", "org", "provider", "recipient", "programme", "program",
  "grant", "practice", "site", "setting", "area", "place", "neighbourhood", "pcn", "icb", "trust", "team", "project",
  "partnership", "scheme", "fund", "benefit", "file", "session", "training", "course", "hospital", "hospice", "ward",
]);

/** Qualifiers that make a postcode column partial (district or outward code), not a full postcode. */
const PARTIAL_POSTCODE = new Set(["district", "outward", "area", "sector", "prefix"]);

/** A header as lower-case whole words: separators, case changes and digits split words. */
export function headerWords(header: string): string[] {
  return header
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function containsRun(words: string[], run: string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

/** What kind of direct identifier a header names, or null when it names none. */
export function identifierKind(header: string): IdentifierKind | null {
  const words = headerWords(header);
  for (const { words: run, kind } of ALWAYS) if (containsRun(words, run)) return kind;
  for (const w of words) {
    const kind = COMPACT.get(w);
    if (kind) return kind;
  }
  const postcode = words.includes("postcode") || containsRun(words, ["post", "code"]);
  if (postcode && !words.some((w) => PARTIAL_POSTCODE.has(w))) return "postcode";
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== "name" && words[i] !== "names") continue;
    const before = words[i - 1];
    const after = words[i + 1] === "of" ? words[i + 2] : undefined;
    if (!(before && NAMED_THINGS.has(before)) && !(after && NAMED_THINGS.has(after))) return "name";
  }
  return null;
}

export function identifierReason(kind: IdentifierKind): string {
  return WHY[kind];
}

/**
 * The header problems that refuse a whole file, one per identifying column, each
 * naming the column and saying why; empty when the header is clean.
 */
export function refuseIdentifierHeaders(header: readonly string[]): { column: string; message: string }[] {
  const problems: { column: string; message: string }[] = [];
  for (const column of header) {
    const kind = identifierKind(column);
    if (!kind) continue;
    problems.push({
      column,
      message:
        `column "${column}" looks like a direct identifier (${WHY[kind]}). HJP data must be pseudonymised: ` +
        "files with names, NHS numbers, dates of birth, addresses, full postcodes or contact details are refused " +
        "before any row is read, and nothing is stored. Remove the column and upload the file again.",
    });
  }
  return problems;
}

/** The refused headers, grouped by why, for the data dictionary. */
export function refusedHeaderList(): { kind: IdentifierKind; reason: string; examples: string[] }[] {
  const byKind = new Map<IdentifierKind, string[]>();
  for (const { words, kind } of ALWAYS) byKind.set(kind, [...(byKind.get(kind) ?? []), words.join(" ")]);
  byKind.set("name", ["name", ...(byKind.get("name") ?? [])]);
  byKind.set("postcode", ["postcode", "post code"]);
  return (Object.keys(WHY) as IdentifierKind[]).map((kind) => ({ kind, reason: WHY[kind], examples: byKind.get(kind) ?? [] }));
}

const FULL_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;
const OUTWARD_CODE = /^[A-Z]{1,2}\d[A-Z\d]?$/i;

export function isFullPostcode(value: string): boolean {
  return FULL_POSTCODE.test(value.trim());
}

export function isOutwardCode(value: string): boolean {
  return OUTWARD_CODE.test(value.trim());
}

/** NHS numbers are ten digits whose last is a modulus-11 check digit. */
export function isNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UK_PHONE = /^(\+44|0044|0)\d{9,10}$/;

/**
 * What a free-text reference cell (an episode or client reference) gives away, if it
 * is a direct identifier typed where a pseudonymous reference belongs; else null.
 */
export function identifyingValue(value: string): IdentifierKind | null {
  const v = value.trim();
  if (v.includes("@")) return EMAIL.test(v) ? "contact" : null;
  // Postcodes need letters; NHS and telephone numbers have none. Most references are
  // like CASE-000123, so one test decides which checks can apply (a million rows).
  if (/[a-z]/i.test(v)) return isFullPostcode(v) ? "postcode" : null;
  if (isNhsNumber(v)) return "nhs-number";
  if (UK_PHONE.test(v.replace(/[\s()-]/g, ""))) return "contact";
  return null;
}
