import { expect, test } from "vitest";
import { changedParts, type VersionContent } from "./versions";

const base: VersionContent = {
  icbLeadName: "A Lead",
  icbLeadEmail: null,
  parties: [
    { organisationId: 1, leadName: "B", leadEmail: null },
    { organisationId: 2, leadName: "C", leadEmail: "c@example.org" },
  ],
  serviceIds: [3, 1],
  footprints: { system: true, places: [], neighbourhoods: [] },
  valuePence: 100,
  paymentFrequency: "quarterly-arrears",
  startDate: "2025-04-01",
  endDate: "2026-03-31",
  reviewDate: null,
  governance: { meetings: "Quarterly", seats: "", escalation: "" },
  dataSharing: { data: "", lawfulBasis: "", retention: "" },
  reporting: { frequency: "quarterly", dueDaysAfterPeriodEnd: 30, measures: ["clients-advised"], notes: "" },
  kpis: [{ measure: "clients-advised", targets: [{ period: "2025-04-01", target: 10 }] }],
};

test.each<[string, Partial<VersionContent>, string[]]>([
  ["nothing", {}, []],
  ["the order of parties and services only", { parties: [...base.parties].reverse(), serviceIds: [1, 3] }, []],
  ["the value", { valuePence: 200 }, ["Value"]],
  ["the end date and a KPI target", { endDate: "2027-03-31", kpis: [{ measure: "clients-advised", targets: [{ period: "2025-04-01", target: 12 }] }] }, ["End date", "KPIs and targets"]],
  ["a party's lead", { parties: [base.parties[0], { ...base.parties[1], leadName: "D" }] }, ["Parties and leads"]],
  ["governance keys written in another order", { governance: { escalation: "", seats: "", meetings: "Quarterly" } }, []],
])("changing %s lists %j", (_what, change, expected) => {
  expect(changedParts(base, { ...base, ...change })).toEqual(expected);
});
