import { describe, expect, it } from "vitest";
import { activityDataset } from "../../app/domain/hjp/datasets";
import { exampleRow } from "../../app/domain/hjp/templates";
import { csvText, parseText } from "../hjp-shared/parse-text";
import { parser } from "./parse";

const HEADER = activityDataset.list.map((c) => c.name);
const good = exampleRow(activityDataset);
const run = (rows: Record<string, string>[], header: readonly string[] = HEADER) => parseText(parser, csvText(header, rows));

describe("hjp-activity parser", () => {
  it("reads the example episode into a record with pence, codes and the reporting quarter", () => {
    const { records, errors } = run([good]);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      line: 2,
      providerOrgId: "GB-CHC-1000001",
      serviceRef: "SALFORD-GP",
      episodeRef: "CASE-000123",
      periodStart: "2025-04-01",
      periodEnd: "2025-06-30",
      referralDate: "2025-04-14",
      attended: true,
      setting: "gp-practice",
      siteOdsCode: "P87020",
      problems: { areas: ["welfare-benefits", "debt", "housing"], categories: ["welfare-benefits:pip", "debt:priority", "housing:damp-mould"] },
      clientOutwardCode: "M30",
      gainsRecurringByBenefit: { pip: 420000, "universal-credit": 130050 },
      gainsOneOffByBenefit: { pip: 85000 },
      debtWrittenOffPence: 120000,
      debtManagedPence: 340075,
      swemwbsBaseline: 19,
      swemwbsFollowup: 23.5,
      disabilityOrLtc: true,
    });
  });

  it("accepts a file with only the required columns (a remote episode needs no site)", () => {
    const required = activityDataset.list.filter((c) => c.required).map((c) => c.name);
    const { records, errors } = run([{ ...good, setting: "remote", delivery_mode: "telephone" }], required);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ clientRef: null, clientLsoa: null, gainsRecurringByBenefit: null });
  });

  it.each([
    ["provider_org_id", "Citizens Advice", /^not a valid 360Giving organisation identifier/],
    ["episode_ref", "9434765919", /^looks like an NHS number, not a pseudonymous reference/],
    ["client_ref", "someone@example.org", /^looks like contact details/],
    ["reporting_period", "Q1 2025", /^not a financial-year quarter/],
    ["referral_date", "31/02/2025", /^not a date/],
    ["referral_source", "postman", /^not a known referral source/],
    ["attended", "maybe", /^not yes or no/],
    ["setting", "pub", /^not a known setting/],
    ["problem_categories", "housing:noise", /^not a known sub-type of housing/],
    ["service_level", "everything", /^not a known service level/],
    ["client_lsoa", "W01000001", /^not a valid LSOA 2021 code/],
    ["client_outward_code", "M14 5RX", /^is a full postcode: give only the outward code/],
    ["client_imd_decile", "11", /^out of range 1 to 10/],
    ["gains_recurring_annual", "pip=lots", /^not an amount in pounds/],
    ["debt_written_off", "-20", /^not an amount in pounds/],
    ["swemwbs_baseline", "40", /^out of range 7 to 35/],
    ["age_band", "ancient", /^not a known age band/],
    ["ethnicity", "martian", /^not a known ethnic group/],
  ])("names line and column for a bad %s (%j)", (column, value, message) => {
    const { errors } = run([good, { ...good, episode_ref: "CASE-2", [column]: value }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column });
    expect(errors[0].message).toMatch(message);
  });

  it("allows an outward code such as M14", () => {
    expect(run([{ ...good, client_outward_code: "M14" }]).records[0].clientOutwardCode).toBe("M14");
  });

  it("checks dates against each other and the reporting quarter", () => {
    const { errors } = run([{ ...good, referral_date: "2025-07-02", first_contact_date: "2025-07-01", closed_date: "2025-06-01" }]);
    expect(errors).toEqual([
      { line: 2, column: "referral_date", message: "2025-07-02 is after the end of 2025-26 Q1 (2025-06-30)" },
      { line: 2, column: "first_contact_date", message: "2025-07-01 is before the referral date 2025-07-02" },
      { line: 2, column: "closed_date", message: "2025-06-01 is before the referral date 2025-07-02" },
    ]);
  });

  it("needs a practice code for a GP-practice episode", () => {
    expect(run([{ ...good, site_ods_code: "" }]).errors).toEqual([{ line: 2, column: "site_ods_code", message: "missing value: a GP-practice episode needs the practice code" }]);
    expect(run([{ ...good, site_ods_code: "RM301" }]).errors[0].message).toMatch(/^not a GP practice code/);
    expect(run([{ ...good, setting: "hospital", site_ods_code: "RM301" }]).errors).toEqual([]);
  });

  describe("refuses a header with a direct identifier, before any row", () => {
    it.each(["patient_name", "Client Name", "NHS_No", "dob", "postcode", "email", "telephone", "mobile", "address", "first name", "surname"])("%j", (column) => {
      const { records, errors } = run([good], [...HEADER, column]);
      expect(records).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 1, column });
      expect(errors[0].message).toMatch(new RegExp(`^column "${column}" looks like a direct identifier`));
    });

    it.each(["postcode_district", "outward_code", "service_name", "funder_name"])("but not %j (it is then only an unexpected column)", (column) => {
      expect(parser.refuseHeaders!([...HEADER, column])).toEqual([]);
    });
  });
});
