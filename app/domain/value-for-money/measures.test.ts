import { describe, expect, it } from "vitest";
import { apportionTotals, costPer, EMPTY_TOTALS, perPound, type VfmTotals, vfmMeasures } from "./measures";

/** £10,000 spent on 50 clients, 40 cases closed: every figure below is worked by hand. */
const BASE: VfmTotals = {
  ...EMPTY_TOTALS,
  spendPence: 1_000_000,
  referrals: 70,
  clients: 50,
  casesClosed: 40,
  clientsWithGains: 20,
  gainsRecurringPence: 2_500_000,
  gainsOneOffPence: 500_000,
  clientsWithDebtOutcome: 10,
  debtWrittenOffPence: 300_000,
  debtManagedPence: 1_200_000,
  housingOutcomes: 12,
  dampMould: 20,
  dampMouldRepaired: 12,
  resolvedYes: 20,
  resolvedPartly: 10,
  resolvedNo: 10,
  wellbeingN: 10,
  wellbeingMeanChange: 2,
  wellbeingSdChange: 3,
  wellbeingMeaningful: 4,
};

describe("perPound and costPer", () => {
  it.each([
    { amount: 2_500_000, spend: 1_000_000, expected: 2.5 },
    { amount: 0, spend: 1_000_000, expected: 0 },
    { amount: 500, spend: 0, expected: null },
    { amount: 500, spend: -1, expected: null },
  ])("£$amount pence per £1 of $spend pence is $expected", ({ amount, spend, expected }) => {
    expect(perPound(amount, spend)).toBe(expected);
  });

  it.each([
    { spend: 1_000_000, count: 50, expected: 20_000 },
    { spend: 1_000_000, count: 0, expected: null },
    { spend: 0, count: 50, expected: null },
  ])("spend $spend over $count is $expected pence each", ({ spend, count, expected }) => {
    expect(costPer(spend, count)).toBe(expected);
  });
});

describe("vfmMeasures", () => {
  it("works out each measure of a row with enough people to show everything", () => {
    const m = vfmMeasures(BASE);
    expect(m.spendPence).toBe(1_000_000);
    expect(m.clients).toBe(50);
    expect(m.casesClosed).toBe(40);
    expect(m.costPerClientPence).toBe(20_000); // £10,000 ÷ 50
    expect(m.costPerCasePence).toBe(25_000); // £10,000 ÷ 40
    expect(m.recurringGainPerPound).toBe(2.5); // £25,000 a year ÷ £10,000
    expect(m.oneOffGainPerPound).toBe(0.5);
    expect(m.debtWrittenOffPerPound).toBe(0.3);
    expect(m.debtManagedPerPound).toBe(1.2);
    // 30 of 40 resolved or partly resolved: 75%, Wilson 95% 59.81% to 85.81%.
    expect(m.resolved.value).toBe(75);
    expect(m.resolved.lower).toBeCloseTo(59.806, 3);
    expect(m.resolved.upper).toBeCloseTo(85.813, 3);
    // Mean 2, SD 3, n 10: t(0.975, 9) = 2.262157, half-width 2.262157 × 3 ÷ √10 = 2.146077.
    expect(m.wellbeing.value).toBe(2);
    expect(m.wellbeing.lower).toBeCloseTo(-0.1461, 4);
    expect(m.wellbeing.upper).toBeCloseTo(4.1461, 4);
    // 12 of 20 with damp or mould had repairs: 60%, Wilson 95% 38.66% to 78.12%.
    expect(m.dampMouldRepaired.value).toBe(60);
    expect(m.dampMouldRepaired.lower).toBeCloseTo(38.658, 3);
    expect(m.dampMouldRepaired.upper).toBeCloseTo(78.119, 3);
    expect(m.housingOutcomes).toBe(10); // 12 rounded to the nearest 5
  });

  it.each([
    {
      name: "zero spend: no ratio and no cost, but the people are still counted",
      changes: { spendPence: 0 },
      check: (m: ReturnType<typeof vfmMeasures>) => {
        expect([m.costPerClientPence, m.costPerCasePence, m.recurringGainPerPound, m.oneOffGainPerPound, m.debtWrittenOffPerPound, m.debtManagedPerPound]).toEqual([null, null, null, null, null, null]);
        expect(m.clients).toBe(50);
      },
    },
    {
      name: "zero clients: no cost per client, and a shown zero",
      changes: { clients: 0, casesClosed: 0 },
      check: (m: ReturnType<typeof vfmMeasures>) => {
        expect(m.clients).toBe(0);
        expect(m.costPerClientPence).toBeNull();
        expect(m.costPerCasePence).toBeNull();
      },
    },
    {
      name: "5 clients: the count and the cost per client (which would give it back) are both hidden",
      changes: { clients: 5, casesClosed: 5 },
      check: (m: ReturnType<typeof vfmMeasures>) => {
        expect(m.clients).toBeNull();
        expect(m.costPerClientPence).toBeNull();
        expect(m.costPerCasePence).toBeNull();
      },
    },
    {
      name: "gains resting on 7 clients are hidden per £1 as well",
      changes: { clientsWithGains: 7 },
      check: (m: ReturnType<typeof vfmMeasures>) => {
        expect(m.recurringGainPerPound).toBeNull();
        expect(m.oneOffGainPerPound).toBeNull();
        expect(m.debtManagedPerPound).toBe(1.2);
      },
    },
    {
      name: "3 clients not resolved: the percentage would reveal them, so it is hidden",
      changes: { resolvedNo: 3 },
      check: (m: ReturnType<typeof vfmMeasures>) => expect(m.resolved).toEqual({ value: null, lower: null, upper: null, hidden: "primary" }),
    },
    {
      name: "a wellbeing mean from 6 clients is not shown",
      changes: { wellbeingN: 6, wellbeingMeaningful: 2 },
      check: (m: ReturnType<typeof vfmMeasures>) => {
        expect(m.wellbeing.value).toBeNull();
        expect(m.wellbeingMeaningful.value).toBeNull();
      },
    },
  ])("$name", ({ changes, check }) => {
    check(vfmMeasures({ ...BASE, ...changes }));
  });
});

describe("apportionTotals", () => {
  it("gives a funder its share of each service's counts and sums, and no wellbeing mean", () => {
    const a = { ...BASE, spendPence: 1_000_000, clients: 40 };
    const b = { ...BASE, spendPence: 400_000, clients: 10, gainsRecurringPence: 100_000 };
    const t = apportionTotals([
      { totals: a, share: 0.5 },
      { totals: b, share: 0.25 },
    ]);
    expect(t.spendPence).toBe(600_000); // 500,000 + 100,000
    expect(t.clients).toBe(22.5); // 20 + 2.5
    expect(t.gainsRecurringPence).toBe(1_275_000); // 1,250,000 + 25,000
    expect(t.wellbeingN).toBe(0);
    expect(t.wellbeingMeanChange).toBeNull();
  });
});
