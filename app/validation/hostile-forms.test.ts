/**
 * Every form's schema fed hostile FormData (issue #14): huge fields, SQL and HTML
 * fragments, formula cells, NUL and lone surrogates, absurd numbers, impossible dates,
 * missing and repeated fields. Each submission is either refused with a readable
 * message on a named field, or accepted with values inside the bounds the services and
 * the database rely on. Run through Conform's parseWithZod, exactly as the routes do.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { agreementFormEntries, type FormEntries, toFormData } from "../../tests/fixtures/form-examples";
import { HOSTILE_SEED, hostileCell } from "../../tests/setup/hostile";
import { DATE_RANGE, isRealDate, MAX_RECORD_ID } from "./fields";
import { PARAMETER_IDS } from "../domain/demand/parameters";
import { ScenarioFormSchema } from "../domain/demand/scenario-form";
import { FORM_FIELDS, returnFormSchema } from "../domain/returns/form";
import { MAX_COUNT, MAX_PENCE } from "../domain/returns/measures";
import { CreateUserSchema, OrganisationIdentifiersSchema, OrganisationSchema, SignInSchema } from "./accounts";
import { AgreementFormSchema, toAgreementInput } from "./agreements";
import { NewPackSchema, PackActionSchema, PackEditSchema } from "./packs";
import { ReviewReturnSchema, uploadSchema } from "./returns";
import { InflationIndexFormSchema, UnitCostFormSchema } from "./value-for-money";

type Entries = FormEntries;
type Form = {
  route: string;
  schema: z.ZodType;
  /** A submission the form accepts; each property spoils it. */
  valid: Entries;
  /** What an accepted submission must satisfy beyond the generic bounds. */
  bounds?: (value: Record<string, unknown>) => void;
};

const inRange = (iso: string) => isRealDate(iso) && iso >= DATE_RANGE.min && iso <= DATE_RANGE.max;

const agreement: Entries = { ...agreementFormEntries("3"), serviceIds: "7", "kpis[0].measure": "income-gained", "kpis[0].target": "1500" };

