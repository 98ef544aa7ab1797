import { describe, expect, it } from "vitest";
import { IndicatorViewQuery, searchObject, TrendQuery, viewHref } from "./selection";

describe("reading a view's selection from its address", () => {
  it.each([
    ["icb=E54000057&level=neighbourhood", { icb: "E54000057", level: "neighbourhood", peers: [] }],
    ["icb=&level=place&period=2022%2F23", { level: "place", period: "2022/23", peers: [] }],
    ["peers=U07506,u12345&peers=U99999", { peers: ["U07506", "U12345", "U99999"] }],
    ["peers=U07506+U12345", { peers: ["U07506", "U12345"] }],
    ["comparator=parent&neighbourhoods-sort=value", { comparator: "parent", peers: [] }],
  ])("reads ?%s", (query, expected) => {
    const parsed = IndicatorViewQuery.safeParse(searchObject(new URLSearchParams(query)));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(expected);
  });

  it.each([
    ["level=galaxy", "level"],
    ["icb=E54000057;drop", "icb"],
    ["comparator=mars", "comparator"],
    [`peers=${Array.from({ length: 61 }, (_, i) => `U${String(i).padStart(5, "0")}`).join(",")}`, "peers"],
  ])("refuses ?%s", (query, field) => {
    const parsed = IndicatorViewQuery.safeParse(searchObject(new URLSearchParams(query)));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].path[0]).toBe(field);
  });

  it.each([
    ["cat=Ethnic+group+(5+groups)%3A%3AAsian", { categoryType: "Ethnic group (5 groups)", category: "Asian" }],
    ["cat=", {}],
  ])("reads the form's category field ?%s", (query, expected) => {
    expect(TrendQuery.parse(searchObject(new URLSearchParams(query)))).toEqual(expected);
  });

  it("keeps a category that contains a colon and spaces", () => {
    const parsed = TrendQuery.parse(searchObject(new URLSearchParams("area=E08000009&categoryType=Ethnic+group+(5+groups)&category=Asian%3A+Indian")));
    expect(parsed).toEqual({ area: "E08000009", categoryType: "Ethnic group (5 groups)", category: "Asian: Indian" });
  });
});

describe("writing a view's address", () => {
  it.each([
    ["/indicators/qof-dep", { icb: "E54000057", level: "neighbourhood", period: "2022/23" }, "/indicators/qof-dep?icb=E54000057&level=neighbourhood&period=2022%2F23"],
    ["/indicators/qof-dep", { icb: "E54000057", place: undefined, peers: [] }, "/indicators/qof-dep?icb=E54000057"],
    ["/indicators/qof-dep", { peers: ["U1", "U2"] }, "/indicators/qof-dep?peers=U1%2CU2"],
    ["/profile/U07506", {}, "/profile/U07506"],
  ])("writes %s with %j", (path, params, href) => {
    expect(viewHref(path, params)).toBe(href);
  });
});
