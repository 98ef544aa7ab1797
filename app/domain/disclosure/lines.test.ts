import { describe, expect, it } from "vitest";
import { disclosedText } from "./counts";
import { complementarySuppression, discloseCountLine, discloseSum, discloseSumLine } from "./lines";

const texts = (line: { parts: { value: number | null }[]; total: { value: number | null } }) => ({
  parts: line.parts.map((p) => disclosedText({ value: p.value, hidden: null })),
  total: disclosedText({ value: line.total.value, hidden: null }),
});

describe("discloseCountLine", () => {
  it.each([
    {
      name: "no small part: every part and the total rounded, nothing else hidden",
      parts: [12, 40, 103],
      expected: { parts: ["10", "40", "105"], total: "155" },
    },
    {
      name: "one small part: the next smallest non-zero part is hidden too",
      parts: [3, 40, 18, 0],
      expected: { parts: ["*", "40", "*", "0"], total: "60" },
    },
    {
      name: "two small parts protect each other: nothing more is hidden",
      parts: [3, 5, 40, 18],
      expected: { parts: ["*", "*", "40", "20"], total: "65" },
    },
    {
      name: "one small part and every other part zero: the total is hidden instead",
      parts: [4, 0, 0],
      expected: { parts: ["*", "0", "0"], total: "*" },
    },
    {
      name: "a single small part is its own total: both hidden",
      parts: [6],
      expected: { parts: ["*"], total: "*" },
    },
    {
      name: "ties for the next smallest go to the earlier part",
      parts: [50, 20, 2, 20],
      expected: { parts: ["50", "*", "*", "20"], total: "90" },
    },
    {
      name: "all zeros stay zeros",
      parts: [0, 0],
      expected: { parts: ["0", "0"], total: "0" },
    },
  ])("$name", ({ parts, expected }) => {
    expect(texts(discloseCountLine(parts))).toEqual(expected);
  });

  it("says which cells are hidden on their own account and which to protect them", () => {
    const line = discloseCountLine([3, 40, 18]);
    expect(line.parts.map((p) => p.hidden)).toEqual(["primary", null, "secondary"]);
  });

  it("needs no complementary suppression when the total is not shown", () => {
    expect(texts(discloseCountLine([3, 40, 18], { totalShown: false })).parts).toEqual(["*", "40", "20"]);
  });

  it("takes a total larger than the parts shown (rows not listed) and still protects the small part", () => {
    const line = discloseCountLine([3, 40], { total: 60 });
    expect(texts(line)).toEqual({ parts: ["*", "*"], total: "60" });
  });

  it("hides a small total on its own account", () => {
    expect(discloseCountLine([0, 0], { total: 5 }).total).toEqual({ value: null, hidden: "primary" });
  });
});

describe("discloseSumLine", () => {
  it.each([
    {
      name: "sums resting on 8 or more people are shown unrounded",
      parts: [
        { sum: 123_456, people: 8 },
        { sum: 99_999, people: 30 },
      ],
      expected: ["123456", "99999"],
      total: "223455",
    },
    {
      name: "a sum from fewer than 8 people is hidden, and the next smallest with it",
      parts: [
        { sum: 50_000, people: 3 },
        { sum: 400_000, people: 40 },
        { sum: 120_000, people: 12 },
      ],
      expected: ["*", "400000", "*"],
      total: "570000",
    },
    {
      name: "no people gives a shown zero",
      parts: [
        { sum: 0, people: 0 },
        { sum: 80_000, people: 9 },
      ],
      expected: ["0", "80000"],
      total: "80000",
    },
  ])("$name", ({ parts, expected, total }) => {
    const line = discloseSumLine(parts);
    expect(line.parts.map((p) => disclosedText(p))).toEqual(expected);
    expect(disclosedText(line.total)).toBe(total);
  });

  it("hides a single sum about 7 people", () => {
    expect(discloseSum(70_000, 7)).toEqual({ value: null, hidden: "primary" });
    expect(discloseSum(80_000, 8)).toEqual({ value: 80_000, hidden: null });
  });
});

describe("complementarySuppression", () => {
  it("refuses lines whose flags and sizes differ in length", () => {
    expect(() => complementarySuppression({ primary: [true], sizes: [], totalShown: true })).toThrow("same length");
  });

  it("leaves a line alone when its total is already hidden", () => {
    expect(complementarySuppression({ primary: [true, false], sizes: [3, 40], totalShown: true, totalPrimary: true })).toEqual({ hidden: ["primary", null], total: "primary" });
  });
});
