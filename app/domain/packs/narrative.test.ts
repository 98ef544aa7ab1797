import { describe, expect, it } from "vitest";
import { narrativeText, parseInline, parseNarrative } from "./narrative";

const p = (...runs: [string, boolean][]) => ({ type: "paragraph", runs: runs.map(([text, bold]) => ({ text, bold })) });

describe("narrative formatting", () => {
  it.each([
    ["plain text", "plain text", [["plain text", false]]],
    ["bold in the middle", "a **b** c", [["a ", false], ["b", true], [" c", false]]],
    ["bold at the start", "**Key:** reach is low", [["Key:", true], [" reach is low", false]]],
    ["an unmatched marker kept as typed", "a **b", [["a **b", false]]],
    ["two bold runs", "**a** and **b**", [["a", true], [" and ", false], ["b", true]]],
    ["a tag stays text", "<b>not bold</b>", [["<b>not bold</b>", false]]],
  ] as const)("reads %s", (_name, input, expected) => {
    expect(parseInline(input)).toEqual(expected.map(([text, bold]) => ({ text, bold })));
  });

  it.each([
    ["an empty narrative", "", []],
    ["blank lines only", "\n \n\n", []],
    ["one paragraph over two lines", "First line\nsecond line", [p(["First line second line", false])]],
    ["two paragraphs", "One.\n\nTwo.", [p(["One.", false]), p(["Two.", false])]],
    ["Windows line endings", "One.\r\n\r\nTwo.", [p(["One.", false]), p(["Two.", false])]],
    [
      "a paragraph then a list",
      "Priorities:\n- **Reach** in Oldham\n* debt advice\n  in GP practices",
      [
        p(["Priorities:", false]),
        { type: "list", items: [[{ text: "Reach", bold: true }, { text: " in Oldham", bold: false }], [{ text: "debt advice in GP practices", bold: false }]] },
      ],
    ],
    ["control characters removed", "a\u0000b\u0007c", [p(["abc", false])]],
    ["a script tag as text", "<script>alert(1)</script>", [p(["<script>alert(1)</script>", false])]],
  ] as const)("parses %s", (_name, input, expected) => {
    expect(parseNarrative(input)).toEqual(expected);
  });

  it("flattens to plain text with bullets for a spreadsheet cell", () => {
    expect(narrativeText(parseNarrative("**Why** it matters\n\n- one\n- two"))).toBe("Why it matters\n\n• one\n• two");
  });
});
