import { describe, expect, it } from "vitest";
import { trainingDataset } from "../../app/domain/hjp/datasets";
import { exampleRow } from "../../app/domain/hjp/templates";
import { csvText, parseText } from "../hjp-shared/parse-text";
import { parser } from "./parse";

const HEADER = trainingDataset.list.map((c) => c.name);
const good = exampleRow(trainingDataset);
const run = (rows: Record<string, string>[], header: readonly string[] = HEADER) => parseText(parser, csvText(header, rows));

describe("hjp-training parser", () => {
  it("reads the example row: sessions and attendees by role for a service, quarter and site", () => {
    const { records, errors } = run([good]);
    expect(errors).toEqual([]);
    expect(records[0]).toEqual({
      line: 2,
      providerOrgId: "GB-CHC-1000001",
      serviceRef: "SALFORD-GP",
      periodLabel: "2025-26 Q1",
      periodStart: "2025-04-01",
      periodEnd: "2025-06-30",
      siteOdsCode: "P87020",
      sessionsDelivered: 2,
      attendeesGp: 6,
      attendeesNurse: 4,
      attendeesReceptionist: 9,
      attendeesOther: 3,
    });
  });

  it.each([
    ["sessions_delivered", "two", /^not a whole number/],
    ["attendees_gp", "-3", /^not a whole number/],
    ["reporting_period", "April 2025", /^not a financial-year quarter/],
    ["site_ods_code", "P8", /^not a valid ODS code/],
  ])("names line and column for a bad %s (%j)", (column, value, message) => {
    const { errors } = run([good, { ...good, site_ods_code: "P87024", [column]: value }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column });
    expect(errors[0].message).toMatch(message);
  });

  it("keys rows by service, quarter and site, with no site meaning all sites", () => {
    const { records } = run([good, { ...good, site_ods_code: "" }]);
    expect(records.map((r) => parser.key!(r))).toEqual(["GB-CHC-1000001 SALFORD-GP 2025-26 Q1 P87020", "GB-CHC-1000001 SALFORD-GP 2025-26 Q1 (all sites)"]);
  });

  it("refuses a trainee-name column", () => {
    expect(run([good], [...HEADER, "attendee_names"]).errors[0]).toMatchObject({ line: 1, column: "attendee_names" });
  });
});
