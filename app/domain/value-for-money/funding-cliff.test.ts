import { describe, expect, it } from "vitest";
import { fundingCliff } from "./funding-cliff";

const TODAY = "2026-01-15";
const award = (grantId: string, serviceKey: string, amountPence: number, plannedStart: string, plannedEnd: string | null) => ({ grantId, serviceKey, serviceLabel: `Service ${serviceKey}`, amountPence, plannedStart, plannedEnd });

describe("fundingCliff", () => {
  it("lists services with awards ending within 12 months, soonest first, and says which have nothing after", () => {
    const rows = fundingCliff(
      [
        award("A1", "a", 5_000_000, "2025-04-01", "2026-03-31"), // ends in the window, nothing follows: a cliff
        award("B1", "b", 2_000_000, "2025-07-01", "2026-06-30"), // ends in the window…
        award("B2", "b", 3_000_000, "2026-07-01", "2028-06-30"), // …but the next award is already made
        award("C1", "c", 9_000_000, "2024-04-01", "2028-03-31"), // runs beyond the window
        award("D1", "d", 1_000_000, "2023-04-01", "2024-03-31"), // ended already
        award("E1", "e", 4_000_000, "2025-01-17", "2027-01-16"), // ends the day after the window closes
      ],
      TODAY,
    );
    expect(rows.map((r) => [r.serviceKey, r.runningPence, r.endingPence, r.endingAwards, r.firstEnd, r.cliff])).toEqual([
      ["a", 5_000_000, 5_000_000, 1, "2026-03-31", true],
      ["b", 2_000_000, 2_000_000, 1, "2026-06-30", false],
    ]);
  });

  it("counts an award ending today and one ending exactly 12 months on", () => {
    const rows = fundingCliff([award("A", "a", 100, "2025-01-01", TODAY), award("B", "b", 100, "2025-01-01", "2027-01-15")], TODAY);
    expect(rows.map((r) => r.serviceKey)).toEqual(["a", "b"]);
  });

  it("has no rows without awards", () => {
    expect(fundingCliff([], TODAY)).toEqual([]);
  });
});