const FORMS: Form[] = [
  { route: "admin.organisations", schema: OrganisationSchema, valid: { name: "Riverside Advice", charityNumber: "1234567", companyNumber: "01234567", giving360Id: "GB-CHC-1234567", primaryIcbCode: "E54000057" } },
  {
    route: "admin.users",
    schema: CreateUserSchema,
    valid: { name: "Pat Commissioner", email: "pat@example.org", role: "commissioner", icbCode: "E54000057", password: "a long enough password" },
    bounds: (v) => {
      if (v.organisationId !== undefined) expect(v.organisationId).toBeLessThanOrEqual(MAX_RECORD_ID);
    },
  },
  ...["agreements.new", "agreements.$id_.edit"].map(
    (route): Form => ({
      route,
      schema: AgreementFormSchema,
      valid: route === "agreements.new" ? agreement : { ...agreement, revision: "2" },
      bounds: (v) => {
        const input = toAgreementInput(v as never);
        expect(input.valuePence).toBeGreaterThanOrEqual(0);
        expect(input.valuePence).toBeLessThanOrEqual(MAX_PENCE);
        for (const d of [input.startDate, input.endDate, input.reviewDate ?? input.startDate]) expect(inRange(d), d).toBe(true);
        // A term the payment schedule and quarterly targets can be laid out over.
        expect(input.paymentSchedule.length).toBeLessThanOrEqual(12 * 25);
        for (const id of [...input.serviceIds, ...input.parties.map((p) => p.organisationId)]) expect(id).toBeLessThanOrEqual(MAX_RECORD_ID);
        for (const k of input.kpis) for (const t of k.targets) expect(Number.isSafeInteger(t.target) && t.target >= 0).toBe(true);
      },
    }),
  ),
  {
    route: "icb.$code.demand_.scenarios.new",
    schema: ScenarioFormSchema,
    valid: { name: "Advisers in five PCNs", annualGrowthPercent: "0.5", projectionYears: "5", addSessionsPerWeek: "1", addNeighbourhoods: ["U07506"] },
    bounds: (v) => {
      for (const code of [...(v.addNeighbourhoods as string[]), ...(v.removeServices as string[])]) expect(code.length).toBeLessThanOrEqual(20);
    },
  },
  { route: "login", schema: SignInSchema, valid: { email: "pat@example.org", password: "secret", redirectTo: "/agreements" } },
  { route: "organisations.$id", schema: OrganisationIdentifiersSchema, valid: { charityNumber: "1234567", companyNumber: "SC123456", giving360Id: "GB-CHC-1234567" } },
  { route: "packs.new", schema: NewPackSchema, valid: { title: "Manchester evidence", area: "place:E08000003" } },
  {
    route: "packs.$id",
    schema: PackActionSchema,
    valid: { intent: "share", organisationIds: ["3", "4"] },
    bounds: (v) => {
      for (const id of (v.organisationIds as number[] | undefined) ?? []) expect(id).toBeLessThanOrEqual(MAX_RECORD_ID);
    },
  },
  {
    route: "packs.$id_.edit",
    schema: PackEditSchema,
    valid: { title: "A pack", populationInclude: "on", populationIndicators: ["qof-dep"], hjpInclude: "on", hjpYear: "2025-26", demandInclude: "on", demandScenario: "12", hjpNarrative: "Reach is uneven." },
  },
  {
    route: "returns.$serviceId.$period (return)",
    schema: returnFormSchema(["clients-advised", "financial-gains", "case-studies"]),
    valid: { clientsAdvised: "40", clientsWithGains: "12", gainsRecurring: "£12,500.50", gainsOneOff: "300", wellbeingN: "10", wellbeingMeanChange: "2.5", caseStudies: "A client kept their home." },
    bounds: (v) => {
      for (const f of FORM_FIELDS) {
        const x = v[f.name];
        if (x === undefined) continue;
        if (f.kind === "count") expect(Number.isInteger(x) && (x as number) >= 0 && (x as number) <= MAX_COUNT).toBe(true);
        if (f.kind === "decimal") expect(Math.abs(x as number)).toBeLessThanOrEqual(28);
      }
    },
  },
  { route: "returns.$serviceId.$period (review)", schema: ReviewReturnSchema, valid: { decision: "query", comment: "Please check the referrals." } },
  {
    route: "value-for-money.inflation-index",
    schema: InflationIndexFormSchema,
    valid: { intent: "save", year: "2024-25", value: "112.5", source: "HM Treasury GDP deflator, June 2025" },
    bounds: (v) => {
      expect(v.year).toBeGreaterThanOrEqual(1990);
      expect(v.year).toBeLessThanOrEqual(2100);
    },
  },
  {
    route: "value-for-money.unit-costs.$id",
    schema: UnitCostFormSchema,
    valid: { code: "GMCA-1", item: "Homelessness, per case", value: "6,680", unit: "per case", priceYear: "2019-20", source: "GMCA unit cost database", sourceUrl: "https://example.org/costs", licence: "OGL v3", outcome: "" },
    bounds: (v) => {
      expect(Number.isSafeInteger(v.value) && (v.value as number) >= 0 && (v.value as number) <= MAX_PENCE).toBe(true);
      expect(v.priceYear).toBeGreaterThanOrEqual(1990);
      expect(v.priceYear).toBeLessThanOrEqual(2100);
      if (v.sourceUrl !== undefined) expect(v.sourceUrl).toMatch(/^https?:\/\//i);
    },
  },
];

/** The longest text any form keeps (a return's case studies). */
const MAX_TEXT = 10_000;
// What zod says when a schema forgot to say something a person can act on.
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Expected|Required$)|expected .*, received/i;

function expectBounded(value: unknown, path: string) {
  if (typeof value === "string") {
    expect(value.length, path).toBeLessThanOrEqual(MAX_TEXT);
    // PostgreSQL text cannot hold NUL; other control characters are never typed on purpose.
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), `${path} has control characters`).toBe(false);
  } else if (typeof value === "number") {
    expect(Number.isFinite(value), path).toBe(true);
  } else if (Array.isArray(value)) {
    expect(value.length, path).toBeLessThanOrEqual(2000);
    value.forEach((v, i) => expectBounded(v, `${path}[${i}]`));
  } else if (value && typeof value === "object" && !(value instanceof File)) {
    // A password is only ever hashed, so any character may be in it.
    for (const [k, v] of Object.entries(value)) if (k !== "password") expectBounded(v, `${path}.${k}`);
  }
}

/** Refused with readable messages on named fields, or accepted within bounds. */
function check(form: Form, data: FormData): "accepted" | "refused" {
  let submission: { status?: string; value?: unknown; error?: Record<string, string[] | null> | null } | undefined;
  expect(() => (submission = parseWithZod(data, { schema: form.schema }))).not.toThrow();
  if (submission!.status === "success") {
    expectBounded(submission!.value, "value");
    form.bounds?.(submission!.value as Record<string, unknown>);
    return "accepted";
  }
  const errors = Object.entries(submission!.error ?? {}).filter(([, messages]) => messages && messages.length > 0);
  expect(errors.length).toBeGreaterThan(0);
  for (const [field, messages] of errors) {
    expect(field, `an error not attached to a field: ${JSON.stringify(messages)}`).not.toBe("");
    for (const m of messages!) {
      expect(m.trim().length, field).toBeGreaterThan(0);
      expect(m, `${field} has zod's default message`).not.toMatch(ZOD_DEFAULT);
    }
  }
  return "refused";
}


