import { describe, expect, it } from "vitest";
import { currentNavItem, navigationFor } from "./navigation";

const commissioner = { id: 1, name: "C", email: "c@example.org", role: "commissioner" as const, icbCode: "E54000057", organisationId: null, organisationName: null };

describe("the current item in the header's navigation", () => {
  const items = navigationFor(commissioner);

  it.each([
    ["/", "/"],
    ["/icb/E54000057", "/icb/E54000057"],
    ["/icb/E54000057/hjp", "/icb/E54000057"],
    ["/icb/E54000057/value-for-money", "/icb/E54000057/value-for-money"],
    ["/icb/E54000057/demand/compare", "/icb/E54000057/demand"],
    ["/icb/E54000057/returns", "/icb/E54000057/returns"],
    ["/agreements/12/edit", "/agreements"],
    ["/indicators/qof-dep", "/indicators"],
    ["/icb/E54000032", undefined],
    ["/icb/E540000570", undefined],
    ["/login", undefined],
  ])("at %s is %s, and only that one", (pathname, expected) => {
    expect(currentNavItem(items, pathname)).toBe(expected);
  });

  it("offers every link the table above relies on", () => {
    for (const href of ["/", "/icb/E54000057", "/icb/E54000057/value-for-money", "/icb/E54000057/demand", "/icb/E54000057/returns", "/agreements", "/indicators"]) {
      expect(items.map((i) => i.href)).toContain(href);
    }
  });
});
