import { describe, expect, it } from "vitest";
import { fundingDataset } from "../../app/domain/hjp/datasets";
import { exampleRow } from "../../app/domain/hjp/templates";
import { csvText, parseText } from "../hjp-shared/parse-text";
import { parser } from "./parse";

const HEADER = fundingDataset.list.map((c) => c.name);
const good = exampleRow(fundingDataset);
const run = (rows: Record<string, string>[], header: readonly string[] = HEADER) => parseText(parser, csvText(header, rows));

describe("hjp-funding parser", () => {
  it("reads the example award with amounts in integer pence", () => {
    const { records, errors } = run([good]);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      grantId: "360G-QOP-HJP-2025-001",
      currency: "GBP",
      amountAwardedPence: 18_000_000,
      amountDisbursedPence: 9_000_000,
      awardDate: "2025-03-01",
      funderOrgId: "GB-NHS-QOP",
      funderName: "NHS Greater Manchester Integrated Care Board",
      funderType: "icb",
      recipientOrgId: "GB-CHC-1000001",
      serviceRef: "SALFORD-GP",
      fteFunded: 2.7,
    });
  });

  it("reads pounds with pence and thousands separators exactly", () => {
    expect(run([{ ...good, amount_awarded: "£1,234,567.89", amount_disbursed: "0.1" }]).records[0]).toMatchObject({ amountAwardedPence: 123_456_789, amountDisbursedPence: 10 });
  });

  it.each([
    ["currency", "EUR", /^not a valid currency code \(GBP\)/],
    ["amount_awarded", "180k", /^not an amount in pounds/],
    ["award_date", "March 2025", /^not a date/],
    ["funder_type", "bank", /^not a known funder type/],
    ["recipient_org_id", "1000001", /^not a valid 360Giving organisation identifier/],
    ["fte_funded", "two", /^not a number/],
  ])("names line and column for a bad %s (%j)", (column, value, message) => {
    const { errors } = run([good, { ...good, grant_id: "360G-OTHER", [column]: value }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column });
    expect(errors[0].message).toMatch(message);
  });

  it("refuses a disbursement above the award and an end before the start", () => {
    expect(run([{ ...good, amount_disbursed: "180000.01", planned_end: "2025-03-31" }]).errors).toEqual([
      { line: 2, column: "amount_disbursed", message: "more than the amount awarded" },
      { line: 2, column: "planned_end", message: "2025-03-31 is before the planned start 2025-04-01" },
    ]);
  });

  it.each([
    ["funder_name", []],
    ["recipient_org_name", []],
    ["contact_telephone", ["contact_telephone"]],
  ])("checks the header %j for identifiers", (column, refused) => {
    const header = HEADER.includes(column) ? HEADER : [...HEADER, column];
    expect((parser.refuseHeaders!(header) ?? []).map((e) => e.column)).toEqual(refused);
  });
});
