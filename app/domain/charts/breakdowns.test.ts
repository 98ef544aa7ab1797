import { describe, expect, it } from "vitest";
import { areaTypePlural, type Available, type Breakdown, chooseBreakdown, headlineBreakdowns, profileSection } from "./breakdowns";

const f = (indicatorId: string, period: string, periodStart: string, sex: string, age: string): Breakdown => ({ indicatorId, period, periodStart, sex, age });

describe("headline breakdowns of a profile", () => {
  it.each([
    [
      "the latest period, persons only",
      [f("a", "2021/22", "2021-04-01", "Persons", "18+ yrs"), f("a", "2022/23", "2022-04-01", "Persons", "18+ yrs"), f("a", "2022/23", "2022-04-01", "Male", "18+ yrs")],
      undefined,
      [["a", "2022/23", "Persons", "18+ yrs"]],
    ],
    [
      "each sex where there is no persons figure, men before women",
      [f("le", "2020 - 22", "2020-01-01", "Female", "All ages"), f("le", "2020 - 22", "2020-01-01", "Male", "All ages")],
      undefined,
      [
        ["le", "2020 - 22", "Male", "All ages"],
        ["le", "2020 - 22", "Female", "All ages"],
      ],
    ],
    [
      "the broadest age",
      [f("o", "2023", "2023-01-01", "Persons", "25-34 yrs"), f("o", "2023", "2023-01-01", "Persons", "65+ yrs"), f("o", "2023", "2023-01-01", "Persons", "18+ yrs")],
      undefined,
      [["o", "2023", "Persons", "18+ yrs"]],
    ],
    [
      "the chosen period, leaving out indicators without it",
      [f("a", "2021/22", "2021-04-01", "Persons", "All ages"), f("a", "2022/23", "2022-04-01", "Persons", "All ages"), f("b", "2019", "2019-01-01", "Persons", "All ages")],
      "2021/22",
      [["a", "2021/22", "Persons", "All ages"]],
    ],
  ])("takes %s", (_, figures, period, expected) => {
    expect(headlineBreakdowns(figures, period).map((r) => [r.indicatorId, r.period, r.sex, r.age])).toEqual(expected);
  });
});

describe("profile sections", () => {
  it.each([
    [{ id: "qof-dep", valueType: "proportion", source: "NHS England", name: "Depression: QOF prevalence (18+)" }, "Recorded prevalence (QOF 2022-23)"],
    [{ id: "92661", valueType: "proportion", source: "PHE Fingertips indicator 92661 (modelled prevalence estimates)", name: "Estimated prevalence of depression" }, "Modelled prevalence estimates"],
    [{ id: "90366", valueType: "life-expectancy", source: "OHID", name: "Life expectancy at birth" }, "Life expectancy and mortality"],
    [{ id: "93721", valueType: "directly-standardised-rate", source: "OHID", name: "Under 75 mortality rate" }, "Life expectancy and mortality"],
    [{ id: "census-age-65-plus", valueType: "proportion", source: "ONS", name: "Population aged 65 and over (%)" }, "Population and deprivation"],
    [{ id: "93553", valueType: "score", source: "OHID", name: "Deprivation score (IMD)" }, "Population and deprivation"],
    [{ id: "93881", valueType: "proportion", source: "OHID", name: "Obesity prevalence in adults" }, "Other indicators"],
  ])("files %j under %s", (meta, section) => {
    expect(profileSection(meta)).toBe(section);
  });
});

describe("choosing a breakdown for a view", () => {
  const a = (period: string, periodStart: string, sex: string, age: string, categoryType = "", category = ""): Available => ({ period, periodStart, sex, age, categoryType, category });
  const available = [
    a("2021/22", "2021-04-01", "Persons", "18+ yrs"),
    a("2022/23", "2022-04-01", "Persons", "18+ yrs"),
    a("2022/23", "2022-04-01", "Persons", "25-34 yrs"),
    a("2022/23", "2022-04-01", "Male", "18+ yrs"),
    a("2022/23", "2022-04-01", "Persons", "18+ yrs", "Ethnic groups", "Asian"),
  ];

  it.each([
    ["nothing asked: latest period, persons, broadest age, overall", {}, ["2022/23", "Persons", "18+ yrs", "", ""]],
    ["an earlier period", { period: "2021/22" }, ["2021/22", "Persons", "18+ yrs", "", ""]],
    ["a period that does not exist falls back to the latest", { period: "1999" }, ["2022/23", "Persons", "18+ yrs", "", ""]],
    ["men", { sex: "Male" }, ["2022/23", "Male", "18+ yrs", "", ""]],
    ["an age band", { age: "25-34 yrs" }, ["2022/23", "Persons", "25-34 yrs", "", ""]],
    ["a category", { categoryType: "Ethnic groups", category: "Asian" }, ["2022/23", "Persons", "18+ yrs", "Ethnic groups", "Asian"]],
  ])("takes %s", (_, asked, expected) => {
    const chosen = chooseBreakdown(available, asked)!;
    expect([chosen.period, chosen.sex, chosen.age, chosen.categoryType, chosen.category]).toEqual(expected);
  });

  it("lists periods in date order and persons before the sexes", () => {
    const chosen = chooseBreakdown(available, {})!;
    expect(chosen.periods).toEqual(["2021/22", "2022/23"]);
    expect(chosen.sexAges.map((p) => `${p.sex} ${p.age}`)).toEqual(["Persons 18+ yrs", "Persons 25-34 yrs", "Male 18+ yrs"]);
    expect(chosen.categories).toEqual([
      { categoryType: "", category: "" },
      { categoryType: "Ethnic groups", category: "Asian" },
    ]);
  });

  it("takes the first category when there is no overall figure", () => {
    const chosen = chooseBreakdown([a("2021", "2021-01-01", "Persons", "All ages", "Ethnic group (5 groups)", "White"), a("2021", "2021-01-01", "Persons", "All ages", "Ethnic group (5 groups)", "Asian")], {})!;
    expect(chosen.category).toBe("Asian");
  });

  it("has nothing to choose from no figures", () => {
    expect(chooseBreakdown([], {})).toBeNull();
  });
});

describe("area type names", () => {
  it.each([
    ["pcn", "primary care networks"],
    ["ua", "unitary authorities"],
    ["combined-authority", "combined authority areas"],
  ])("calls %s %s", (slug, name) => {
    expect(areaTypePlural(slug)).toBe(name);
  });
});
