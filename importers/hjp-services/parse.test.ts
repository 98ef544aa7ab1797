import { describe, expect, it } from "vitest";
import { servicesDataset } from "../../app/domain/hjp/datasets";
import { exampleRow } from "../../app/domain/hjp/templates";
import { csvText, parseText } from "../hjp-shared/parse-text";
import { parser } from "./parse";

const HEADER = servicesDataset.list.map((c) => c.name);
const good = exampleRow(servicesDataset);
const run = (rows: Record<string, string>[], header: readonly string[] = HEADER) => parseText(parser, csvText(header, rows));

describe("hjp-services parser", () => {
  it("reads the example service with its sites, footprint and staffing", () => {
    const { records, errors } = run([good]);
    expect(errors).toEqual([]);
    expect(records[0]).toEqual({
      line: 2,
      providerOrgId: "GB-CHC-1000001",
      serviceRef: "SALFORD-GP",
      name: "Salford GP welfare rights service",
      icbCode: "E54000057",
      sites: [
        { setting: "gp-practice", odsCode: "P87020" },
        { setting: "gp-practice", odsCode: "P87024" },
        { setting: "hospital", odsCode: "RM301" },
      ],
      areasServed: ["U00203", "U03153"],
      deliveryModel: "co-located",
      problemAreas: ["welfare-benefits", "debt", "housing"],
      adviserFte: 2.5,
      supervisingSolicitorFte: 0.2,
      adminFte: 0.5,
      sessionsPerWeek: 6,
    });
  });

  it("reads a remote service with no site", () => {
    expect(run([{ ...good, sites: "remote" }]).records[0].sites).toEqual([{ setting: "remote", odsCode: null }]);
  });

  it.each([
    ["sites", "hospital", /^hospital needs the site's ODS code/],
    ["sites", "gp-practice:RM301", /^not a GP practice code/],
    ["sites", "pharmacy:FA123", /^not setting:ODS code with a known setting/],
    ["areas_served", "Salford", /^not a valid neighbourhood \(PCN\), place or ICB code/],
    ["icb_code", "QOP", /^not a valid ICB code/],
    ["delivery_model", "carrier pigeon", /^not a known delivery model/],
    ["problem_areas", "debt:priority", /^give problem areas without sub-types/],
    ["adviser_fte", "-1", /^not a number/],
    ["sessions_per_week", "1000", /^out of range 0 to 500/],
  ])("names line and column for a bad %s (%j)", (column, value, message) => {
    const { errors } = run([good, { ...good, service_ref: "OTHER", [column]: value }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column });
    expect(errors[0].message).toMatch(message);
  });

  it("keys services by provider and reference", () => {
    expect(parser.key!(run([good]).records[0])).toBe("GB-CHC-1000001 SALFORD-GP");
  });

  it.each([
    ["service_name", null],
    ["contact_email", "contact_email"],
    ["manager name", "manager name"],
  ])("checks the header %j for identifiers", (column, refused) => {
    const header = column === "service_name" ? HEADER : [...HEADER, column];
    expect((parser.refuseHeaders!(header) ?? []).map((e) => e.column)).toEqual(refused ? [refused] : []);
  });
});
