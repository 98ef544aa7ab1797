import { describe, expect, it } from "vitest";
import { figuresFor, freezeSnapshot, readSnapshot } from "./snapshot";

const AT = new Date("2026-11-28T10:00:00Z");

describe("freezing a pack's figures", () => {
  it("copies the figures, so later changes to the live data do not reach them", () => {
    const live = [{ kind: "population", rows: [{ value: 12.5 }] }];
    const snapshot = freezeSnapshot(live, AT);
    live[0].rows[0].value = 99;
    live.push({ kind: "hjp-provision", rows: [] });
    expect(snapshot.sections).toEqual([{ kind: "population", rows: [{ value: 12.5 }] }]);
    expect(snapshot.takenAt).toBe("2026-11-28T10:00:00.000Z");
  });

  it.each([
    ["nothing stored", null, null],
    ["a snapshot", { format: 1, takenAt: "2026-11-28T10:00:00.000Z", sections: [] }, "2026-11-28T10:00:00.000Z"],
  ])("reads %s", (_name, stored, takenAt) => {
    expect(readSnapshot(stored)?.takenAt ?? null).toBe(takenAt);
  });

  it("refuses a snapshot in a format it cannot read", () => {
    expect(() => readSnapshot({ format: 2, takenAt: "x", sections: [] })).toThrow(/format/);
  });

  it("shows a published pack from its snapshot without loading live figures", async () => {
    let loads = 0;
    const live = async () => (loads++, [{ v: 2 }]);
    const frozen = await figuresFor(freezeSnapshot([{ v: 1 }], AT), live);
    expect(frozen).toEqual({ frozen: true, takenAt: AT.toISOString(), sections: [{ v: 1 }] });
    expect(loads).toBe(0);
    const draft = await figuresFor(null, live);
    expect(draft).toEqual({ frozen: false, takenAt: null, sections: [{ v: 2 }] });
    expect(loads).toBe(1);
  });
});
