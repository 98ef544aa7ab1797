import { describe, expect, test } from "vitest";
import { aggregatesToForm, formToAggregates, pickFormValues, poundsToPence, returnFormSchema } from "./form";

test.each([
  ["1250.50", 125050],
  ["£1,250.5", 125050],
  ["£ 12", 1200],
  ["0", 0],
  ["1,000,000", 100000000],
  ["12.345", null],
  ["1,00", null],
  ["abc", null],
  ["-5", null],
  ["", null],
])("%s pounds is %s pence", (text, pence) => {
  expect(poundsToPence(text)).toBe(pence);
});

/** What Conform hands the schema: blanks dropped, numbers already numbers for number fields. */
function parse(required: Parameters<typeof returnFormSchema>[0], value: Record<string, unknown>) {
  const result = returnFormSchema(required).safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("returnFormSchema", () => {
  test.each([
    { name: "a complete return passes", required: ["clients-advised", "financial-gains"] as const, value: { clientsAdvised: 20, clientsWithGains: 5, gainsRecurring: "1,200.50" }, errors: [] },
    { name: "a required measure left blank is named", required: ["clients-advised"] as const, value: {}, errors: ["clientsAdvised: Enter the number of clients advised"] },
    { name: "a required breakdown needs one figure", required: ["referrals-by-source"] as const, value: { clientsAdvised: 3 }, errors: ["referrals_gp: Enter the referrals from at least one source (enter 0 where there were none)"] },
    { name: "a breakdown with one figure is enough", required: ["referrals-by-source"] as const, value: { referrals_self: 0 }, errors: [] },
    { name: "text in a count field", required: [] as const, value: { clientsAdvised: "lots" }, errors: ["clientsAdvised: Enter clients advised as a whole number, like 12"] },
    { name: "a fraction of a client", required: [] as const, value: { clientsAdvised: 2.5 }, errors: ["clientsAdvised: Enter clients advised as a whole number, like 12"] },
    { name: "money that is not pounds", required: [] as const, value: { gainsOneOff: "£12.345", clientsWithGains: 1 }, errors: ["gainsOneOff: Enter one-off gains in pounds, like 1250.50"] },
    { name: "more clients with gains than advised", required: [] as const, value: { clientsAdvised: 4, clientsWithGains: 5 }, errors: ["clientsWithGains: Clients with financial gains (5) cannot be more than the clients advised (4)"] },
    { name: "gains without the clients who had them", required: [] as const, value: { gainsRecurring: "500" }, errors: ["clientsWithGains: Enter how many clients had the financial gains you entered"] },
    { name: "a wellbeing change out of range", required: [] as const, value: { wellbeingN: 3, wellbeingMeanChange: 40 }, errors: ["wellbeingMeanChange: Enter the average change in SWEMWBS score as a number between -28 and 28, like 2.5"] },
  ])("$name", ({ required, value, errors }) => {
    expect(parse(required, value)).toEqual(errors);
  });
});

test("form values become aggregates in pence and back again", () => {
  const form = { clientsAdvised: "20", referrals_gp: "12", referrals_self: "9", problems_debt: "7", clientsWithGains: "5", gainsRecurring: "1200.50", gainsOneOff: "300", housing_rehoused: "1", wellbeingN: "4", wellbeingMeanChange: "2.5", caseStudies: "  A story.  " };
  const aggregates = formToAggregates(form);
  expect(aggregates).toMatchObject({
    clientsAdvised: 20,
    referralsBySource: { gp: 12, self: 9 },
    problemMix: { debt: 7 },
    gainsRecurringPence: 120050,
    gainsOneOffPence: 30000,
    debtManagedPence: null,
    housingOutcomes: { rehoused: 1 },
    wellbeingMeanChange: 2.5,
    caseStudies: "A story.",
  });
  expect(aggregatesToForm(aggregates)).toEqual({ ...form, caseStudies: "A story." });
});

test("only the form's own fields are kept from a request", () => {
  expect(pickFormValues(Object.entries({ clientsAdvised: "3", intent: "submit", revision: "4", referrals_gp: "", caseStudies: "x" }))).toEqual({ clientsAdvised: "3", caseStudies: "x" });
});
