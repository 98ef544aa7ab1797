import { describe, expect, it } from "vitest";
import { headerWords, identifierKind, identifyingValue, isFullPostcode, isNhsNumber, isOutwardCode, refuseIdentifierHeaders, refusedHeaderList } from "./identifiers";

describe("direct identifiers in headers", () => {
  it.each([
    ["patient_name", "name"],
    ["Client Name", "name"],
    ["clientName", "name"],
    ["CLIENT-NAME", "name"],
    ["name", "name"],
    ["Name", "name"],
    ["first name", "name"],
    ["FirstName", "name"],
    ["firstname", "name"],
    ["forename", "name"],
    ["Surname", "name"],
    ["full_name", "name"],
    ["name_of_client", "name"],
    ["carer name", "name"],
    ["NHS_No", "nhs-number"],
    ["nhs number", "nhs-number"],
    ["NHSNumber", "nhs-number"],
    ["nhsno", "nhs-number"],
    ["patient_nhs_number", "nhs-number"],
    ["dob", "date-of-birth"],
    ["DOB", "date-of-birth"],
    ["Date of Birth", "date-of-birth"],
    ["date_of_birth", "date-of-birth"],
    ["birth_date", "date-of-birth"],
    ["address", "address"],
    ["Address Line 1", "address"],
    ["home_address", "address"],
    ["postcode", "postcode"],
    ["Post Code", "postcode"],
    ["client_postcode", "postcode"],
    ["email", "contact"],
    ["E-mail", "contact"],
    ["email_address", "contact"],
    ["phone", "contact"],
    ["Telephone", "contact"],
    ["mobile_number", "contact"],
    ["tel", "contact"],
  ])("refuses %j as %s", (header, kind) => {
    expect(identifierKind(header)).toBe(kind);
  });

  it.each([
    "service_name",
    "funder_name",
    "recipient_org_name",
    "name_of_service",
    "Practice Name",
    "postcode_district",
    "outward_code",
    "client_outward_code",
    "postcode outward",
    "episode_ref",
    "client_ref",
    "referral_date",
    "closed_date",
    "nhs_trust",
    "age_band",
    "namespace",
    "telemetry",
    "addressed",
  ])("allows %j", (header) => {
    expect(identifierKind(header)).toBeNull();
  });

  it("splits headers into whole lower-case words across separators and case changes", () => {
    expect(headerWords("Client_Name")).toEqual(["client", "name"]);
    expect(headerWords("NHSNumber")).toEqual(["nhs", "number"]);
    expect(headerWords("  date-of.birth ")).toEqual(["date", "of", "birth"]);
  });

  it("names each refused column and says why, and passes a clean header", () => {
    const problems = refuseIdentifierHeaders(["episode_ref", "patient_name", "dob", "service_name"]);
    expect(problems.map((p) => p.column)).toEqual(["patient_name", "dob"]);
    expect(problems[0].message).toMatch(/^column "patient_name" looks like a direct identifier \(a person's name\)/);
    expect(problems[0].message).toMatch(/nothing is stored/);
    expect(problems[1].message).toMatch(/a date of birth/);
    expect(refuseIdentifierHeaders(["episode_ref", "service_name", "client_outward_code"])).toEqual([]);
  });

  it("lists the refused headers by reason for the data dictionary", () => {
    const list = refusedHeaderList();
    expect(list.map((r) => r.kind)).toEqual(["name", "nhs-number", "date-of-birth", "address", "postcode", "contact"]);
    expect(list.find((r) => r.kind === "name")!.examples).toContain("patient name");
  });
});

describe("identifying values", () => {
  it.each([
    ["M14 5RX", true],
    ["m145rx", true],
    ["SW1A 1AA", true],
    ["M14", false],
    ["E01005600", false],
  ])("%j is a full postcode: %s", (value, expected) => {
    expect(isFullPostcode(value)).toBe(expected);
  });

  it.each([
    ["M14", true],
    ["SW1A", true],
    ["B1", true],
    ["M14 5RX", false],
    ["14M", false],
  ])("%j is an outward code: %s", (value, expected) => {
    expect(isOutwardCode(value)).toBe(expected);
  });

  it.each([
    ["9434765919", true],
    ["943 476 5919", true],
    ["9434765918", false],
    ["943476591", false],
  ])("%j is an NHS number: %s", (value, expected) => {
    expect(isNhsNumber(value)).toBe(expected);
  });

  it.each([
    ["CASE-000123", null],
    ["EP-00000001", null],
    ["9434765919", "nhs-number"],
    ["M14 5RX", "postcode"],
    ["someone@example.org", "contact"],
    ["07700 900123", "contact"],
    ["+447700900123", "contact"],
  ])("reference %j gives away %s", (value, kind) => {
    expect(identifyingValue(value)).toBe(kind);
  });
});
