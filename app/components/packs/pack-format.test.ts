import { describe, expect, it } from "vitest";
import { cssString, packCellText } from "./pack-format";

describe("pack text", () => {
  it.each([
    ["plain text", "Manchester pack", '"Manchester pack"'],
    ["a quote", 'The "best" pack', '"The \\"best\\" pack"'],
    ["a backslash", "a\\b", '"a\\\\b"'],
    ["a closing style tag", "</style><script>", '"\\3C /style\\3E \\3C script\\3E "'],
    ["line breaks", "one\r\ntwo", '"one two"'],
  ])("writes %s as a CSS string", (_name, text, css) => {
    expect(cssString(text)).toBe(css);
  });

  it.each([
    [13.912, "decimal", 1, "13.9"],
    [13.9, "decimal", 2, "13.90"],
    [12345, "count", undefined, "12,345"],
    [123456, "pence", undefined, "£1,235"],
    ["*", "count", undefined, "*"],
    [null, "decimal", 1, "–"],
  ] as const)("shows %s as %s", (value, format, decimals, text) => {
    expect(packCellText(value, format, decimals)).toBe(text);
  });
});