/** How one field is spoiled: a hostile value, left out, sent twice, or as a file. */
const spoil = fc.oneof(
  { weight: 6, arbitrary: hostileCell.map((v) => ({ kind: "value" as const, v })) },
  { weight: 1, arbitrary: fc.constant({ kind: "missing" as const }) },
  { weight: 1, arbitrary: fc.tuple(hostileCell, hostileCell).map(([a, b]) => ({ kind: "repeated" as const, v: [a, b] })) },
  { weight: 1, arbitrary: fc.constant({ kind: "file" as const }) },
  { weight: 1, arbitrary: fc.constantFrom("1".repeat(1_048_576), "<".repeat(1_048_576)).map((v) => ({ kind: "value" as const, v })) },
);
type Spoil = typeof spoil extends fc.Arbitrary<infer T> ? T : never;

function spoilt(entries: Entries, field: string, how: Spoil): FormData {
  const rest = Object.fromEntries(Object.entries(entries).filter(([k]) => k !== field));
  const data = toFormData(rest);
  if (how.kind === "value") data.append(field, how.v);
  if (how.kind === "repeated") for (const v of how.v) data.append(field, v);
  if (how.kind === "file") data.append(field, new File(["=1+1"], "evil.csv"));
  return data;
}

export const SCHEMA_RUNS = { oneField: 200, everyField: 100 };

describe.each(FORMS.map((f) => [f.route, f] as const))("the %s form", (_route, form) => {
  const fields = [...new Set([...Object.keys(form.valid), ...Object.keys((form.schema as z.ZodObject).shape ?? {})])];

  it("accepts its valid example", () => {
    expect(check(form, toFormData(form.valid))).toBe("accepted");
  });

  it("with one field spoilt, refuses it with a readable message on a named field or keeps it within bounds", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), spoil, (field, how) => {
        check(form, spoilt(form.valid, field, how));
      }),
      { numRuns: SCHEMA_RUNS.oneField, seed: HOSTILE_SEED },
    );
  });

  it("with every field hostile, never throws and answers with named errors or bounded values", () => {
    fc.assert(
      fc.property(fc.tuple(...fields.map(() => spoil)), (spoils) => {
        let data = new FormData();
        spoils.forEach((how, i) => {
          const one = spoilt({}, fields[i]!, how);
          for (const [k, v] of one.entries()) data.append(k, v);
        });
        check(form, data);
        data = new FormData();
      }),
      { numRuns: SCHEMA_RUNS.everyField, seed: HOSTILE_SEED },
    );
  });
});

describe("the return upload form", () => {
  const file = (name: string, bytes: number | string) => {
    const data = new FormData();
    data.append("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name));
    return data;
  };
  const upload: Form = { route: "upload", schema: uploadSchema(), valid: {} };

  it.each([
    ["no file", new FormData(), "file"],
    ["a file sent as text", toFormData({ file: "=HYPERLINK(\"http://x\",\"y\")" }), "file"],
    ["an empty file", file("return.csv", 0), "file"],
    ["an executable", file("return.exe", "MZ"), "file"],
    ["a file over 20 MB", file("return.csv", 20 * 1024 * 1024 + 1), "file"],
  ])("refuses %s with a message on the file field", (_name, data, field) => {
    expect(check(upload, data)).toBe("refused");
    const submission = parseWithZod(data, { schema: upload.schema });
    expect(Object.keys(submission.status === "error" ? (submission.error ?? {}) : {})).toEqual([field]);
  });

  it("accepts any file name ending in .csv or .xlsx, hostile or not, leaving the name to the upload service", () => {
    fc.assert(
      fc.property(hostileCell, fc.constantFrom(".csv", ".xlsx", ".CSV", ".exe", ""), (name, ext) => {
        const outcome = check(upload, file(`${name}${ext}`, "clients_advised\n1\n"));
        expect(outcome).toBe(/\.(csv|xlsx)$/i.test(`${name}${ext}`) ? "accepted" : "refused");
      }),
      { numRuns: SCHEMA_RUNS.oneField, seed: HOSTILE_SEED },
    );
  });
});
