import { expect, test } from "vitest";
import { AgreementFormSchema, toAgreementInput, toFormValues } from "./agreements";

const form = {
  title: "Advice in GP practices",
  type: "grant",
  purpose: "Advice",
  icbLeadName: "Lead",
  parties: [{ organisationId: "3", leadName: "Sam" }, {}, {}],
  serviceIds: ["7"],
  footprintSystem: "on",
  value: "50000.50",
  paymentFrequency: "quarterly-arrears",
  startDate: "2025-04-01",
  endDate: "2026-03-31",
  reportingFrequency: "quarterly",
  reportingDueDays: "30",
  kpis: [{ measure: "income-gained", target: "1500", overrides: "2025-26 Q4: 2000" }, { measure: "core20-share", target: "45" }, {}, {}],
};

test("a valid form becomes stored content: money in pence, a target for every quarter, blank rows dropped", () => {
  const parsed = AgreementFormSchema.safeParse(form);
  expect(parsed.success).toBe(true);
  const input = toAgreementInput(parsed.data!);
  expect(input.valuePence).toBe(5_000_050);
  expect(input.parties).toEqual([{ organisationId: 3, leadName: "Sam", leadEmail: null }]);
  expect(input.paymentSchedule.reduce((s, p) => s + p.amountPence, 0)).toBe(5_000_050);
  expect(input.kpis).toEqual([
    { measure: "income-gained", targets: [150_000, 150_000, 150_000, 200_000].map((target, i) => ({ period: ["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"][i], target })) },
    { measure: "core20-share", targets: ["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"].map((period) => ({ period, target: 45 })) },
  ]);
  const back = toFormValues(input);
  expect(back).toMatchObject({ value: "50000.50", kpis: [{ measure: "income-gained", target: "1500", overrides: "2025-26 Q4: 2000" }, { measure: "core20-share", target: "45", overrides: "" }] });
  // Conform sends empty fields as missing; do the same to read the values back.
  const withoutEmpty = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(withoutEmpty) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== "").map(([k, x]) => [k, withoutEmpty(x)])) : v;
  expect(toAgreementInput(AgreementFormSchema.parse(withoutEmpty(back)))).toEqual(input);
});

test.each([
  [{ parties: [{}, {}, {}] }, "parties", "Add at least one VCSE organisation as a party"],
  [{ endDate: "2025-01-01" }, "endDate", "End date must be the same as or after the start date"],
  [{ value: "lots" }, "value", "Enter the value in pounds, like 120000 or 120000.50"],
  [{ footprintSystem: undefined }, "footprintSystem", "Select the footprint the agreement covers: the whole system, places or neighbourhoods"],
  [{ kpis: [{ measure: "core20-share", target: "120" }] }, "kpis.0.target", "Enter a percentage target of 100 or less"],
  [{ kpis: [{ measure: "core20-share", target: "40" }, { measure: "core20-share", target: "50" }] }, "kpis.1.measure", "Each measure can be a KPI only once"],
  [{ kpis: [{ measure: "clients-advised", target: "40", overrides: "next year: 50" }] }, "kpis.0.overrides", "Write each quarter's target like “2025-26 Q3: 150” (could not read “next year: 50”)"],
  [{ parties: [{ organisationId: "3", leadName: "A" }, { organisationId: "3", leadName: "B" }] }, "parties.1.organisationId", "Each organisation can be a party only once"],
])("%j is refused at %s: %s", (change, path, message) => {
  const result = AgreementFormSchema.safeParse({ ...form, ...change });
  expect(result.success).toBe(false);
  expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([path, message]);
});
