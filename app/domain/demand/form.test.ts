import { describe, expect, it } from "vitest";
import { applyParameterFields, formValues, overridesFromForm, overridesToQuery, parseParameterFields } from "./form";
import { PARAMETER_CATALOGUE } from "./parameters";

describe("the parameter form", () => {
  it.each([
    ["incidence of 10% becomes a share of 0.1", "annualIncidence", "10", 0.1],
    ["a caseload of 180 clients stays 180", "clientsPerFte", "180", 180],
    ["a cost written with £ and commas is read", "costPerFte", "£45,000", 45000],
    ["attendance of 65% becomes 0.65", "attendanceRate", "65", 0.65],
  ])("%s", (_name, field, text, expected) => {
    const { overrides, errors } = parseParameterFields(new URLSearchParams({ [field]: text }));
    expect(errors).toEqual([]);
    expect(overrides[field as keyof typeof overrides]?.value).toBeCloseTo(expected, 10);
  });

  it("keeps no override for a value equal to the default", () => {
    const shown = formValues({});
    expect(overridesFromForm({ annualIncidence: shown.annualIncidence, clientsPerFte: shown.clientsPerFte })).toEqual({});
  });

  it.each([
    ["above the upper bound", "annualIncidence", "60", /Annual incidence.*from 0% to 50%/],
    ["not a number", "clientsPerFte", "lots", /Clients per adviser FTE per year must be a number/],
    ["below the lower bound", "costPerFte", "10", /Cost per adviser FTE.*1,000 to 250,000/],
  ])("reports a value %s against its field and keeps the other fields", (_name, field, text, message) => {
    const { overrides, errors } = parseParameterFields(new URLSearchParams({ [field]: text, referralCapture: "50" }));
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe(field);
    expect(errors[0].message).toMatch(message);
    expect(overrides.referralCapture?.value).toBeCloseTo(0.5, 10);
  });

  it("round-trips overrides through the query string", () => {
    const query = overridesToQuery({ annualIncidence: { value: 0.1 }, clientsPerFte: { value: 180 } });
    expect(parseParameterFields(query).overrides).toEqual({ annualIncidence: { value: 0.1 }, clientsPerFte: { value: 180 } });
  });

  it("shows shares as percentages and counts as they are", () => {
    const shown = formValues({});
    expect(shown.attendanceRate).toBe(PARAMETER_CATALOGUE.attendanceRate.default * 100);
    expect(shown.clientsPerFte).toBe(PARAMETER_CATALOGUE.clientsPerFte.default);
  });
});

describe("parameters on top of a saved scenario", () => {
  it.each([
    ["a field set back to the default removes the scenario's override", { attendanceRate: "70" }, {}],
    ["a field left out keeps the scenario's value", { clientsPerFte: "200" }, { attendanceRate: { value: 0.6 }, clientsPerFte: { value: 200 } }],
    ["an invalid field keeps the scenario's value", { attendanceRate: "700" }, { attendanceRate: { value: 0.6 } }],
  ])("%s", (_name, fields, expected) => {
    const { overrides } = applyParameterFields({ attendanceRate: { value: 0.6 } }, new URLSearchParams(fields));
    expect(overrides).toEqual(expected);
  });
});
